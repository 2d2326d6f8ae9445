import type { Writable } from 'node:stream';
import type { TunnelStateView } from '../../preload/tunnel-types';
import type { Core } from '../core';
import { PushedDomainLearner } from '../dns/learn-pushed';
import { activate, deactivate, findProfile, waitForSettled } from '../nm/actions';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { nmNotRunning } from '../nm/errors';
import type { TunnelState } from '../nm/tunnel-state';
import { followReconnecting, readReconnecting, withShared } from '../reconnect/shared-state';
import { describeState, describeStatus, listEntry, statusEntry, type StatusEntry } from './format';
import { cliStrings } from './cli-strings';
import { runStrings as r } from './run-strings';
import { terminalSafe as safe } from './terminal-text';

export interface Io {
  stdout: Writable;
  stderr: Writable;
}

/** Exit status: 0 done, 1 the VPN failed, 2 usage or environment error. */
export type ExitCode = 0 | 1 | 2;

const DEFAULT_UP_TIMEOUT_S = 120;

function requireNm(core: Core): void {
  if (!core.model.nmRunning) throw nmNotRunning();
}

export function list(core: Core, io: Io, json: boolean): ExitCode {
  requireNm(core);
  const entries = core.model
    .profiles()
    .map((p) => listEntry(p, core.model.tunnelState(p.uuid)))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (json) io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  // Tab-separated columns: a tab or newline in a name is escaped with the rest (terminal-text.ts).
  else
    for (const e of entries)
      io.stdout.write(
        `${safe(e.id)}\t${safe(e.type)}\t${cliStrings.state.word(e.state)}\t${safe(e.uuid)}\n`,
      );
  return 0;
}

