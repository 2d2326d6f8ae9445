// The OpenVPN page's rules: what NetworkManager-openvpn 1.10.2 would refuse (reference §7.1, 7.2),
// said next to the field before saving. Field ids are `ovpn.<vpn.data key>`.

import type { PluginEdit } from '../../preload/editor';
import { OPENVPN_DATA_KEY_VALUES, openVpnIntRange } from '../../preload/openvpn-keys';
import { strings } from '../strings';
import { isGatewayEntry, isIpv4, isPort, splitList } from './inet';

type Problems = Record<string, string>;

const e = strings.editor.errors;
const oe = strings.ovpn.errors;

/**
 * Number keys and their ranges: the plugin's own, from the table main checks with too
 * (preload/openvpn-keys.ts). Empty is the plugin's default. The ports and the MTU have fields of
 * their own below, with their own sentences (the MTU field asks for at least 576).
 */
const RANGES: readonly (readonly [string, number, number])[] = Object.keys(OPENVPN_DATA_KEY_VALUES)
  .filter((key) => !['port', 'proxy-port', 'tunnel-mtu'].includes(key))
  .flatMap((key) => {
    const range = openVpnIntRange(key);
    return range === undefined ? [] : [[key, range.min, range.max] as const];
  });

const FILE_KEYS = [
  'ca',
  'cert',
  'key',
  'static-key',
  'ta',
  'tls-crypt',
  'tls-crypt-v2',
  'extra-certs',
  'crl-verify-file',
  'crl-verify-dir',
];

function inRange(text: string, min: number, max: number): boolean {
  return /^\d{1,10}$/.test(text) && Number(text) >= min && Number(text) <= max;
}

function gateways(d: Readonly<Record<string, string>>, out: Problems): void {
  const remote = splitList(d.remote ?? '');
  if (remote.length === 0) out['ovpn.remote'] = e.gateway;
  const bad = remote.find((r) => !isGatewayEntry(r));
  if (bad !== undefined) out['ovpn.remote'] = e.gatewayEntry(bad);
}

function files(d: Readonly<Record<string, string>>, out: Problems): void {
  const type = d['connection-type'] ?? 'tls';
  const needsCerts = type === 'tls' || type === 'password-tls';
  for (const key of needsCerts ? ['cert', 'key'] : []) {
    if ((d[key] ?? '') === '') out[`ovpn.${key}`] = e.required;
  }
  if (type === 'static-key' && (d['static-key'] ?? '') === '') out['ovpn.static-key'] = e.required;
  for (const key of ['ta', 'tls-crypt', 'tls-crypt-v2', 'crl-verify-file', 'crl-verify-dir']) {
    if (d[key] === '') out[`ovpn.${key}`] = e.required;
  }
  // The plugin runs openvpn elsewhere: a relative path would not point at the file.
  for (const key of FILE_KEYS) {
    const path = d[key];
    if (path !== undefined && path !== '' && !path.startsWith('/')) {
      out[`ovpn.${key}`] = oe.absolutePath;
    }
  }
}

function numbers(d: Readonly<Record<string, string>>, out: Problems): void {
  if (d.port !== undefined && !isPort(d.port)) out['ovpn.port'] = e.port;
  if (d['proxy-port'] !== undefined && !isPort(d['proxy-port'])) out['ovpn.proxy-port'] = e.port;
  const mtu = d['tunnel-mtu'];
  if (mtu !== undefined && !inRange(mtu, 576, 65_535)) out['ovpn.tunnel-mtu'] = e.mtu;
  for (const [key, min, max] of RANGES) {
    const value = d[key];
    if (value !== undefined && !inRange(value, min, max)) out[`ovpn.${key}`] = oe.range(min, max);
  }
  const mssfix = d.mssfix;
  if (mssfix !== undefined && mssfix !== 'yes' && !inRange(mssfix, 0, 65_535)) {
    out['ovpn.mssfix'] = oe.mssfix;
  }
}

function names(d: Readonly<Record<string, string>>, out: Problems): void {
  const verify = d['verify-x509-name'];
  if (verify?.includes(':') === true && !/^(subject|name|name-prefix):./.test(verify)) {
    out['ovpn.verify-x509-name'] = e.verifyName;
  }
  if (verify !== undefined && d['tls-remote'] !== undefined) {
    out['ovpn.tls-remote'] = oe.tlsRemoteAndVerify;
  }
  for (const key of ['local-ip', 'remote-ip']) {
    const value = d[key];
    if (value !== undefined && !isIpv4(value)) out[`ovpn.${key}`] = oe.ipv4;
  }
  if (d['proxy-type'] !== undefined && (d['proxy-server'] ?? '').trim() === '') {
    out['ovpn.proxy-server'] = oe.proxyServer;
  }
}

export function validateOpenVpn(vpn: PluginEdit, out: Problems): void {
  const d = vpn.data;
  gateways(d, out);
  files(d, out);
  numbers(d, out);
  names(d, out);
}
