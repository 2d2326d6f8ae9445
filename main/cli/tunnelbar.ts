#!/usr/bin/env node
import { openCore, type Core } from '../core';
import { setLocale } from '../i18n/catalogue';
import { localeFromEnv, SOURCE_LOCALE } from '../i18n/locale';
import { ActivationError } from '../nm/actions';
import { describeUnknownError, TunnelbarError } from '../errors/tunnelbar-error';
import { parseArgs, usage, UsageError, type CliArgs } from './args';
import { down, list, status, up, watch, type ExitCode, type Io } from './commands';
import { dnsCommand } from './dns-command';
import { exportCommand } from './export-command';
import { importFiles } from './import-command';
import { hookCommand, hookRunCommand } from './hook-command';
import { lockdownCommand } from './lockdown-command';
import { runStrings as r } from './run-strings';
import { PromptTap, stay } from './stay-command';
import { TerminalPrompter } from './terminal-prompter';
import { terminalSafe } from './terminal-text';
import { version } from './version';

/** Errors about the setup rather than the VPN: exit 2, so scripts can tell them apart. */
function isEnvironmentError(err: TunnelbarError): boolean {
  return (
    !(err instanceof ActivationError) ||
    err.word === 'permission-denied' ||
    err.word === 'nm-not-running'
  );
}

async function runCommand(
  core: Core,
  args: CliArgs,
  io: Io,
  prompter: PromptTap | null,
): Promise<ExitCode> {
  switch (args.command) {
    case 'list':
      return list(core, io, args.json);
    case 'status':
      return status(core, io, args.json);
    case 'up':
      if (args.stay === true) {
        const { json, timeoutSeconds } = args;
        return stay(core, io, args.profile ?? '', { json, timeoutSeconds, prompter });
      }
      return up(core, io, args.profile ?? '', args.timeoutSeconds);
    case 'down':
      return down(core, io, args.profile ?? '');
    case 'watch':
      return watch(core, io, args.json);
    case 'export':
      return exportCommand(core, io, args.profile ?? '', args.output ?? null, args.json);
    case 'lockdown':
      return lockdownCommand(core, io, args.lockdown ?? 'status', args.json, args.lan);
    case 'dns':
      return dnsCommand(core, io, args.json);
    case 'import': // handled before the core is opened
    case 'help':
    case 'version':
      return 0;
  }
}

export async function main(
  argv: readonly string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr },
): Promise<ExitCode> {
  // The session's language, as every other program in the terminal speaks it.
  setLocale(localeFromEnv(process.env));
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`${terminalSafe(err.message, 'lines')}\n\n${usage()}\n`);
    return 2;
  }
  // `--json` is for scripts: every text in it (an import's errors and warnings, an export's
  // warnings) stays English, as the reason and error words do. So does that run's stderr.
  if (args.json) setLocale(SOURCE_LOCALE);
  if (args.command === 'help') {
    io.stdout.write(`${usage()}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout.write(`tunnelbar ${version()}\n`);
    return 0;
  }
  let core: Core | null = null;
  try {
    // import opens its own connection: no live model, no agent (import-command.ts).
    if (args.command === 'import' && args.import !== undefined) {
      return await importFiles(io, args.json, args.import);
    }
    // Lockdown's dispatcher hook: install and remove touch only files; hook-run connects itself.
    if (args.hook !== undefined) return await hookCommand(io, args.hook);
    if (args.hookRun !== undefined) return await hookRunCommand(args.hookRun);
    // `up` answers NetworkManager's secret requests while it waits, from the keyring first; only
    // --ask lets it prompt, otherwise it says "no secrets" and another agent (nm-applet, the
    // Tunnelbar app) may answer. --save keeps what --ask asked for in the keyring.
    // --stay's policy hears of each prompt through the tap: one per series of attempts.
    const prompter = args.ask
      ? new PromptTap(new TerminalPrompter(process.stdin, process.stderr, args.save === true))
      : null;
    const agent =
      args.command === 'up' ? { identifier: `tunnelbar.cli.${process.pid}`, prompter } : undefined;
    core = await openCore({
      ...(agent ? { agent } : {}),
      onWarning: (text) => io.stderr.write(`${r.warning(terminalSafe(text, 'lines'))}\n`),
    });
    const opened = core;
    const stop = (): void => {
      void opened.close().finally(() => process.exit(130));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await runCommand(core, args, io, prompter);
  } catch (err) {
    if (err instanceof TunnelbarError) {
      // Messages quote names, paths and NetworkManager's own texts.
      io.stderr.write(`${err.word}: ${terminalSafe(err.message, 'lines')}\n`);
      return isEnvironmentError(err) ? 2 : 1;
    }
    io.stderr.write(`${r.error(terminalSafe(describeUnknownError(err), 'lines'))}\n`);
    return 2;
  } finally {
    await core?.close();
  }
}

/** Runs the command line and exits with its status (the launcher's and `node tunnelbar.js`'s end). */
export function runAsProgram(argv: readonly string[]): void {
  void main(argv).then((code) => {
    process.exitCode = code;
    // Exit once stdout and stderr are flushed: a pipe to a slow reader would otherwise lose the
    // end of a long --json. Exiting at all is needed for open handles (a prompter's stdin).
    process.stdout.write('', () => {
      process.stderr.write('', () => process.exit(code));
    });
  });
}

if (require.main === module) runAsProgram(process.argv.slice(2));
