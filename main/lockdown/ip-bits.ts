// IP addresses as numbers and back, for prefix arithmetic. Pure: no bus.
import { isIP } from 'node:net';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from '../vpn/inet';

export type Family = 4 | 6;

export function familyWidth(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** The address's bytes as one number, most significant first. */
function bitsOf(bytes: Uint8Array): bigint {
  return bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
}

/** A number as `count` bytes, most significant first. */
function bytesOf(bits: bigint, count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  for (let i = count - 1; i >= 0; i--, bits >>= 8n) bytes[i] = Number(bits & 0xffn);
  return bytes;
}

/** The address's bits, or null when it is no address. */
export function addressBits(address: string): { family: Family; bits: bigint } | null {
  const family = isIP(address);
  const bytes = family === 4 ? parseIPv4(address) : family === 6 ? parseIPv6(address) : null;
  return bytes === null || (family !== 4 && family !== 6) ? null : { family, bits: bitsOf(bytes) };
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
  return a.family === 4 ? formatIPv4(bytesOf(network, 4)) : formatIPv6(bytesOf(network, 16));
}
