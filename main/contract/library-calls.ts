// The library's contract calls (preload/library.ts), handed their arguments once the
// ContractServer validated them: actions over a selection of profiles, import of picked or dropped files, export,
// certificates.

import type { SomeCallHandlers } from './call-handlers';
import type { Core } from '../core';
import { actOnSelection } from '../editor/selection-actions';
import { inspectCert, storeCert } from '../editor/certs';
import { exportProfile } from '../export/export-profile';
import { importDroppedFiles } from '../import/dropped-files';
import { editorStrings as s } from '../editor/editor-strings';

export interface LibraryContext {
  core: Pick<Core, 'bus' | 'model'>;
  /** Where inline and stored certificate files go (under ~/.cert/nm-openvpn/). */
  home: string;
  chooseExportPath: ((suggestedName: string) => Promise<string | null>) | undefined;
  onImportProgress: (done: number, total: number) => void;
  /** The imports under way, so that profiles:import-stop can stop them. */
  imports: Set<AbortController>;
}

/** The reason a stopped import reports for the files it did not start. */
export const importStopped = (): string => s.import.stopped;

export function libraryCalls(ctx: LibraryContext) {
  return {
    'profiles:selection-action': ({ uuids, action }) => actOnSelection(ctx.core, uuids, action),
    'profiles:import-files': async ({ files }) => {
      const stop = new AbortController();
      ctx.imports.add(stop);
      try {
        return await importDroppedFiles(
          ctx.core,
          files,
          ctx.home,
          ctx.onImportProgress,
          stop.signal,
        );
      } finally {
        ctx.imports.delete(stop);
      }
    },
    'profiles:import-stop': () => {
      for (const stop of ctx.imports) stop.abort(importStopped());
      return Promise.resolve(null);
    },
    'profile:export': ({ uuid }) => exportProfile(ctx.core, uuid, ctx.chooseExportPath),
    'cert:store': ({ name, base64 }) => storeCert(ctx.home, name, base64),
    'cert:inspect': ({ path }) => inspectCert(path),
  } satisfies SomeCallHandlers;
}
