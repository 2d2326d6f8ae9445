// The library's contract calls (preload/library.ts), dispatched by the ContractServer once the
// payload is validated: bulk actions, import of picked or dropped files, export, certificates.

import type { CallArgs, CallResults } from '../../preload/contract';
import type { Core } from '../core';
import { bulkAction } from './bulk';
import { inspectCert, storeCert } from './certs';
import { exportProfile } from './export';
import { importDroppedFiles } from './import-files';

export type LibraryCallName =
  'profiles:bulk' | 'profiles:import-files' | 'profile:export' | 'cert:store' | 'cert:inspect';

export interface LibraryContext {
  core: Pick<Core, 'bus' | 'model'>;
  /** Where inline and stored certificate files go (under ~/.cert/nm-openvpn/). */
  home: string;
  chooseExportPath: ((suggestedName: string) => Promise<string | null>) | undefined;
  onImportProgress: (done: number, total: number) => void;
}

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
      return importDroppedFiles(ctx.core, files, ctx.home, ctx.onImportProgress);
    }
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
