import type { Core } from '../core';
import { activate, ActivationError, findProfile } from '../nm/actions';
import { TunnelbarError } from '../errors/tunnelbar-error';
import type { Reason, ReasonWord } from '../nm/reasons';

function wordOf(word: string): ReasonWord {
  if (word === 'unknown-profile') return 'unknown-connection';
  if (word === 'nm-not-running') return 'nm-not-running';
  return 'activation-failed';
}

/**
 * One attempt of the reconnect policy: ActivateConnection for the profile as NetworkManager has
 * it now. Null when NetworkManager took it (progress comes as model events), else why not: a
 * profile deleted meanwhile is `unknown-connection`, which ends the series.
 */
export async function activateAgain(core: Core, uuid: string): Promise<Reason | null> {
  try {
    await activate(core.bus, findProfile(core.model, uuid));
    return null;
  } catch (err) {
    if (err instanceof ActivationError) return err.reason;
    if (err instanceof TunnelbarError) {
      return { word: wordOf(err.word), code: null, sentence: err.message };
    }
    return { word: 'activation-failed', code: null, sentence: String(err) };
  }
}

/** Whether an active connection (by its path) is one of the VPNs the model follows. */
export function isTunnelPath(core: Core, activePath: string): boolean {
  return core.model
    .profiles()
    .some((p) => core.model.activeConnections(p.uuid).some((rec) => rec.path === activePath));
}
