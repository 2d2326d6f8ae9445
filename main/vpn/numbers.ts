// Integer parsing exactly as NetworkManager's _nm_utils_ascii_str_to_int64() does it (g_ascii_strtoll
// underneath): surrounding ASCII whitespace is allowed, a sign is allowed, base 0 means C rules
// (0x.. hex, 0.. octal). Anything else, an overflow or a value out of [min, max] is a failure.
// BigInt keeps the range checks exact beyond 2^53.

import { G_MAXINT as G_MAXINT_NUMBER } from '../../preload/openvpn-keys';

const WS = '[\\t\\n\\v\\f\\r ]*';
const BASE10 = new RegExp(`^${WS}([+-]?)(\\d+)${WS}$`);
const BASE0 = new RegExp(`^${WS}([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\\d*)${WS}$`);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** G_MAXINT, written once (preload/openvpn-keys.ts), as a BigInt for the range checks here. */
export const G_MAXINT = BigInt(G_MAXINT_NUMBER);
export const G_MAXUINT32 = 4_294_967_295n;

/** The parsed value, or null when NetworkManager would reject the text. */
export function parseInt64(text: string, base: 10 | 0, min: bigint, max: bigint): bigint | null {
  const m = (base === 10 ? BASE10 : BASE0).exec(text);
  if (m === null) return null;
  const sign = m[1] === '-' ? -1n : 1n;
  const digits = m[2] ?? '';
  let magnitude: bigint;
  if (base === 0 && /^0[xX]/.test(digits)) magnitude = BigInt(digits);
  else if (base === 0 && digits.length > 1 && digits.startsWith('0')) {
    magnitude = BigInt(`0o${digits.slice(1)}`);
  } else magnitude = BigInt(digits);
  const value = sign * magnitude;
  if (value < INT64_MIN || value > INT64_MAX) return null;
  if (value < min || value > max) return null;
  return value;
}

/** Like parseInt64, for ranges that fit a JS number. */
export function parseIntIn(text: string, base: 10 | 0, min: number, max: number): number | null {
  const v = parseInt64(text, base, BigInt(min), BigInt(max));
  return v === null ? null : Number(v);
}
