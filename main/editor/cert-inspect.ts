// What a certificate or key file holds, for the editor's certificate fields: the subject, issuer
// and expiry of a certificate (and how many a bundle holds), whether a private key is encrypted,
// PKCS#12, an OpenVPN static key, a CRL. The answer never carries the file's contents.

import { X509Certificate } from 'node:crypto';
import type { CertInfoView } from '../../preload/library';
import { isEncryptedKey, isPkcs12 } from '../vpn/openvpn/cert-files';
import { editorStrings as s } from './editor-strings';

interface PemBlock {
  label: string;
  text: string;
}

/** The PEM armoured blocks of a file, labels upper-cased (`CERTIFICATE`, `OPENVPN STATIC KEY V1`). */
function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^-\r\n]{1,64})-----[\s\S]*?-----END \1-----/g;
  for (const m of text.matchAll(re)) {
    out.push({ label: (m[1] ?? '').toUpperCase(), text: m[0] });
  }
  return out;
}

const CERT_LABELS = new Set(['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);
const STATIC_KEY_LABELS = new Set([
  'OPENVPN STATIC KEY V1',
  'OPENVPN TLS-CRYPT-V2 CLIENT KEY',
  'OPENVPN TLS-CRYPT-V2 SERVER KEY',
]);

/** `CN=vpn\nO=Example` (Node's form) as one line: `CN=vpn, O=Example`. */
function oneLine(name: string): string {
  return name
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

function certificateInfo(cert: X509Certificate, count: number): CertInfoView {
  return {
    kind: 'certificate',
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    notBefore: Date.parse(cert.validFrom),
    notAfter: Date.parse(cert.validTo),
    count,
  };
}

// Functions, not constants: the sentence is read in the active language when it is used.
const DAMAGED = (): CertInfoView => ({ kind: 'unreadable', sentence: s.cert.damaged });

const UNKNOWN = (): CertInfoView => ({ kind: 'unreadable', sentence: s.cert.unrecognised });

/** What `bytes` (a whole file) holds. */
export function inspectBytes(bytes: Buffer): CertInfoView {
  if (bytes.length === 0) return { kind: 'unreadable', sentence: s.cert.fileEmpty };
  if (isPkcs12(bytes)) return { kind: 'pkcs12' };
  const blocks = pemBlocks(bytes.toString('latin1'));
  const certs = blocks.filter((b) => CERT_LABELS.has(b.label));
  const first = certs[0];
  if (first !== undefined) {
    try {
      return certificateInfo(new X509Certificate(first.text), certs.length);
    } catch {
      return DAMAGED();
    }
  }
  if (blocks.some((b) => b.label.endsWith('PRIVATE KEY'))) {
    return { kind: 'private-key', encrypted: isEncryptedKey(bytes) };
  }
  if (blocks.some((b) => STATIC_KEY_LABELS.has(b.label))) return { kind: 'static-key' };
  if (blocks.some((b) => b.label === 'X509 CRL')) return { kind: 'crl' };
  if (blocks.length === 0 && bytes[0] === 0x30) {
    // A DER certificate (a SEQUENCE); anything else binary is not something the plugin reads.
    try {
      return certificateInfo(new X509Certificate(bytes), 1);
    } catch {
      return UNKNOWN();
    }
  }
  return UNKNOWN();
}
