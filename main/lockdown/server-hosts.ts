// The servers a VPN profile connects to, read from its settings. Pure. Lockdown resolves them and
// reports the ones it cannot (a VPN whose server has no address cannot connect under lockdown).
import { isIP } from 'node:net';
import { mapArrayProp, stringProp } from '../nm/dbus-types';
import type { Profile } from '../nm/profile';

/** vpn.data keys that name the server, by plugin (the generic ones cover most others). */
const GATEWAY_KEYS: Record<string, readonly string[]> = {
  openvpn: ['remote'],
  openconnect: ['gateway'],
  vpnc: ['IPSec gateway'],
  strongswan: ['address'],
};
const GENERIC_KEYS = ['gateway', 'remote', 'address'];

/** `host`, `host:port`, `host:port:proto`, `[v6]:port`, `https://host/path` → the host. */
export function hostOf(entry: string): string | null {
  let text = entry.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  text = text.split('/')[0] ?? '';
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    return end > 1 ? text.slice(1, end) : null;
  }
  // A bare IPv6 address has several colons and no port to strip.
  if (isIP(text) === 6) return text;
  const host = text.split(':')[0] ?? '';
  return host === '' ? null : host;
}

/** Every server host a profile names, in its order, without repeats. */
export function serverHosts(profile: Profile): string[] {
  const entries: string[] = [];
  if (profile.vpnType === 'wireguard') {
    for (const peer of mapArrayProp(profile.settings.wireguard, 'peers')) {
      const endpoint = stringProp(peer, 'endpoint');
      if (endpoint !== undefined) entries.push(endpoint);
    }
  } else {
    const keys = GATEWAY_KEYS[profile.vpnType] ?? GENERIC_KEYS;
    for (const key of keys) {
      const value = profile.data[key];
      // OpenVPN's remote lists several servers, separated by commas or spaces.
      if (value !== undefined) entries.push(...value.split(/[,\s]+/).filter((v) => v !== ''));
    }
  }
  const hosts = entries.map(hostOf).filter((h): h is string => h !== null);
  return [...new Set(hosts)];
}
