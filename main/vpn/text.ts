// Text helpers shared by the importers. NetworkManager and its plugins work on bytes with GLib's
// notion of whitespace and UTF-8; these functions reproduce exactly those notions so that the
// TypeScript importers split and validate input the same way the C importers do.

/** GLib's g_ascii_isspace(): space, \t, \n, \v, \f, \r (and nothing outside ASCII). */
export function isAsciiSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

/** Removes leading and trailing ASCII whitespace (g_strstrip). */
export function asciiStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isAsciiSpace(s[start])) start++;
  while (end > start && isAsciiSpace(s[end - 1])) end--;
  return s.slice(start, end);
}

// Bytes that are not valid UTF-8 are kept as lone low surrogates U+DC80..U+DCFF (like Python's
// "surrogateescape"). A file in Latin-1 can then still be tokenized like the C importer does, the
// bytes survive into paths (which NetworkManager stores "utf8safe"-escaped), and a value that must
// be UTF-8 can be recognised as invalid.
const ESCAPE_BASE = 0xdc00;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The valid range of the second byte, which rules out overlong forms, surrogates and > U+10FFFF. */
function secondByteOk(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return b >= 0x80 && b <= 0xbf;
}

/** Decodes UTF-8, mapping every byte of an invalid sequence to U+DC80..U+DCFF. */
export function decodeBytes(bytes: Uint8Array): string {
  const fast = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  if (!fast.includes('\uFFFD')) return fast;
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      i++;
      continue;
    }
    const len = sequenceLength(lead);
    let ok = len > 0 && i + len <= bytes.length && secondByteOk(lead, bytes[i + 1] ?? 0);
    for (let k = 2; ok && k < len; k++) {
      const b = bytes[i + k] ?? 0;
      ok = b >= 0x80 && b <= 0xbf;
    }
    if (ok) {
      out += Buffer.from(bytes.subarray(i, i + len)).toString('utf8');
      i += len;
    } else {
      out += String.fromCharCode(ESCAPE_BASE + lead);
      i++;
    }
  }
  return out;
}

const LONE_ESCAPE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** True when the string holds bytes that were not valid UTF-8 in the file (g_utf8_validate fails). */
export function hasInvalidUtf8(s: string): boolean {
  return LONE_ESCAPE.test(s);
}

/** The inverse of decodeBytes: the original bytes. */
export function encodeBytes(s: string): Buffer {
  if (!hasInvalidUtf8(s)) return Buffer.from(s, 'utf8');
  const parts: Buffer[] = [];
  let run = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    const lone = code >= 0xdc80 && code <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff);
    if (lone) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.from([code - ESCAPE_BASE]));
      run = '';
    } else {
      run += s[i] ?? '';
    }
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

/**
 * NetworkManager's "utf8safe" escaping (nm_utils_str_utf8safe_escape with no flags), used by
 * NetworkManager-openvpn for file paths in vpn.data: a backslash becomes two, and each byte that is
 * not valid UTF-8 becomes a three-digit octal escape.
 */
export function utf8safeEscape(s: string): string {
  if (!s.includes('\\') && !hasInvalidUtf8(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    const code = s.charCodeAt(i);
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (ch === '\\') out += '\\\\';
    else if (code >= 0xdc80 && code <= 0xdcff && !(prev >= 0xd800 && prev <= 0xdbff)) {
      out += '\\' + (code - ESCAPE_BASE).toString(8).padStart(3, '0');
    } else out += ch;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, number> = { b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };

/** The reverse (g_strcompress): C escapes and up to three octal digits; any other `\x` is `x`. */
export function utf8safeUnescape(s: string): string {
  if (!s.includes('\\')) return s;
  const bytes: number[] = [];
  const src = encodeBytes(s);
  for (let i = 0; i < src.length; i++) {
    const b = src[i] ?? 0;
    if (b !== 0x5c) {
      bytes.push(b);
      continue;
    }
    i++;
    if (i >= src.length) break;
    const c = String.fromCharCode(src[i] ?? 0);
    if (c >= '0' && c <= '7') {
      let v = 0;
      let n = 0;
      while (n < 3 && i < src.length) {
        const d = String.fromCharCode(src[i] ?? 0);
        if (d < '0' || d > '7') break;
        v = v * 8 + Number(d);
        i++;
        n++;
      }
      i--;
      bytes.push(v & 0xff);
    } else {
      bytes.push(SIMPLE_ESCAPES[c] ?? src[i] ?? 0);
    }
  }
  return decodeBytes(Uint8Array.from(bytes));
}
