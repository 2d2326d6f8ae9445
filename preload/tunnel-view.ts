import type { TunnelStateView } from './contract';
import { reconnectSummary } from './reconnect-view';

/**
 * Readings of a tunnel's state that both sides of the contract need: the renderer's switch and
 * row, and the shell's tray menu and notifications. Pure, and in preload/ because both import it.
 */

/** Up or on its way up: the profile's switch and tray check mark show "on". */
export function isOnOrComingUp(state: TunnelStateView): boolean {
  // reconnecting: wanted up, so switching it off ends the retries.
  switch (state.kind) {
    case 'connecting':
    case 'needs-secrets':
    case 'connected':
    case 'reconnecting':
      return true;
    case 'disconnected':
    case 'disconnecting':
    case 'failed':
      return false;
  }
}

/** The address a person recognises a tunnel by: its first IPv4, else its first global IPv6. */
export function tunnelAddress(state: TunnelStateView): string | null {
  if (state.kind !== 'connected') return null;
  const v4 = state.ip4?.addresses[0];
  if (v4 !== undefined) return withoutPrefix(v4);
  const v6 = state.ip6?.addresses.find((a) => !a.toLowerCase().startsWith('fe80:'));
  return v6 === undefined ? null : withoutPrefix(v6);
}

function withoutPrefix(address: string): string {
  return address.split('/')[0] ?? address;
}

/** The words a surface has for a tunnel's states: each surface's own catalogue and tone. */
export interface TunnelStateWords {
  connecting: string;
  needsSecrets: string;
  connected: string;
  disconnecting: string;
  failed: string;
  /** Takes reconnectSummary's "attempt 3, next at 14:02:31". */
  reconnecting: (summary: string) => string;
}

/**
 * What a tunnel that is not idle reads as, in a surface's words: the tray menu's entry and the
 * window's row and status panel. Each surface says for itself what an idle tunnel reads as (the
 * tray nothing) and what it adds (the tray the address, the window the connecting stage).
 */
export function activeStateText(
  state: Exclude<TunnelStateView, { kind: 'disconnected' }>,
  words: TunnelStateWords,
): string {
  switch (state.kind) {
    case 'connecting':
      return words.connecting;
    case 'needs-secrets':
      return words.needsSecrets;
    case 'connected':
      return words.connected;
    case 'disconnecting':
      return words.disconnecting;
    case 'failed':
      return words.failed;
    case 'reconnecting':
      return words.reconnecting(reconnectSummary(state));
  }
}
