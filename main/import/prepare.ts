// One file of an import up to the point of adding it: read and parse it, compare it with the
// profiles there are, and write its inline blocks. Either it ends here (failed, duplicate, or
// planned in a dry run) or it hands back the settings to add and the files written for them, which
// the caller removes again if NetworkManager refuses the profile.

import type { SettingsDict } from '../nm/dbus-types';
import { asStored, fileHashes, secretsOf, skeletonOf } from './dedupe';
import type { ContentKey, DuplicateIndex } from './existing-index';
import type { ImportWarning, FailedOutcome, FileOutcome, ImportTarget } from './types';
import { fsReason, isProblem, type WalkEntry } from './walk';
import { parseImportFile, type ImportKind } from '../vpn/detect';
import { inlineFilePath, removeFiles, withInlinePaths, writeInlineFiles } from './inline-files';
import { withoutSecrets, type ImportedProfile } from '../vpn/profile';
import { FileRefused } from './read-bounded';
import type { ImportNote, ImportResult, ReadFile } from '../vpn/result';
import { toSettingsDict } from '../vpn/settings-dict';
import { importErrorStrings as m } from '../vpn/import-errors-strings';

export interface PrepareContext {
  index: DuplicateIndex;
  home: string;
  dryRun: boolean;
  allowDuplicates: boolean;
  /** Certificates, keys and auth files a profile names. */
  readFile: ReadFile;
  /** The profile files themselves. */
  readProfile: ReadFile;
  newUuid: () => string;
}

/** A file ready to add: its settings, and what to report or undo once NetworkManager answers. */
export interface ReadyFile {
  index: number;
  file: string;
  kind: ImportKind;
  uuid: string;
  id: string;
  settings: SettingsDict;
  /** Inline files written for it, removed again if the profile is not added. */
  written: string[];
  warnings: ImportWarning[];
  repairs: ImportNote[];
  /** null when duplicates are allowed (nothing to compare later files with). */
  key: ContentKey | null;
}

export type Prepared = { outcome: FileOutcome } | { ready: ReadyFile };

function failed(
  index: number,
  file: string,
  stage: FailedOutcome['stage'],
  line: number | null,
  message: string,
): { outcome: FailedOutcome } {
  return { outcome: { status: 'failed', index, file, stage, error: { file, line, message } } };
}

/** Reading the file itself or anything it refers to: errors worded for people (see fsReason). */
function friendlyReader(readFile: ReadFile): ReadFile {
  return (path, options) => {
    try {
      return readFile(path, options);
    } catch (err) {
      // Already worded so, and the parser tells a refused file from a missing one by its type.
      if (err instanceof FileRefused) throw err;
      throw new Error(m.file.cannotRead(path, fsReason(err)), { cause: err });
    }
  };
}

function parse(
  target: ImportTarget,
  ctx: Pick<PrepareContext, 'readFile' | 'readProfile'>,
): ImportResult & { kind: ImportKind } {
  try {
    return parseImportFile(
      target.path,
      friendlyReader(ctx.readFile),
      friendlyReader(ctx.readProfile),
    );
  } catch (err) {
    // The parsers are built (and fuzzed) not to throw; should one still do, the others go on.
    const message = m.pipeline.importerFailed(err instanceof Error ? err.message : String(err));
    return { ok: false, kind: 'openvpn', error: { file: target.path, line: null, message } };
  }
}

function contentKey(result: ImportResult & { ok: true }, readFile: ReadFile): ContentKey {
  const { profile, inlineFiles } = result;
  return {
    skeleton: skeletonOf(asStored(profile, inlineFiles)),
    files: fileHashes(profile, readFile, inlineFiles),
    secrets: secretsOf(profile),
  };
}

export async function prepareFile(
  index: number,
  target: WalkEntry,
  ctx: PrepareContext,
): Promise<Prepared> {
  const file = target.display;
  if (isProblem(target)) return failed(index, file, 'parse', null, target.problem);
  const result = parse(target, ctx);
  if (!result.ok) return failed(index, file, 'parse', result.error.line, result.error.message);
  const { kind, repairs, inlineFiles } = result;
  const id = result.profile.connection.id;
  const warnings: ImportWarning[] = [...result.warnings];

  let key: ContentKey | null;
  try {
    key = ctx.allowDuplicates ? null : contentKey(result, ctx.readFile);
  } catch (err) {
    return failed(index, file, 'parse', null, m.pipeline.importerFailed(String(err)));
  }
  if (key !== null) {
    const twin = await ctx.index.find(key);
    if (twin !== null) {
      return {
        outcome: { status: 'duplicate', index, file, kind, duplicateOf: twin, warnings, repairs },
      };
    }
  }
  const uuid = ctx.newUuid();
  const sameName = ctx.index.nameTakenBy(id);
  if (sameName !== undefined) {
    // Allowed, as with nmcli; but `tunnelbar up <name>` then needs the UUID.
    warnings.push({
      line: null,
      directive: null,
      message: `another profile is already named "${id}" (${sameName}); refer to this one by its UUID`,
    });
  }
  ctx.index.claimName(id, uuid);
  let profile: ImportedProfile = result.profile;
  if (ctx.dryRun) {
    const paths = inlineFiles.map((f) => inlineFilePath(ctx.home, uuid, f.tag));
    if ('vpn' in profile) profile = withInlinePaths(profile, inlineFiles, paths);
    if (key !== null) ctx.index.remember(key, uuid, id, Promise.resolve(true));
    const planned = inlineFiles.map((f, i) => ({ tag: f.tag, path: paths[i] ?? '' }));
    return {
      outcome: {
        status: 'planned',
        ...{ index, file, kind, uuid, id, warnings, repairs },
        profile: withoutSecrets(profile),
        inlineFiles: planned,
      },
    };
  }

  let written: string[];
  try {
    // Only now, for a file that parsed and is no duplicate: writeInlineFiles removes what it
    // wrote if a later block fails.
    written = writeInlineFiles(inlineFiles, ctx.home, uuid);
  } catch (err) {
    return failed(index, file, 'write', null, m.pipeline.cannotWriteCerts(fsReason(err)));
  }
  let settings: SettingsDict;
  try {
    if ('vpn' in profile) profile = withInlinePaths(profile, inlineFiles, written);
    settings = toSettingsDict(profile, uuid);
  } catch (err) {
    removeFiles(written);
    return failed(index, file, 'parse', null, m.pipeline.importerFailed(String(err)));
  }
  return {
    ready: { index, file, kind, uuid, id, settings, written, warnings, repairs, key },
  };
}
