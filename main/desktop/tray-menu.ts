import type { ProfileView, SnapshotView, TunnelStateView } from '../../preload/contract';
import { activeStateText, isOnOrComingUp, tunnelAddress } from '../../preload/tunnel-view';
import { tunnelOf } from '../../preload/mirror';
import { strings } from './strings';
import type { TrayMenuEntry } from './surface-types';
import { lockdownMenuEntries } from './tray-lockdown';

/** How many VPNs the menu lists before "More…": a menu stays a menu with thousands of profiles. */
export const TRAY_MENU_LIMIT = 10;

function byName(a: ProfileView, b: ProfileView): number {
  return a.id.localeCompare(b.id) || a.uuid.localeCompare(b.uuid);
}

/** Favourites (by name), then recently used (newest first), then the rest (by name). */
export function menuOrder(profiles: readonly ProfileView[]): ProfileView[] {
  const favourites = profiles.filter((p) => p.favourite).sort(byName);
  const recent = profiles
    .filter((p) => !p.favourite && p.lastUsed !== null)
    .sort((a, b) => (b.lastUsed ?? 0) - (a.lastUsed ?? 0) || byName(a, b));
  const rest = profiles.filter((p) => !p.favourite && p.lastUsed === null).sort(byName);
  return [...favourites, ...recent, ...rest];
}

/** "connected, 10.8.0.2", "connecting…"; nothing for an idle tunnel. */
function stateText(tunnel: TunnelStateView): string | null {
  if (tunnel.kind === 'disconnected') return null;
  const text = activeStateText(tunnel, strings.state);
  const address = tunnelAddress(tunnel);
  return address === null ? text : `${text}, ${address}`;
}

/**
 * Electron's Linux menus read "&x" as a mnemonic (and show "_" literally after converting), so a
 * literal ampersand in a profile's name must be doubled.
 */
export function escapeMenuLabel(text: string): string {
  return text.replaceAll('&', '&&');
}

function vpnEntry(profile: ProfileView, tunnel: TunnelStateView): TrayMenuEntry {
  const text = stateText(tunnel);
  const up = isOnOrComingUp(tunnel);
  return {
    kind: 'vpn',
    uuid: profile.uuid,
    label: escapeMenuLabel(text === null ? profile.id : `${profile.id} — ${text}`),
    checked: up,
    // Nothing to do with a tunnel on its way down: a click would only race NetworkManager.
    enabled: tunnel.kind !== 'disconnecting',
    action: up ? 'disconnect' : 'connect',
  };
}

/**
 * The tray menu, a pure function of the mirrored model. Lists favourites and recent VPNs first,
 * at most `limit` of them, plus any VPN that is not idle wherever it ranks (a running tunnel can
 * always be stopped from the tray); "More…" opens the editor's search for the others.
 */
export function trayMenu(state: SnapshotView, limit: number = TRAY_MENU_LIMIT): TrayMenuEntry[] {
  const tail: TrayMenuEntry[] = [
    { kind: 'separator' },
    ...lockdownMenuEntries(state),
    { kind: 'editor', label: strings.menu.editor },
    { kind: 'quit', label: strings.menu.quit },
  ];
  if (!state.nmRunning) return [{ kind: 'info', label: strings.menu.nmNotRunning }, ...tail];
  if (state.profiles.length === 0) {
    return [{ kind: 'info', label: strings.menu.noProfiles }, ...tail];
  }
  const ordered = menuOrder(state.profiles);
  const shown = ordered.filter(
    (p, index) => index < limit || tunnelOf(state, p.uuid).kind !== 'disconnected',
  );
  const entries = shown.map((p) => vpnEntry(p, tunnelOf(state, p.uuid)));
  const hidden = ordered.length - shown.length;
  if (hidden > 0) entries.push({ kind: 'more', label: strings.menu.more(hidden) });
  return [...entries, ...tail];
}
