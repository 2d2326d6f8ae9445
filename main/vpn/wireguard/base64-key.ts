// WireGuard keys are 32 bytes in standard base64. NetworkManager decodes them with a strict decoder
// (systemd's unbase64mem): whitespace is ignored, padding must be exact, unused bits must be zero and
// nothing may follow the padding. Such a key has exactly one valid spelling, so the text of a valid
// key is also NetworkManager's normalised form.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The decoded bytes, or null when NetworkManager would reject the text. */
export function decodeBase64Strict(text: string): Buffer | null {
  const chars = text.replace(/[\t\n\v\f\r ]/g, '');
  if (chars.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < chars.length; i += 4) {
    const block = chars.slice(i, i + 4);
    const pad = block.endsWith('==') ? 2 : block.endsWith('=') ? 1 : 0;
    const last = i + 4 === chars.length;
    if (pad > 0 && !last) return null;
    const vals = Array.from({ length: 4 - pad }, (_, k) => ALPHABET.indexOf(block.charAt(k)));
    if (vals.length < 2 || vals.some((v) => v < 0)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = vals;
    if (pad === 2 && (b & 15) !== 0) return null;
    if (pad === 1 && (c & 3) !== 0) return null;
    out.push(((a << 2) | (b >> 4)) & 0xff);
    if (pad < 2) out.push(((b << 4) | (c >> 2)) & 0xff);
    if (pad < 1) out.push(((c << 6) | d) & 0xff);
  }
  return Buffer.from(out);
}

/** A valid 32-byte WireGuard key (private, public or preshared). */
export function isWireGuardKey(text: string): boolean {
  return decodeBase64Strict(text)?.length === 32;
}
