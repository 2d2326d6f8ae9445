// The library's contract calls (preload/library.ts), dispatched by the ContractServer once the
// payload is validated: bulk actions, import of picked or dropped files, export, certificates.

import type { CallArgs, CallResults } from '../../preload/contract';
import type { Core } from '../core';
import { bulkAction } from './bulk';
import { inspectCert, storeCert } from './certs';
import { exportProfile } from './export';
import { importDroppedFiles } from './import-files';
import { editorStrings as s } from './editor-strings';

export type LibraryCallName =
  | 'profiles:bulk'
  | 'profiles:import-files'
  | 'profiles:import-stop'
  | 'profile:export'
  | 'cert:store'
  | 'cert:inspect';

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

export async function libraryCall<C extends LibraryCallName>(
  ctx: LibraryContext,
  name: C,
  rawArgs: unknown[],
): Promise<CallResults[C]>;
export async function libraryCall(
  ctx: LibraryContext,
  name: LibraryCallName,
  rawArgs: unknown[],
): Promise<CallResults[LibraryCallName]> {
  switch (name) {
    case 'profiles:bulk': {
      const [args] = rawArgs as CallArgs<'profiles:bulk'>;
      return bulkAction(ctx.core, args.uuids, args.action);
    }
    case 'profiles:import-files': {
      const [{ files }] = rawArgs as CallArgs<'profiles:import-files'>;
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
    }
    case 'profiles:import-stop':
      for (const stop of ctx.imports) stop.abort(importStopped());
      return null;
    case 'profile:export': {
      const [{ uuid }] = rawArgs as CallArgs<'profile:export'>;
      return exportProfile(ctx.core, uuid, ctx.chooseExportPath);
    }
    case 'cert:store': {
      const [{ name: fileName, base64 }] = rawArgs as CallArgs<'cert:store'>;
      return storeCert(ctx.home, fileName, base64);
    }
    case 'cert:inspect': {
      const [{ path }] = rawArgs as CallArgs<'cert:inspect'>;
      return inspectCert(path);
    }
  }
}
