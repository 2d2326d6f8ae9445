import type { TunnelStateView } from '../preload/contract';
import { strings } from './strings';

export const DISCONNECTED: TunnelStateView = { kind: 'disconnected' };

/** Up or on its way up: the profile's switch shows "on". */
export function isOnOrComingUp(state: TunnelStateView): boolean {
  switch (state.kind) {
    case 'connecting':
    case 'needs-secrets':
    case 'connected':
      return true;
    case 'disconnected':
    case 'disconnecting':
    case 'failed':
      return false;
  }
}

export function stateLabel(state: TunnelStateView): string {
  switch (state.kind) {
    case 'disconnected':
      return strings.state.disconnected;
    case 'connecting':
      return strings.state.connectingStage[state.stage];
    case 'needs-secrets':
      return strings.state.needsSecrets;
    case 'connected':
      return strings.state.connected;
    case 'disconnecting':
      return strings.state.disconnecting;
    case 'failed':
      return strings.state.failed;
  }
}

/** The tone of the state dot and text (a CSS class suffix). */
export function stateTone(state: TunnelStateView): 'off' | 'busy' | 'on' | 'bad' {
  switch (state.kind) {
    case 'disconnected':
      return 'off';
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
      return 'busy';
    case 'connected':
      return 'on';
    case 'failed':
      return 'bad';
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
