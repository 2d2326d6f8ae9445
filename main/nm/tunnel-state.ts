import type { TunnelStateView } from '../../preload/tunnel-types';
import type { IpConfig } from './ip-config';
import { ActiveState, VpnState } from './names';
import { isDeliberateStop, reasonFromCode, type ReasonWord } from './reasons';

export type { ConnectingStage } from '../../preload/tunnel-types';

/**
 * Where one tunnel is, as NetworkManager last said: the type the renderer mirrors, with the
 * core's reason words.
 */
export type TunnelState = TunnelStateView<ReasonWord>;

export type TunnelStateKind = TunnelState['kind'];

/** What the model knows of one active connection, as plain values. */
export interface ActiveConnectionRecord {
  path: string;
  uuid: string;
  id: string;
  /** Connection.Active.Type: "vpn" or "wireguard" for the tunnels we follow. */
  type: string;
  state: number;
  /** VpnState for plugin VPNs; null for WireGuard, which has no VPN.Connection interface. */
  vpnState: number | null;
  banner: string;
  ip4Path: string;
  ip6Path: string;
  /** The last reason NetworkManager gave with a state change, if any. */
  reason: number | null;
}

export interface DeriveInputs {
  ip4: IpConfig | null;
  ip6: IpConfig | null;
  /** When Tunnelbar first saw this tunnel connected (ms since epoch). */
  since: number;
}

function stopped(reasonCode: number | null): TunnelState {
  if (reasonCode === null || isDeliberateStop(reasonCode)) return { kind: 'disconnected' };
  return { kind: 'failed', reason: reasonFromCode(reasonCode) };
}

function hasTunnelAddress(inputs: DeriveInputs): boolean {
  const v6 = inputs.ip6?.addresses.filter((a) => !a.toLowerCase().startsWith('fe80:')) ?? [];
  return (inputs.ip4?.addresses.length ?? 0) > 0 || v6.length > 0;
}

function connected(rec: ActiveConnectionRecord, inputs: DeriveInputs): TunnelState {
  return {
    kind: 'connected',
    ip4: inputs.ip4,
    ip6: inputs.ip6,
    since: inputs.since,
    banner: rec.banner === '' ? null : rec.banner,
  };
}

function fromVpnState(
  rec: ActiveConnectionRecord,
  vpnState: number,
  inputs: DeriveInputs,
): TunnelState {
  switch (vpnState) {
    case VpnState.unknown:
    case VpnState.prepare:
      return { kind: 'connecting', stage: 'prepare' };
    case VpnState.needAuth:
      return { kind: 'needs-secrets' };
    case VpnState.connect:
      return { kind: 'connecting', stage: 'connect' };
    case VpnState.ipConfigGet:
      return { kind: 'connecting', stage: 'ip-config' };
    case VpnState.activated:
      // NetworkManager reports ACTIVATED a moment before it fills in the tunnel's addresses; a
      // plugin VPN always has one, so until it shows the tunnel is still getting its config.
      return hasTunnelAddress(inputs)
        ? connected(rec, inputs)
        : { kind: 'connecting', stage: 'ip-config' };
    case VpnState.failed:
      return { kind: 'failed', reason: reasonFromCode(rec.reason ?? 0) };
    case VpnState.disconnected:
      return stopped(rec.reason);
    default:
      return { kind: 'connecting', stage: 'prepare' };
  }
}

/** Derives a tunnel's state from its active connection. Pure. */
export function deriveTunnelState(rec: ActiveConnectionRecord, inputs: DeriveInputs): TunnelState {
  // The VPN API has no "deactivating" (it keeps saying ACTIVATED), the active connection does.
  if (rec.state === ActiveState.deactivating) return { kind: 'disconnecting' };
  if (rec.state === ActiveState.deactivated) {
    if (rec.vpnState === VpnState.failed)
      return { kind: 'failed', reason: reasonFromCode(rec.reason ?? 0) };
    return stopped(rec.reason);
  }
  if (rec.vpnState !== null) return fromVpnState(rec, rec.vpnState, inputs);
  switch (rec.state) {
    case ActiveState.activated:
      return connected(rec, inputs);
    case ActiveState.activating:
    case ActiveState.unknown:
    default:
      return { kind: 'connecting', stage: 'activating' };
  }
}

/** True once a tunnel has reached an end: connected, failed or disconnected. */
export function isSettled(state: TunnelState): boolean {
  // reconnecting: the reconnect policy's, never NetworkManager's: on its way back up.
  switch (state.kind) {
    case 'connected':
    case 'failed':
    case 'disconnected':
      return true;
    case 'connecting':
    case 'needs-secrets':
    case 'disconnecting':
    case 'reconnecting':
      return false;
  }
}
