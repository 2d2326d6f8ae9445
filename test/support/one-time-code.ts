import { createHmac } from 'node:crypto';

// RFC 4226 (HOTP) and RFC 6238 (TOTP, 30 s steps) codes, computed by the tests from the secret the
// server was given, so a test types what an authenticator app would show.

/** The six-digit HOTP code of a hex secret at a counter. */
export function hotp(secretHex: string, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', Buffer.from(secretHex, 'hex')).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

/**
 * TOTP codes for one server, each of a later time step than the one before: liboath refuses a code
 * of a step already used (replay), and a test may log in several times within 30 seconds. The
 * server accepts steps ahead of its clock within its window (ocserv: 20 steps).
 */
export class TotpCodes {
  private step = Math.floor(Date.now() / 30_000);
  constructor(private readonly secretHex: string) {}

  next(): string {
    this.step = Math.max(this.step + 1, Math.floor(Date.now() / 30_000));
    return hotp(this.secretHex, this.step);
  }
}
