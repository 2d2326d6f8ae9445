// The gate every OpenVPN save and create passes: NetworkManager-openvpn 1.10.2 fails the activation
// of a profile carrying a vpn.data or vpn.secrets key it does not know, or a known key whose value
// does not parse as its type (reference §7.1), so an edit that adds or changes such a key is
// refused, naming the key. Keys already stored and left as they were are not looked at: the editor
// never loses a setting it does not show.

import type { PluginEdit } from '../../preload/editor';
import { isOpenVpnDataKey, isOpenVpnSecretKey } from '../import/ovpn-keys';
import { editRefused } from './refusal';
import { editorStrings as s } from './editor-strings';

const BOOL_KEYS: ReadonlySet<string> = new Set([
  'allow-pull-fqdn',
  'float',
  'ncp-disable',
  'proto-tcp',
  'proxy-retry',
  'push-peer-info',
  'remote-random',
  'remote-random-hostname',
  'tap-dev',
  'tls-version-min-or-highest',
]);

/** G_MAXINT: the plugin's upper bound for "any non-negative number". */
const INT_MAX = 2_147_483_647;

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  port: [1, 65_535],
  'proxy-port': [1, 65_535],
  keysize: [1, 65_535],
  'ta-dir': [0, 1],
  'static-key-direction': [0, 1],
  'max-routes': [0, 100_000_000],
  'connect-timeout': [0, INT_MAX],
  ping: [0, INT_MAX],
  'ping-exit': [0, INT_MAX],
  'ping-restart': [0, INT_MAX],
  'reneg-seconds': [0, INT_MAX],
  'tunnel-mtu': [0, INT_MAX],
  'fragment-size': [0, INT_MAX],
};

const ADDR_KEYS: ReadonlySet<string> = new Set(['local-ip', 'remote-ip']);

/** Why the plugin would reject `value` for the known key `key`, or null when it takes it. */
export function openVpnValueProblem(key: string, value: string): string | null {
  if (BOOL_KEYS.has(key)) return value === 'yes' || value === 'no' ? null : s.valueProblem.yesOrNo;
  const range = INT_RANGES[key];
  if (range !== undefined) {
    const [min, max] = range;
    const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? null : s.valueProblem.range(min, max);
  }
  if (ADDR_KEYS.has(key)) {
    return /^[A-Za-z0-9.-]+$/.test(value) ? null : s.valueProblem.ipv4;
  }
  if (key.endsWith('-flags')) return /^\d{1,10}$/.test(value) ? null : s.valueProblem.number;
  return null;
}

/** The vpn.data keys the edit adds or gives another value (removed keys are not among them). */
function addedOrChanged(base: PluginEdit, edit: PluginEdit): string[] {
  return Object.keys(edit.data).filter((k) => edit.data[k] !== base.data[k]);
}

/** Throws an edit-refused TunnelbarError for the first key the installed plugin would reject. */
export function checkOpenVpnKeys(base: PluginEdit, edit: PluginEdit): void {
  for (const key of addedOrChanged(base, edit)) {
    if (!isOpenVpnDataKey(key)) {
      throw editRefused(s.refused.openVpnUnknownKey(key));
    }
    const problem = openVpnValueProblem(key, edit.data[key] ?? '');
    if (problem !== null) {
      throw editRefused(s.refused.openVpnBadValue(key, problem));
    }
  }
  for (const key of Object.keys(edit.newSecrets)) {
    if (!isOpenVpnSecretKey(key)) {
      throw editRefused(s.refused.openVpnUnknownSecret(key));
    }
  }
}
