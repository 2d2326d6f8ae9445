import type { SnapshotView } from '../../preload/contract';
import { strings } from './strings';
import type { TrayIconState, TrayMenuEntry } from './surface-types';

/**
 * Lockdown's part of the tray. Only the idle icon changes: with no VPN up and lockdown on,
 * nothing gets out, which the person must see at a glance ("blocked", the idle glyph with a
 * lock). A tunnel on its way, up, or failed keeps its own icon: its state says more, and a
 * failure already says why the network is unusable.
 */
export function idleIcon(state: Pick<SnapshotView, 'lockdown'>): TrayIconState {
  return state.lockdown === 'on' ? 'blocked' : 'disconnected';
}

/**
 * The menu's lockdown item and its separator, before the editor. Listed with no profile at all
 * (lockdown must always be possible to turn off); not listed while its state is unknown
 * (NetworkManager not running), when neither choice could be carried out. While lockdown is on,
 * "Allow the local network" follows it, showing what its profile holds; while it is off there is
 * no choice to show (the tray turns it on with the local network allowed, the window can choose).
 */
export function lockdownMenuEntries(
  state: Pick<SnapshotView, 'lockdown' | 'lockdownLan'>,
): TrayMenuEntry[] {
  switch (state.lockdown) {
    case 'unknown':
      return [];
    case 'on':
      return [
        { kind: 'lockdown', label: strings.menu.lockdown, checked: true },
        {
          kind: 'lockdown-lan',
          label: strings.menu.lockdownLan,
          checked: state.lockdownLan !== 'block',
        },
        { kind: 'separator' },
      ];
    case 'off':
      return [
        { kind: 'lockdown', label: strings.menu.lockdown, checked: false },
        { kind: 'separator' },
      ];
  }
}
