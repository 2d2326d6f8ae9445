// The import pipeline: files are prepared one after the other (parse, compare, write inline files) while
// their AddConnection2 calls run pipelined over the one bus connection. At most `window` files are
// between "started" and "reported" at any time, which bounds both the calls in flight (the system
// bus refuses more than 128 pending replies per connection, see nm/limited.ts) and the memory:
// a file's settings are dropped once NetworkManager has answered, so 5,000 files take no more
// than 50. Outcomes are reported strictly in input order, whatever order the answers come in.

import { randomUUID } from 'node:crypto';
import { DuplicateIndex, type ExistingProfile } from './existing-index';
import { addConnection2, getSecrets, type NmCaller } from '../nm/settings-calls';
import { ADD_TIMEOUT_MS, classifyAddError, IMPORT_ADD_FLAGS } from './add-profiles';
import { prepareFile, type PrepareContext, type ReadyFile } from './prepare';
import type { ImportEvent, ImportSummary, FileOutcome } from './types';
import type { WalkEntry } from './walk';
import { removeFiles } from './inline-files';
import { readProfileFile, readReferencedFile } from './read-bounded';
import type { ReadFile } from '../vpn/result';
import { importErrorStrings as m } from '../vpn/import-errors-strings';

/** Under the bus's 128 pending replies, as for GetSettings in the model, and still pipelined. */
export const DEFAULT_WINDOW = 48;

export interface ImportRunOptions {
  /** The home folder inline blocks are written under (~/.cert/nm-openvpn/). */
  home: string;
  /** Parse, compare and report, but add nothing and write nothing. */
  dryRun?: boolean;
  /** Add a file even when a profile with the same content exists. */
  allowDuplicates?: boolean;
  window?: number;
  /** Reads what a profile names; also the profiles themselves unless readProfile is given. */
  readFile?: ReadFile;
  readProfile?: ReadFile;
  newUuid?: () => string;
  /**
   * Stops starting new files; those in flight finish, the rest are reported as skipped. A string
   * given to abort() is the reason reported; otherwise "interrupted".
   */
  signal?: AbortSignal;
  onEvent?: (event: ImportEvent) => void;
}

export interface ImportRunDeps {
  bus: NmCaller;
  /** The connections NetworkManager holds now (GetSettings, no secrets). */
  existing: Iterable<ExistingProfile>;
}

function summarize(outcome: FileOutcome, s: ImportSummary): void {
  if (outcome.status === 'added') s.added++;
  else if (outcome.status === 'planned') s.planned++;
  else if (outcome.status === 'duplicate') s.duplicates++;
  else s.failed++;
}

function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return typeof reason === 'string' ? reason : 'interrupted';
}

export async function runImport(
  targets: readonly WalkEntry[],
  deps: ImportRunDeps,
  opts: ImportRunOptions,
): Promise<ImportSummary> {
  const readFile = opts.readFile ?? readReferencedFile;
  const readProfile = opts.readProfile ?? opts.readFile ?? readProfileFile;
  const window = Math.max(1, opts.window ?? DEFAULT_WINDOW);
  const total = targets.length;
  const summary: ImportSummary = {
    total,
    added: 0,
    planned: 0,
    duplicates: 0,
    failed: 0,
    fatal: null,
  };
  const ctx: PrepareContext = {
    index: new DuplicateIndex(deps.existing, {
      readFile,
      getSecrets: (path, setting) => getSecrets(deps.bus, path, setting),
    }),
    home: opts.home,
    dryRun: opts.dryRun === true,
    allowDuplicates: opts.allowDuplicates === true,
    readFile,
    readProfile,
    newUuid: opts.newUuid ?? randomUUID,
  };

  // Outcomes that arrived ahead of an earlier file's, until that one is reported.
  const pending = new Map<number, FileOutcome>();
  let reported = 0;
  const report = (outcome: FileOutcome): void => {
    pending.set(outcome.index, outcome);
    for (let next = pending.get(reported); next !== undefined; next = pending.get(reported)) {
      pending.delete(reported);
      reported++;
      summarize(next, summary);
      opts.onEvent?.({ type: 'file', outcome: next, done: reported, total });
    }
  };

  const add = async (f: ReadyFile): Promise<FileOutcome> => {
    const { index, file, kind, uuid, id, warnings, repairs, written } = f;
    try {
      await addConnection2(deps.bus, f.settings, IMPORT_ADD_FLAGS, ADD_TIMEOUT_MS);
      return {
        status: 'added',
        index,
        file,
        kind,
        uuid,
        id,
        warnings,
        repairs,
        inlineFiles: written,
      };
    } catch (err) {
      const why = classifyAddError(err);
      if (why.fatal) summary.fatal ??= why.message;
      if (!why.maybeAdded) {
        try {
          removeFiles(written);
        } catch {
          // Reported below as part of the failure; nothing else can be done about it.
        }
      }
      return {
        status: 'failed',
        stage: 'add',
        index,
        file,
        error: { file, line: null, message: why.message },
      };
    }
  };

  opts.onEvent?.({ type: 'start', total });
  const inFlight = new Set<Promise<void>>();
  for (let index = 0; index < total; index++) {
    const target = targets[index];
    if (target === undefined) break;
    while (index - reported >= window && inFlight.size > 0) await Promise.race(inFlight);
    if (opts.signal?.aborted === true) summary.fatal ??= abortReason(opts.signal);
    if (summary.fatal !== null) {
      const file = target.display;
      const message = m.pipeline.notImported(summary.fatal);
      report({
        status: 'failed',
        stage: 'skipped',
        index,
        file,
        error: { file, line: null, message },
      });
      continue;
    }
    const prepared = await prepareFile(index, target, ctx);
    if ('outcome' in prepared) {
      report(prepared.outcome);
      continue;
    }
    const ready = prepared.ready;
    const outcome = add(ready);
    // Registered before the next file is compared, so a second copy waits for this one's answer.
    if (ready.key !== null) {
      ctx.index.remember(
        ready.key,
        ready.uuid,
        ready.id,
        outcome.then((o) => o.status === 'added'),
      );
    }
    const done = outcome.then(report).finally(() => inFlight.delete(done));
    inFlight.add(done);
  }
  await Promise.all(inFlight);
  return summary;
}
