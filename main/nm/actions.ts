import { isDBusError } from '../dbus/connection';
import type { NmBus } from './bus';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { ambiguousProfile, nmNotRunning, unknownProfile } from './errors';
import type { NmModel } from './model';
import { IFACE, NM_PATH } from './names';
import type { Profile } from './profile';
import type { NmCaller } from './settings-calls';
import { reasonFromActivationError, type Reason } from './reasons';
import { isSettled, type TunnelState } from './tunnel-state';
import { errorStrings as e } from '../errors/error-strings';

/** ActivateConnection or DeactivateConnection was refused; carries the reason. */
export class ActivationError extends TunnelbarError {
  constructor(readonly reason: Reason) {
    super(reason.word, reason.sentence);
    this.name = 'ActivationError';
  }
}

/** Finds a VPN profile by UUID, else by name (which must then be unique). */
export function findProfile(model: Pick<NmModel, 'nmRunning' | 'profiles'>, ref: string): Profile {
  if (!model.nmRunning) throw nmNotRunning();
  const profiles = model.profiles();
  const byUuid = profiles.find((p) => p.uuid === ref);
  if (byUuid !== undefined) return byUuid;
  const byId = profiles.filter((p) => p.id === ref);
  const [only] = byId;
  if (only === undefined) throw unknownProfile(ref);
  if (byId.length > 1) throw ambiguousProfile(ref, byId.length);
  return only;
}

function toActivationError(err: unknown): never {
  if (isDBusError(err)) {
    throw new ActivationError(reasonFromActivationError(err.type, err.text));
  }
  throw err;
}

/**
 * ActivateConnection of the profile at `path`; returns the ActiveConnection path. NetworkManager's
 * refusals come as they are (D-Bus errors): callers word them for their case.
 */
export async function activateConnection(bus: NmCaller, path: string): Promise<string> {
  // For a VPN, "/" as device and specific object lets NetworkManager pick the base connection;
  // WireGuard (and lockdown's bridge) find their device from connection.interface-name.
  const [acPath] = await bus.call({
    path: NM_PATH,
    iface: IFACE.manager,
    member: 'ActivateConnection',
    signature: 'ooo',
    body: [path, '/', '/'],
  });
  return String(acPath);
}

/** Starts activating a profile; returns the ActiveConnection path. Progress arrives as model events. */
export async function activate(bus: NmBus, profile: Profile): Promise<string> {
  try {
    return await activateConnection(bus, profile.path);
  } catch (err) {
    return toActivationError(err);
  }
}

/** Deactivates every active connection of a profile; returns how many there were. */
export async function deactivate(bus: NmBus, model: NmModel, profile: Profile): Promise<number> {
  const records = model.activeConnections(profile.uuid);
  for (const rec of records) {
    try {
      await bus.call({
        path: NM_PATH,
        iface: IFACE.manager,
        member: 'DeactivateConnection',
        signature: 'o',
        body: [rec.path],
      });
    } catch (err) {
      // Already gone between our look and the call: that is what we wanted.
      if (isDBusError(err, 'org.freedesktop.NetworkManager.ConnectionNotActive')) continue;
      toActivationError(err);
    }
  }
  return records.length;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Called on every state on the way (for progress output). */
  onState?: (state: TunnelState) => void;
  /** Which end counts: a tunnel coming up settles at connected or failed, one going down at disconnected or failed. */
  until?: 'up' | 'down';
}

/** Resolves with the tunnel's state once it has settled (connected/failed, or down). */
export function waitForSettled(
  model: NmModel,
  uuid: string,
  opts: WaitOptions = {},
): Promise<TunnelState> {
  const until = opts.until ?? 'up';
  // Called after ActivateConnection returned, when the model already holds the new attempt
  // (NetworkManager announces it before replying), so "disconnected" means it ended.
  const done = (state: TunnelState): boolean =>
    until === 'down' ? state.kind === 'disconnected' || state.kind === 'failed' : isSettled(state);
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void): void => {
      clearTimeout(timer);
      model.off('tunnel', onTunnel);
      model.off('nm', onNm);
      fn();
    };
    const onTunnel = (changed: string, state: TunnelState): void => {
      if (changed !== uuid) return;
      opts.onState?.(state);
      if (done(state)) {
        finish(() => {
          resolve(state);
        });
      }
    };
    const onNm = (running: boolean): void => {
      if (!running)
        finish(() => {
          reject(nmNotRunning());
        });
    };
    model.on('tunnel', onTunnel);
    model.on('nm', onNm);
    const current = model.tunnelState(uuid);
    if (done(current)) {
      finish(() => {
        resolve(current);
      });
      return;
    }
    if (opts.timeoutMs !== undefined) {
      const seconds = Math.round(opts.timeoutMs / 1000);
      timer = setTimeout(() => {
        finish(() => {
          reject(new TunnelbarError('timeout', e.tunnelTimeout(seconds)));
        });
      }, opts.timeoutMs);
    }
  });
}
