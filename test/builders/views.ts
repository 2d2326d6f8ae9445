import type {
  LockdownStateView,
  ProfileView,
  SnapshotView,
  TunnelStateView,
} from '../../preload/contract';

/** Small builders of the contract's plain views for the shell's and the renderer's tests. */
/**
 * A real UUID, the same for the same name every time (the contract refuses anything else, so
 * fixtures must not use made-up ones such as `uuid-office`).
 */
export function uuidOf(name: string): string {
  // 128 bits from four FNV-1a hashes with different seeds (no node:crypto in the renderer's types).
  const word = (seed: number): string => {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const h = `${word(1)}${word(2)}${word(3)}${word(4)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function profile(id: string, extra: Partial<ProfileView> = {}): ProfileView {
  return {
    uuid: uuidOf(id),
    id,
    vpnType: 'openvpn',
    remote: `${id}.vpn.example.net:1194:udp`,
    favourite: false,
    lastUsed: null,
    reconnect: null,
    secretsPerUser: false,
    ...extra,
  };
}

export function snapshot(
  profiles: ProfileView[],
  tunnels: Record<string, TunnelStateView> = {},
  nmRunning = true,
  lockdown: LockdownStateView = 'unknown',
): SnapshotView {
  // Lockdown that is on holds a local network choice: allowed unless a test says otherwise.
  const lockdownLan = lockdown === 'on' ? 'allow' : null;
  return { nmRunning, profiles, tunnels, prompts: [], lockdown, lockdownLan };
}
