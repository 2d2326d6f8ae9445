import type { TunnelStateView } from '../preload/contract';
import { reconnectSummary } from '../preload/reconnect-view';
import { strings } from './strings';

export { isOnOrComingUp, tunnelAddress } from '../preload/tunnel-view';

export { DISCONNECTED } from '../preload/tunnel-types';

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
    case 'reconnecting':
      return strings.state.reconnecting(reconnectSummary(state));
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
    case 'reconnecting':
      return 'busy';
    case 'connected':
      return 'on';
    case 'failed':
      return 'bad';
  }
}
