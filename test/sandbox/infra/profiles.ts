// nmcli arguments for the client profiles. Only vpn.data keys that NetworkManager-openvpn 1.10.2
// knows are used: an unknown key makes every activation fail (BadArguments, reason 8).
import { unreachableAddress } from './netns.js';
import type { Pki } from './pki.js';
import type { Credentials, OpenvpnServer, ServerKind } from './types.js';

export type ProfileKind = ServerKind | 'unreachable';

export interface ProfileOptions {
  id?: string;
  /** NMSettingSecretFlags of the password: 0 stores it in the profile, 1 agent-owned, 2 ask always. */
  passwordFlags?: 0 | 1 | 2;
  timeoutSeconds?: number;
  /** Added to (or overriding) vpn.data as given. */
  extraData?: Record<string, string>;
  /** A password profile without vpn.data `username`: the person types it in the prompt. */
  withoutUserName?: boolean;
}

/** nmcli's "key = value, ..." syntax, with separators inside values escaped. */
export function encodeVpnMap(map: Record<string, string>): string {
  const esc = (text: string) => text.replace(/[\\,=]/g, (ch) => `\\${ch}`);
  return Object.entries(map)
    .map(([key, value]) => `${esc(key)} = ${esc(value)}`)
    .join(', ');
}

export function vpnData(
  kind: ProfileKind,
  servers: Record<ServerKind, OpenvpnServer>,
  pki: Pki,
  creds: Credentials,
  opts: ProfileOptions,
): Record<string, string> {
  // 'unreachable' is the password server's profile aimed at an address where nothing answers.
  const server = servers[kind === 'unreachable' ? 'password' : kind];
  const host = kind === 'unreachable' ? unreachableAddress : server.host;
  const data: Record<string, string> = {
    remote: `${host}:${server.port}:udp`,
    ca: pki.ca,
    'tls-crypt': pki.tlsCrypt,
    'remote-cert-tls': 'server',
  };
  if (kind === 'cert') {
    Object.assign(data, { 'connection-type': 'tls', cert: pki.clientCert, key: pki.clientKey });
  } else {
    Object.assign(data, {
      'connection-type': 'password',
      'password-flags': String(opts.passwordFlags ?? 1),
    });
    if (opts.withoutUserName !== true) data.username = creds.username;
  }
  return { ...data, ...opts.extraData };
}

export function addProfileArgs(
  id: string,
  data: Record<string, string>,
  creds: Credentials,
  opts: ProfileOptions,
): string[] {
  const args = ['connection', 'add', 'type', 'vpn', 'con-name', id, 'vpn-type', 'openvpn'];
  args.push('connection.autoconnect', 'no', 'vpn.data', encodeVpnMap(data));
  if (opts.timeoutSeconds !== undefined) args.push('vpn.timeout', String(opts.timeoutSeconds));
  // System-owned (flags 0) means NM itself must hold the password.
  if (data['password-flags'] === '0') {
    args.push('vpn.secrets', encodeVpnMap({ password: creds.password }));
  }
  return args;
}

/** "Connection 'x' (uuid) successfully added." */
export function parseAddedUuid(out: string): string {
  const match = /\(([0-9a-f-]{36})\)/.exec(out);
  if (!match?.[1]) throw new Error(`no UUID in nmcli output: ${out}`);
  return match[1];
}

/**
 * nmcli's arguments for an OpenConnect profile: a plugin without a page of its own in the editor
 * (NetworkManager keeps the profile even though the plugin is not installed here).
 */
export function addOpenConnectArgs(name: string, data: Record<string, string> = {}): string[] {
  const all = { gateway: 'vpn.example.com', protocol: 'anyconnect', ...data };
  return [
    'connection',
    'add',
    'type',
    'vpn',
    'con-name',
    name,
    'vpn-type',
    'openconnect',
    'connection.autoconnect',
    'no',
    'vpn.data',
    encodeVpnMap(all),
  ];
}

/** nmcli's arguments for a WireGuard profile with autoconnect off, and an IPv4 address if given. */
export function addWireguardArgs(
  name: string,
  ifname: string,
  privateKey: string,
  address?: string,
): string[] {
  return [
    'connection',
    'add',
    'type',
    'wireguard',
    'ifname',
    ifname,
    'con-name',
    name,
    'wireguard.private-key',
    privateKey,
    ...(address === undefined ? [] : ['ipv4.method', 'manual', 'ipv4.addresses', address]),
    'connection.autoconnect',
    'no',
  ];
}
