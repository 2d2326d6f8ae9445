import type { Core } from '../core';
import { importPaths } from '../import/import-paths';
import { describeUnknownError, TunnelbarError } from '../errors/tunnelbar-error';
import { importNotification } from './notifications';
import type { NotificationText } from './surface-types';

/**
 * Files opened with Tunnelbar (a double-click on a .ovpn or WireGuard .conf) are imported as one
 * batch; the notification says what came of it. Never rejects: a failure is its notification.
 */
export async function importOpenedFiles(
  core: Pick<Core, 'bus'>,
  files: readonly string[],
  home?: string,
): Promise<NotificationText> {
  try {
    return importNotification(await importPaths(core.bus, files, home));
  } catch (err) {
    return importNotification({
      summary: {
        total: files.length,
        added: 0,
        planned: 0,
        duplicates: 0,
        failed: 0,
        fatal: err instanceof TunnelbarError ? err.message : describeUnknownError(err),
      },
      outcomes: [],
    });
  }
}
