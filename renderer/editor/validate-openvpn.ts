// The OpenVPN page's rules: what NetworkManager-openvpn 1.10.2 would refuse (reference §7.1, 7.2),
// said next to the field before saving. Field ids are `ovpn.<vpn.data key>`.

import type { PluginEdit } from '../../preload/editor';
import { strings } from '../strings';
import { isGatewayEntry, isIpv4, isPort, splitList } from './inet';

type Problems = Record<string, string>;

const e = strings.editor.errors;
const oe = strings.ovpn.errors;

/** The plugin's bound for "any non-negative number" (G_MAXINT). */
const INT_MAX = 2_147_483_647;

/** Number keys and their ranges; empty is the plugin's default. */
const RANGES: readonly (readonly [string, number, number])[] = [
  ['reneg-seconds', 0, INT_MAX],
  ['fragment-size', 0, 65_535],
  ['max-routes', 0, 100_000_000],
  ['connect-timeout', 0, INT_MAX],
  ['ping', 0, INT_MAX],
  ['ping-exit', 0, INT_MAX],
  ['ping-restart', 0, INT_MAX],
  ['keysize', 1, 65_535],
];

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
