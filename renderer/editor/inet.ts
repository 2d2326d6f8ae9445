// Address checks for the editor's messages next to the field. Main checks again with the same
// rules NetworkManager uses; these only catch typing mistakes early.

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(text: string): boolean {
  return V4.test(text);
}

export function isIpv6(text: string): boolean {
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  const doubles = text.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = text.split(':').filter((g) => g !== '');
  const last = groups.at(-1) ?? '';
  const embedded4 = last.includes('.');
  if (embedded4 && !isIpv4(last)) return false;
  const hex = embedded4 ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hex.length + (embedded4 ? 2 : 0);
  return doubles === 1 ? count < 8 : count === 8;
}

export type Family = 4 | 6;

export function isAddress(text: string, family: Family): boolean {
  return family === 4 ? isIpv4(text) : isIpv6(text);
}

/** `address/prefix` (or a bare address) of the family. */
export function isCidr(text: string, family: Family): boolean {
  const [addr = '', prefix, ...rest] = text.split('/');
  if (rest.length > 0 || !isAddress(addr, family)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export function isPort(text: string, min = 1): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= min && Number(text) <= 65_535;
}

/** `host:port` or `[v6]:port`. */
export function isEndpoint(text: string): boolean {
  const m = /^(\[[^\]]+\]|[^:\s]+):(\d+)$/.exec(text);
  return m !== null && isPort(m[2] ?? '');
}

const PROTO = /^(udp|tcp)[46]?(-client)?$/;

/** One OpenVPN gateway: `host`, `host:port` or `host:port:proto` (IPv6 hosts in brackets). */
export function isGatewayEntry(entry: string): boolean {
  // An unbracketed IPv6 host (`addr::proto`, `addr::`) is the plugin's to judge.
  if (!entry.startsWith('[') && entry.split(':').length > 3) return true;
  const m = /^(\[[^\]]+\]|[^:\s[\]]+)(?::([^:]*))?(?::([^:]*))?$/.exec(entry);
  if (m === null) return false;
  const [, , port, proto] = m;
  if (port !== undefined && port !== '' && !isPort(port)) return false;
  return proto === undefined || proto === '' || PROTO.test(proto);
}

/** Splits a list the person typed with commas or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
