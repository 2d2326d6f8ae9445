// `tunnelbar export`: one profile to a file, by the same code as the editor's Export button.

import { resolve } from 'node:path';
import { exportProfile } from '../export/export-profile';
import { findProfile } from '../nm/actions';
import type { Core } from '../core';
import type { ExitCode, Io } from './commands';
import { runStrings as r } from './run-strings';
import { terminalSafe as safe } from './terminal-text';

/**
 * Where the file goes: --output as given (the user named it, so it may replace a file), else the
 * suggested name in the current folder. That one must not exist yet, which exportProfile checks
 * as it creates it (O_EXCL, no link followed): a check before would leave a window for a link.
 */
export function exportTarget(output: string | null, suggestedName: string, cwd: string): string {
  return output !== null ? resolve(cwd, output) : resolve(cwd, suggestedName);
}

export async function exportCommand(
  core: Core,
  io: Io,
  ref: string,
  output: string | null,
  json: boolean,
): Promise<ExitCode> {
  const profile = findProfile(core.model, ref);
  const result = await exportProfile(
    core,
    profile.uuid,
    (suggested) => Promise.resolve(exportTarget(output, suggested, process.cwd())),
    { createNew: output === null },
  );
  // The chooser never cancels; null would mean nothing was written.
  if (result === null) return 1;
  if (json) {
    const entry = { uuid: profile.uuid, id: profile.id, ...result };
    io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  } else {
    io.stdout.write(`${r.saved(safe(profile.id), safe(result.path))}\n`);
    for (const warning of result.warnings)
      io.stderr.write(`${r.warning(safe(warning, 'lines'))}\n`);
  }
  return 0;
}
