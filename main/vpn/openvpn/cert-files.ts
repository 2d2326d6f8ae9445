// What the OpenVPN importer learns from the content of referenced files: whether a file is PKCS#12
// (libnm's crypto decides that by decoding the DER PFX structure) and whether a private key is
// encrypted (NetworkManager-openvpn looks for the PEM markers at the start of a line).

interface Der {
  tag: number;
  start: number;
  end: number;
}

/** One DER element at `off`, or null when the bytes are not a well-formed header. */
function readDer(buf: Uint8Array, off: number, limit: number): Der | null {
  if (off + 2 > limit) return null;
  const tag = buf[off] ?? 0;
  let len = buf[off + 1] ?? 0;
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[start + i] ?? 0);
    start += n;
  }
  const end = start + len;
  return end > limit ? null : { tag, start, end };
}

const OID_PKCS7_DATA = Buffer.from('06092a864886f70d010701', 'hex');
const OID_PKCS7_SIGNED = Buffer.from('06092a864886f70d010702', 'hex');

/** A PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo { data | signedData, ... }, ... }. */
export function isPkcs12(buf: Uint8Array): boolean {
  const outer = readDer(buf, 0, buf.length);
  if (outer?.tag !== 0x30 || outer.end !== buf.length) return false;
  const version = readDer(buf, outer.start, outer.end);
  if (version?.tag !== 0x02 || version.end - version.start !== 1) return false;
  if (buf[version.start] !== 3) return false;
  const authSafe = readDer(buf, version.end, outer.end);
  if (authSafe?.tag !== 0x30) return false;
  const oid = Buffer.from(buf.subarray(authSafe.start, authSafe.start + OID_PKCS7_DATA.length));
  return oid.equals(OID_PKCS7_DATA) || oid.equals(OID_PKCS7_SIGNED);
}

const ENCRYPTED_MARKERS = ['Proc-Type: 4,ENCRYPTED', '-----BEGIN ENCRYPTED PRIVATE KEY-----'];

/**
 * is_encrypted(): PKCS#12, or a line starting with a PEM encryption marker. GLib reads the file as
 * UTF-8 text, so reading stops at the first line that is not valid UTF-8.
 */
export function isEncryptedKey(buf: Uint8Array): boolean {
  if (isPkcs12(buf)) return true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < buf.length) {
    let end = start;
    while (end < buf.length && buf[end] !== 0x0a && buf[end] !== 0x0d && buf[end] !== 0) end++;
    let line: string;
    try {
      line = decoder.decode(buf.subarray(start, end));
    } catch {
      return false;
    }
    if (ENCRYPTED_MARKERS.some((m) => line.startsWith(m))) return true;
    start = end + 1;
  }
  return false;
}

/** Text that can go in an inline block: UTF-8 without NUL bytes. */
export function isInlineableText(buf: Uint8Array): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}
