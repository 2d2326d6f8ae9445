// The name and endpoint rules of NetworkManager's wg-quick importer.

import { basename } from 'node:path';
import { isAsciiSpace } from '../text';
import { parseIntIn } from '../numbers';

const IFNAMSIZ = 16;

/**
 * nm_utils_ifname_valid(NMU_IFACE_KERNEL): 1 to 15 bytes, not "." or "..", no "/", ":", "%" or
 * whitespace, and not one of the names the kernel reserves.
 */
export function validInterfaceName(name: string): boolean {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes === 0 || bytes >= IFNAMSIZ) return false;
  if (name === '.' || name === '..') return false;
  for (const ch of name) {
    if (ch === '/' || ch === ':' || ch === '%' || ch === '\0' || isAsciiSpace(ch)) return false;
  }
  return !['all', 'default', 'bonding_masters'].includes(name);
}

/** `<ifname>.conf` → ifname, or null when nmcli refuses the file name. */
export function wgFileInterfaceName(fileName: string): string | null {
  const base = basename(fileName);
  if (!base.endsWith('.conf')) return null;
  const name = base.slice(0, -'.conf'.length);
  return validInterfaceName(name) ? name : null;
}

/** `host:port` or `[host]:port` with a decimal port 1-65535 (the host itself is not checked). */
export function validEndpoint(value: string): boolean {
  let host: string;
  let port: string;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return false;
    host = value.slice(1, close);
    if (value[close + 1] !== ':') return false;
    port = value.slice(close + 2);
  } else {
    const colon = value.lastIndexOf(':');
    if (colon < 0) return false;
    host = value.slice(0, colon);
    port = value.slice(colon + 1);
  }
  if (host === '' || port === '' || !/^[0-9]+$/.test(port)) return false;
  return parseIntIn(port, 10, 1, 65535) !== null;
}
