// STUB (being written): import of files the user picked or dropped.
import type { DroppedFile, ImportReportView } from '../../preload/library';
import type { Core } from '../core';
import { TunnelbarError } from '../nm/errors';

export function importDroppedFiles(
  _core: Pick<Core, 'bus' | 'model'>,
  _files: readonly DroppedFile[],
  _home: string,
  _onProgress: (done: number, total: number) => void,
): Promise<ImportReportView> {
  return Promise.reject(new TunnelbarError('not-implemented', 'Not implemented yet.'));
}
