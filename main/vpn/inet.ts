// IP address parsing and printing with glibc's inet_pton()/inet_ntop() rules, which both importers
// use. Node's net.isIP() differs in corner cases (zone ids, leading zeros), so it is not used.

import { parseIntIn } from './numbers';

export type Family = 4 | 6;

/** inet_pton(AF_INET): exactly four decimal parts 0-255, no leading zeros, nothing else. */
export function parseIPv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? '';
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}

function hexValue(ch: string): number {
  return /^[0-9a-fA-F]$/.test(ch) ? parseInt(ch, 16) : -1;
}

/** inet_pton(AF_INET6), including "::" once and a dotted IPv4 tail; no zone ids. */
export function parseIPv6(text: string): Uint8Array | null {
  const out = new Uint8Array(16);
  let i = 0;
  if (text[0] === ':' && text[1] !== ':') return null;
  if (text[0] === ':') i = 1;
  let tp = 0;
  let colonAt = -1;
  let tokenStart = i;
  let sawDigit = false;
  let digits = 0;
  let value = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    i++;
    const hv = hexValue(ch);
    if (hv >= 0) {
      if (digits === 4) return null;
      value = (value << 4) | hv;
      digits++;
      sawDigit = true;
      continue;
    }
    if (ch === ':') {
      tokenStart = i;
      if (!sawDigit) {
        if (colonAt >= 0) return null;
        colonAt = tp;
        continue;
      }
      if (i >= text.length) return null;
      if (tp + 2 > 16) return null;
      out[tp++] = (value >> 8) & 0xff;
      out[tp++] = value & 0xff;
      sawDigit = false;
      digits = 0;
      value = 0;
      continue;
    }
    if (ch === '.' && tp + 4 <= 16) {
      const v4 = parseIPv4(text.slice(tokenStart));
      if (v4 === null) return null;
      out.set(v4, tp);
      tp += 4;
      sawDigit = false;
      break;
    }
    return null;
  }
  if (sawDigit) {
    if (tp + 2 > 16) return null;
    out[tp++] = (value >> 8) & 0xff;
    out[tp++] = value & 0xff;
  }
  if (colonAt >= 0) {
    if (tp === 16) return null;
    const tail = out.slice(colonAt, tp);
    out.fill(0, colonAt);
    out.set(tail, 16 - tail.length);
    tp = 16;
  }
  return tp === 16 ? out : null;
}

export function formatIPv4(b: Uint8Array): string {
  return Array.from(b.subarray(0, 4)).join('.');
}

/** inet_ntop(AF_INET6) as glibc prints it: the first longest run (>= 2) of zero groups is "::". */
export function formatIPv6(b: Uint8Array): string {
  const words: number[] = [];
  for (let i = 0; i < 8; i++) words.push(((b[2 * i] ?? 0) << 8) | (b[2 * i + 1] ?? 0));
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  for (let i = 0; i <= 8; i++) {
    if (i < 8 && words[i] === 0) {
      if (curBase < 0) curBase = i;
    } else if (curBase >= 0) {
      if (i - curBase > bestLen) {
        bestBase = curBase;
        bestLen = i - curBase;
      }
      curBase = -1;
    }
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      out += formatIPv4(b.subarray(12, 16));
      return out;
    }
    out += (words[i] ?? 0).toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLen === 8) out += ':';
  return out;
}

export interface ParsedAddress {
  family: Family;
  bytes: Uint8Array;
  /** The canonical text (inet_ntop of the parsed bytes). */
  text: string;
}

/** nm_inet_parse_bin(AF_UNSPEC): the family is IPv6 when the text has a colon. */
export function parseIp(text: string): ParsedAddress | null {
  if (text.includes(':')) {
    const bytes = parseIPv6(text);
    return bytes === null ? null : { family: 6, bytes, text: formatIPv6(bytes) };
  }
  const bytes = parseIPv4(text);
  return bytes === null ? null : { family: 4, bytes, text: formatIPv4(bytes) };
}

/** nm_inet_parse_with_prefix_bin(AF_UNSPEC): `addr[/prefix]`, prefix decimal within the family. */
export function parseIpWithPrefix(
  text: string,
): (ParsedAddress & { prefix: number | null }) | null {
  const slash = text.indexOf('/');
  const addr = parseIp(slash >= 0 ? text.slice(0, slash) : text);
  // The family is chosen on the whole text, as NetworkManager does.
  if (addr === null || (addr.family === 6) !== text.includes(':')) return null;
  if (slash < 0) return { ...addr, prefix: null };
  const prefix = parseIntIn(text.slice(slash + 1), 10, 0, addr.family === 4 ? 32 : 128);
  return prefix === null ? null : { ...addr, prefix };
}

/** nm_ip4_addr_netmask_to_prefix(): 32 minus the number of trailing zero bits (0 for 0.0.0.0). */
export function netmaskToPrefix(mask: Uint8Array): number {
  const v =
    (((mask[0] ?? 0) << 24) | ((mask[1] ?? 0) << 16) | ((mask[2] ?? 0) << 8) | (mask[3] ?? 0)) >>>
    0;
  if (v === 0) return 0;
  let trailing = 0;
  while (((v >>> trailing) & 1) === 0) trailing++;
  return 32 - trailing;
}

export function prefixToNetmask(prefix: number): string {
  const v = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (v >>> s) & 0xff).join('.');
}
