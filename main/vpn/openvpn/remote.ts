// Reading vpn.data.remote back into `remote HOST [PORT [PROTO]]` lines, with the rules of
// NetworkManager-openvpn's nmovpn_remote_parse(): entries are separated by spaces, tabs or commas;
// an entry is host[:port[:proto]], split at the last colons unless the rest is an IPv6 address
// (bare or in brackets); empty port and proto fields are allowed ("host::udp", "[::1]::").
// Entries the plugin would reject are skipped, as the plugin skips them when it connects.

import { parseIPv6 } from '../inet';
import { parseIntIn } from '../numbers';
import { asciiStrip } from '../text';
import { PROTOCOLS } from './directives';

export interface RemoteEntry {
  host: string;
  port: string | null;
  proto: string | null;
}

function isInet6(s: string, brackets: boolean): boolean {
  if (brackets && s.startsWith('[') && s.endsWith(']')) return parseIPv6(s.slice(1, -1)) !== null;
  return parseIPv6(s) !== null;
}

export function parseRemoteEntry(entry: string): RemoteEntry | null {
  let host = asciiStrip(entry);
  let port: string | null = null;
  let proto: string | null = null;
  let colon = host.lastIndexOf(':');
  if (colon >= 0 && !isInet6(host, true)) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
    colon = host.lastIndexOf(':');
    if (colon >= 0 && !isInet6(host, true)) {
      proto = port;
      port = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
  }
  if (host === '') return null;
  if (port === '') port = null;
  if (port !== null && parseIntIn(port, 10, 1, 65535) === null) return null;
  if (proto === '') proto = null;
  if (proto !== null && !PROTOCOLS.includes(proto)) return null;
  if (host.startsWith('[') && isInet6(host, true) && !isInet6(host, false))
    host = host.slice(1, -1);
  return { host, port, proto };
}

export function parseRemotes(value: string): RemoteEntry[] {
  return value
    .split(/[ \t,]/)
    .filter((e) => e !== '')
    .map(parseRemoteEntry)
    .filter((e): e is RemoteEntry => e !== null);
}
