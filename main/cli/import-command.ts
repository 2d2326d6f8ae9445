// `tunnelbar import`: collects the files, runs the import pipeline, reports as it goes.

import { homedir } from 'node:os';
import { runImport } from '../import/pipeline';
import type { ImportEvent, ImportSummary } from '../import/types';
import { collectTargets } from '../import/walk';
import { loadExistingProfiles } from '../import/existing';
import type { ExistingProfile } from '../import/existing-index';
import { NmBus } from '../nm/bus';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { nmNotRunning } from '../nm/errors';
import type { NmCaller } from '../nm/settings-calls';
import type { ImportArgs } from './args';
import type { ExitCode, Io } from './commands';
import { describeOutcome, importEntry } from './import-format';
import { importStrings as t } from './import-strings';
import { ProgressBar } from './progress-bar';
import { terminalSafe } from './terminal-text';

function summaryLine(s: ImportSummary, dryRun: boolean): string {
  return t.summary(s.total, dryRun, dryRun ? s.planned : s.added, s.duplicates, s.failed);
}

/**
 * The report goes to stdout as the files are done, in their order: a JSON array written entry by
 * entry (so 5,000 files are never held as one string), or one line per file. A terminal's stderr
 * shows a progress bar meanwhile.
 */
function reporter(
  io: Io,
  json: boolean,
): {
  onEvent: (e: ImportEvent) => void;
  end: () => void;
} {
  let bar: ProgressBar | null = null;
  let entries = 0;
  // Only a report going to the terminal too has to step around the bar.
  const sharesTerminal = (io.stdout as { isTTY?: boolean }).isTTY === true;
  const print = (text: string): void => {
    if (bar === null || !sharesTerminal) io.stdout.write(text);
    else bar.above(() => io.stdout.write(text));
  };
  if (json) io.stdout.write('[');
  return {
    onEvent: (e) => {
      if (e.type === 'start') {
        bar = ProgressBar.forStream(io.stderr, e.total);
        bar?.update(0, '');
        return;
      }
      bar?.update(e.done, e.outcome.file);
      if (json) {
        const json = JSON.stringify(importEntry(e.outcome), null, 2).replace(/\n/g, '\n  ');
        print(`${entries === 0 ? '' : ','}\n  ${json}`);
      } else {
        print(`${describeOutcome(e.outcome).join('\n')}\n`);
      }
      entries++;
    },
    end: () => {
      bar?.finish();
      if (json) io.stdout.write(entries === 0 ? ']\n' : '\n]\n');
    },
  };
}

/**
 * `tunnelbar import <files or folders...>`: exit 0 when every file was added (or, with
 * --dry-run, would be), 1 when some were not (failed or duplicate), 2 when the import could not
 * go on (NetworkManager gone, permission denied, interrupted). It opens its own bus connection
 * rather than the core: no live model (see existing.ts), no secret agent.
 */
export async function importFiles(io: Io, json: boolean, args: ImportArgs): Promise<ExitCode> {
  const bus = await connectForImport(args.dryRun);
  if (bus === null) {
    // A dry run only parses and reports: it needs NetworkManager only to find duplicates.
    io.stderr.write(`${t.noDuplicateCheck}\n`);
    return run(noBus, [], io, json, args);
  }
  try {
    if (bus.nmOwner === null) throw nmNotRunning();
    return await run(bus, await loadExistingProfiles(bus), io, json, args);
  } finally {
    bus.close();
  }
}

/** The import only calls NetworkManager; it needs none of its state signals. */
const CALLS_ONLY = { nmSignals: false } as const;

/** The bus; for a dry run, null when there is no bus or no NetworkManager on it. */
async function connectForImport(dryRun: boolean): Promise<NmBus | null> {
  if (!dryRun) return NmBus.connect(undefined, undefined, CALLS_ONLY);
  let bus: NmBus;
  try {
    bus = await NmBus.connect(undefined, undefined, CALLS_ONLY);
  } catch (err) {
    if (err instanceof TunnelbarError) return null;
    throw err;
  }
  if (bus.nmOwner !== null) return bus;
  bus.close();
  return null;
}

/** Stands in for the bus in a dry run without NetworkManager; nothing may reach it. */
const noBus: NmCaller = {
  call: () => Promise.reject(new Error('a dry run without NetworkManager made a bus call')),
};

async function run(
  bus: NmCaller,
  existing: readonly ExistingProfile[],
  io: Io,
  json: boolean,
  args: ImportArgs,
): Promise<ExitCode> {
  const targets = await collectTargets(args.paths);
  const out = reporter(io, json);
  // Ctrl-C stops starting new files and lets the calls in flight finish, so that no profile is
  // left without its certificate files; a second Ctrl-C kills at once.
  const stop = new AbortController();
  const onSignal = (): void => {
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let summary: ImportSummary;
  try {
    summary = await runImport(
      targets,
      { bus, existing },
      {
        home: homedir(),
        dryRun: args.dryRun,
        allowDuplicates: args.allowDuplicates,
        signal: stop.signal,
        onEvent: out.onEvent,
      },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    out.end();
  }
  if (!json) io.stdout.write(`${summaryLine(summary, args.dryRun)}\n`);
  if (summary.fatal !== null) {
    io.stderr.write(`${t.stopped(terminalSafe(summary.fatal, 'lines'))}\n`);
    return 2;
  }
  return summary.failed + summary.duplicates > 0 ? 1 : 0;
}
