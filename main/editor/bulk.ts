// STUB (being written): one action over a selection of profiles.
import type { BulkAction, BulkResultView } from '../../preload/library';
import type { Core } from '../core';
import { TunnelbarError } from '../nm/errors';

export function bulkAction(
  _core: Pick<Core, 'bus' | 'model'>,
  _uuids: readonly string[],
  _action: BulkAction,
): Promise<BulkResultView> {
  return Promise.reject(new TunnelbarError('not-implemented', 'Not implemented yet.'));
}
