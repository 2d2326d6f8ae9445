// IP addresses as numbers and back, for prefix arithmetic. Pure: no bus.
import { isIP } from 'node:net';

export type Family = 4 | 6;

export function familyWidth(family: Family): number {
  return family === 4 ? 32 : 128;
}

export function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

export function ipv6Bits(address: string): bigint {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (text: string): string[] => (text === '' ? [] : text.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (parts: string[]): bigint[] =>
    parts.flatMap((p) => {
      if (!p.includes('.')) return [BigInt(Number.parseInt(p, 16))];
      const v4 = ipv4Bits(p);
      return [v4 >> 16n, v4 & 0xffffn];
    });
  const l = expand(left);
  const r = expand(right);
  const all = [...l, ...Array<bigint>(8 - l.length - r.length).fill(0n), ...r];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function formatIpv4(bits: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((bits >> shift) & 0xffn)).join('.');
}

/** RFC 5952's text: lower case, the longest run of two or more zero groups as `::`. */
function formatIpv6(bits: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((bits >> BigInt(112 - 16 * i)) & 0xffffn),
  );
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = (g: number[]): string => g.map((n) => n.toString(16)).join(':');
  if (best.start < 0) return hex(groups);
  const head = hex(groups.slice(0, best.start));
  const tail = hex(groups.slice(best.start + best.length));
  return `${head}::${tail}`;
}

/** The address's bits, or null when it is no address. */
export function addressBits(address: string): { family: Family; bits: bigint } | null {
  const family = isIP(address);
  if (family === 4) return { family, bits: ipv4Bits(address) };
  if (family === 6) return { family, bits: ipv6Bits(address) };
  return null;
}

/** Whether an address lies in prefix/length (same family; false otherwise). */
export function inPrefix(address: string, prefix: string, length: number): boolean {
  const a = addressBits(address);
  const p = addressBits(prefix);
  if (a === null || p === null || a.family !== p.family) return false;
  const width = familyWidth(a.family);
  const shift = BigInt(width - Math.min(Math.max(length, 0), width));
  return a.bits >> shift === p.bits >> shift;
}

/** The network an address is in (its host bits cleared), as text; null when it is no address. */
export function networkOf(address: string, length: number): string | null {
  const a = addressBits(address);
  if (a === null) return null;
  const width = familyWidth(a.family);
  const shift = BigInt(width - Math.min(Math.max(length, 0), width));
  const network = (a.bits >> shift) << shift;
  return a.family === 4 ? formatIpv4(network) : formatIpv6(network);
}
