// WireGuard keys: Curve25519 pairs, base64 of the 32 raw bytes (as wg(8) prints them).

import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

function fromBase64Url(text: string): string {
  return Buffer.from(text, 'base64url').toString('base64');
}

/** PKCS#8 wrapping of a raw X25519 private key (RFC 8410), so Node can import the 32 bytes. */
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** A valid key: base64 of exactly 32 bytes. */
export function isWgKey(text: string): boolean {
  return /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/.test(text);
}

export function generatePrivateKey(): string {
  const { privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return fromBase64Url(jwk.d ?? '');
}

/** The public key of a private key, or null when the text is not one. */
export function publicKeyOf(privateKey: string): string | null {
  if (!isWgKey(privateKey)) return null;
  const der = Buffer.concat([PKCS8_X25519_PREFIX, Buffer.from(privateKey, 'base64')]);
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  return jwk.x === undefined ? null : fromBase64Url(jwk.x);
}