function activeEntries(core: Core): StatusEntry[] {
  // A VPN the app (or `up --stay`) is bringing back shows as reconnecting, not as NetworkManager's
  // "failed" between attempts.
  const shared = readReconnecting();
  return core.model
    .profiles()
    .map((p) => statusEntry(p, withShared(core.model.tunnelState(p.uuid), shared.get(p.uuid))))
    .filter((e) => e.state !== 'disconnected')
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function status(core: Core, io: Io, json: boolean): ExitCode {
  requireNm(core);
  const entries = activeEntries(core);
  if (json) io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  else if (entries.length === 0) io.stdout.write(`${r.noneActive}\n`);
  else io.stdout.write(`${entries.map((e) => describeStatus(e, Date.now())).join('\n')}\n`);
  return 0;
}

export async function up(
  core: Core,
  io: Io,
  ref: string,
  timeoutSeconds: number | null,
): Promise<ExitCode> {
  requireNm(core);
  const profile = findProfile(core.model, ref);
  const current = core.model.tunnelState(profile.uuid);
  if (current.kind === 'connected') {
    // Scripts call `up` to make sure; tearing a working tunnel down and up again would hurt.
    io.stdout.write(`${r.already(safe(profile.id), describeState(current))}\n`);
    await learnPushedDomains(core, io, profile.uuid);
    return 0;
  }
  await activate(core.bus, profile);
  const timeoutMs = (timeoutSeconds ?? DEFAULT_UP_TIMEOUT_S) * 1000;
  let final: TunnelState;
  try {
    final = await waitForSettled(core.model, profile.uuid, { timeoutMs });
    // The agent may start the attempt again (an OpenVPN user name typed for a profile without
    // one is written into it first): the new attempt is the one to wait for.
    const restarted = core.agent?.restartOf(profile.uuid);
    if (final.kind !== 'connected' && restarted !== undefined && (await restarted))
      final = await waitForSettled(core.model, profile.uuid, { timeoutMs });
  } catch (err) {
    if (err instanceof TunnelbarError && err.word === 'timeout') {
      // Leave nothing half-way: a script that sees "failed" must not find a tunnel coming up later.
      await deactivate(core.bus, core.model, profile).catch(() => 0);
      io.stderr.write(`${r.timedOut(safe(profile.id), timeoutMs / 1000)}\n`);
      return 1;
    }
    throw err;
  }
  if (final.kind === 'connected') {
    io.stdout.write(`${safe(profile.id)}: ${describeState(final)}\n`);
    await learnPushedDomains(core, io, profile.uuid);
    return 0;
  }
  if (final.kind === 'failed') {
    io.stderr.write(`${final.reason.word}: ${safe(final.reason.sentence)}\n`);
    return 1;
  }
  io.stderr.write(`${safe(profile.id)}: ${describeState(final)}\n`);
  return 1;
}

/**
 * The CLI's learner of the domains an 'own-domains' VPN's server pushed, as the app's
 * (main/dns/learn-pushed.ts): a refused write is a warning on stderr. `up` and `up --stay` use it.
 */
export function cliPushedDomainLearner(core: Core, io: Io): PushedDomainLearner {
  return new PushedDomainLearner({
    bus: core.bus,
    model: core.model,
    onRefused: (id, reason) => {
      io.stderr.write(`${r.warning(r.pushedNotLearnt(safe(id), safe(reason, 'lines')))}\n`);
    },
  });
}

/** `up` learns once, before it returns; the learnt domains take effect at the next connection. */
function learnPushedDomains(core: Core, io: Io, uuid: string): Promise<void> {
  return cliPushedDomainLearner(core, io).tunnelChanged(uuid);
}

export async function down(core: Core, io: Io, ref: string): Promise<ExitCode> {
  requireNm(core);
  const profile = findProfile(core.model, ref);
  const count = await deactivate(core.bus, core.model, profile);
  if (count === 0) {
    io.stdout.write(`${r.notActive(safe(profile.id))}\n`);
    return 0;
  }
  await waitForSettled(core.model, profile.uuid, { until: 'down', timeoutMs: 30_000 });
  io.stdout.write(`${safe(profile.id)}: ${cliStrings.state.word('disconnected')}\n`);
  return 0;
}

/**
 * Prints one line per change until the process is interrupted; survives NetworkManager restarts
 * and the system bus going away (the core reconnects; a line says so each way).
 */
export function watch(core: Core, io: Io, json: boolean): Promise<never> {
  const names = new Map<string, string>();
  const remember = (): void => {
    for (const p of core.model.profiles()) names.set(p.uuid, p.id);
  };
  remember();
  const print = (record: Record<string, unknown>, text: string): void => {
    const time = new Date().toISOString();
    io.stdout.write(json ? `${JSON.stringify({ time, ...record })}\n` : `${time} ${text}\n`);
  };
  core.model.on('profiles', remember);
  const shared = readReconnecting();
  const printTunnel = (uuid: string, state: TunnelStateView): void => {
    const id = names.get(uuid) ?? uuid;
    print(
      { event: 'tunnel', ...statusEntry({ uuid, id }, state) },
      `${safe(id)}: ${describeState(state)}`,
    );
  };
  core.model.on('tunnel', (uuid, state) => {
    printTunnel(uuid, withShared(state, shared.get(uuid)));
  });
  // Reconnecting, as the process running the policy shares it (main/reconnect/shared-state.ts).
  followReconnecting((uuid, state) => {
    if (state === null) shared.delete(uuid);
    else shared.set(uuid, state);
    printTunnel(uuid, state ?? core.model.tunnelState(uuid));
  });
  core.model.on('nm', (running, bus) => {
    if (bus === 'lost') {
      print({ event: 'bus-lost' }, r.busLost);
      return;
    }
    if (bus === 'reconnected') print({ event: 'bus-reconnected' }, r.busReconnected);
    if (running) remember();
    print({ event: running ? 'nm-started' : 'nm-stopped' }, running ? r.nmRunning : r.nmStopped);
  });
  if (!core.model.nmRunning) print({ event: 'nm-stopped' }, r.nmWaiting);
  return new Promise<never>(() => undefined);
}
