import { join } from 'node:path';
import type { SnapshotView, TunnelStateView } from '../../preload/contract';
import { reconnectSummary } from '../../preload/reconnect-view';
import { strings } from './strings';
import { idleIcon } from './tray-lockdown';

import type { TrayIconState } from './surface-types';

/** Frames of the connecting animation: the tunnel's arch drawn in three steps. */
export const CONNECTING_FRAMES = 3;
export const TRAY_SIZES = [16, 22, 24, 32, 48] as const;
export type TraySize = (typeof TRAY_SIZES)[number];

function busy(tunnel: TunnelStateView): boolean {
  // reconnecting: still, not animated: its next attempt may be a minute away.
  switch (tunnel.kind) {
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
      return true;
    case 'disconnected':
    case 'connected':
    case 'failed':
    case 'reconnecting':
      return false;
  }
}

/**
 * The one icon for all tunnels, most urgent first: no NetworkManager; something on its way
 * (the person is waiting, so the animation); a dropped tunnel waiting for its next attempt (a
 * VPN the person wants is down, whatever else is up); something connected; a failure not yet
 * followed by another attempt; else idle.
 */
export function trayIconState(state: SnapshotView): TrayIconState {
  if (!state.nmRunning) return 'nm-down';
  const tunnels = Object.values(state.tunnels);
  if (tunnels.some(busy)) return 'connecting';
  if (tunnels.some((t) => t.kind === 'reconnecting')) return 'reconnecting';
  if (tunnels.some((t) => t.kind === 'connected')) return 'connected';
  if (tunnels.some((t) => t.kind === 'failed')) return 'failed';
  return idleIcon(state);
}

export interface TrayIconChoice {
  state: TrayIconState;
  /** Only used while connecting; 0 otherwise. */
  frame: number;
  /** The panel's background is dark: use the light glyph. */
  darkPanel: boolean;
  size: TraySize;
}

/** The base name of a rendered tray PNG (scripts/render-icons.ts writes them, @2x alongside). */
export function trayIconName(choice: TrayIconChoice): string {
  const glyph =
    choice.state === 'connecting' ? `connecting-${choice.frame % CONNECTING_FRAMES}` : choice.state;
  return `${glyph}-${choice.darkPanel ? 'dark' : 'light'}-panel-${choice.size}`;
}

/** Electron's nativeImage picks `<name>@2x.png` next to this path on hi-dpi screens. */
export function trayIconPath(assetsDir: string, choice: TrayIconChoice): string {
  return join(assetsDir, 'tray', `${trayIconName(choice)}.png`);
}

function namesWhere(state: SnapshotView, pick: (t: TunnelStateView) => boolean): string {
  return state.profiles
    .filter((p) => {
      const tunnel = state.tunnels[p.uuid];
      return tunnel !== undefined && pick(tunnel);
    })
    .map((p) => p.id)
    .join(', ');
}

/** "Work (attempt 3, next at 14:02:31)" for each reconnecting tunnel. */
function reconnectingLines(state: SnapshotView): string {
  return state.profiles
    .flatMap((p) => {
      const tunnel = state.tunnels[p.uuid];
      return tunnel?.kind === 'reconnecting' ? [`${p.id} (${reconnectSummary(tunnel)})`] : [];
    })
    .join(', ');
}

export function trayTooltip(state: SnapshotView): string {
  const icon = trayIconState(state);
  switch (icon) {
    case 'nm-down':
      return strings.tooltip.nmDown;
    case 'disconnected':
      return strings.tooltip.idle;
    case 'blocked':
      return strings.tooltip.blocked;
    case 'connecting':
      return strings.tooltip.busy(namesWhere(state, busy));
    case 'connected':
      return strings.tooltip.connected(namesWhere(state, (t) => t.kind === 'connected'));
    case 'failed':
      return strings.tooltip.failed(namesWhere(state, (t) => t.kind === 'failed'));
    case 'reconnecting':
      return strings.tooltip.reconnecting(reconnectingLines(state));
  }
}
