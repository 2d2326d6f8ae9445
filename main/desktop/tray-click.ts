import type { SnapshotView } from '../../preload/contract';
import { isOnOrComingUp } from '../../preload/tunnel-view';
import { tunnelOf } from '../../preload/mirror';

export type TrayClickAction =
  | { kind: 'disconnect'; uuids: string[] }
  | { kind: 'connect'; uuid: string }
  | { kind: 'open-editor' };

/**
 * What a click on the tray icon does: stop whatever is up (or coming up); else connect the VPN
 * used last; else (nothing used yet, or no NetworkManager) open the editor, where the person can
 * see why.
 */
export function trayClickAction(state: SnapshotView): TrayClickAction {
  if (!state.nmRunning) return { kind: 'open-editor' };
  const up = state.profiles
    .filter((p) => isOnOrComingUp(tunnelOf(state, p.uuid)))
    .map((p) => p.uuid);
  if (up.length > 0) return { kind: 'disconnect', uuids: up };
  let last: { uuid: string; at: number } | null = null;
  for (const p of state.profiles) {
    if (p.lastUsed !== null && (last === null || p.lastUsed > last.at)) {
      last = { uuid: p.uuid, at: p.lastUsed };
    }
  }
  if (last !== null) return { kind: 'connect', uuid: last.uuid };
  const [only, ...others] = state.profiles;
  if (only !== undefined && others.length === 0) return { kind: 'connect', uuid: only.uuid };
  return { kind: 'open-editor' };
}
