import type { TunnelStateView } from '../preload/contract';
import { activeStateText } from '../preload/tunnel-view';
import { strings } from './strings';

export { isOnOrComingUp, tunnelAddress } from '../preload/tunnel-view';

export { DISCONNECTED } from '../preload/tunnel-types';

export function stateLabel(state: TunnelStateView): string {
  if (state.kind === 'disconnected') return strings.state.disconnected;
  // The window has room for the stage NetworkManager reports.
  if (state.kind === 'connecting') return strings.state.connectingStage[state.stage];
  return activeStateText(state, strings.state);
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
