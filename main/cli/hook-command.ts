// `tunnelbar lockdown hook install|remove` (root: writes or removes lockdown's NetworkManager
// dispatcher hook) and `tunnelbar lockdown hook-run <iface> <action>` (what that hook runs, as
// root, on each NetworkManager event). Neither needs the live model for install and remove;
// hook-run opens its own connection, without reconnecting, and is bounded in time: the
// dispatcher must never wait on it for long.
import { openCore, type Core } from '../core';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { dispatcherDir, installHook, removeHook, runningTarget } from '../lockdown/hook-files';
import { hookEvent, hookRun } from '../lockdown/hook-run';
import type { CliArgs } from './args';
import type { ExitCode, Io } from './commands';
import { runStrings } from './run-strings';
import { terminalSafe as safe } from './terminal-text';

/** Resolving takes 5 s at most per server, in parallel; the rest is a few bus calls. */
const HOOK_RUN_LIMIT_MS = 40_000;

export async function hookCommand(io: Io, action: NonNullable<CliArgs['hook']>): Promise<ExitCode> {
  const l = runStrings.lockdown;
  const dir = dispatcherDir();
  switch (action) {
    case 'install':
      io.stdout.write(`${l.hookInstalled(safe(await installHook(dir, runningTarget())))}\n`);
      return 0;
    case 'remove':
      io.stdout.write(`${(await removeHook(dir)) ? l.hookRemoved : l.hookAbsent}\n`);
      return 0;
  }
}

function limit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TunnelbarError('hook-failed', `gave up after ${HOOK_RUN_LIMIT_MS / 1000} s`));
    }, HOOK_RUN_LIMIT_MS);
  });
  return Promise.race([work, late]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * Runs the hook for one event. Prints nothing when all went well (NetworkManager logs what a
 * dispatcher script prints); a failure is one line on stderr from the caller.
 */
export async function hookRunCommand(
  run: NonNullable<CliArgs['hookRun']>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ExitCode> {
  // Most events are none of lockdown's: no bus connection for them.
  if (hookEvent(run.iface, run.action, env.CONNECTION_ID) === null) return 0;
  let core: Core | null = null;
  try {
    await limit(
      (async () => {
        core = await openCore({ reconnect: false });
        await hookRun(core.bus, core.model, run.iface, run.action, env.CONNECTION_ID);
      })(),
    );
    return 0;
  } finally {
    await (core as Core | null)?.close();
  }
}
