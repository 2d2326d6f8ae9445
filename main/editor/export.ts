// STUB (being written): export of one profile to a file main writes.
import type { ExportResultView } from '../../preload/library';
import type { Core } from '../core';
import { TunnelbarError } from '../nm/errors';

export function exportProfile(
  _core: Pick<Core, 'bus' | 'model'>,
  _uuid: string,
  _choose: ((suggestedName: string) => Promise<string | null>) | undefined,
): Promise<ExportResultView | null> {
  return Promise.reject(new TunnelbarError('not-implemented', 'Not implemented yet.'));
}
