// The agent looks into the key file on every OpenVPN GetSecrets (is the key encrypted?). A key
// path naming a FIFO or a device must not freeze the agent: such a path is simply not encrypted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKeyFileEncrypted } from '../../../main/agent/secret-agent';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-agent-key-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('isKeyFileEncrypted', () => {
  it('reads a regular key file', () => {
    writeFileSync(join(dir, 'enc.key'), '-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n');
    writeFileSync(join(dir, 'plain.key'), '-----BEGIN PRIVATE KEY-----\nx\n');
    expect(isKeyFileEncrypted(join(dir, 'enc.key'))).toBe(true);
    expect(isKeyFileEncrypted(join(dir, 'plain.key'))).toBe(false);
  });

  it('takes a PKCS#12 file as encrypted by its name, and reads a legacy encrypted PEM key', () => {
    // Not read at all: NM-openvpn asks the import password of every .p12 or .pfx file.
    expect(isKeyFileEncrypted(join(dir, 'absent.p12'))).toBe(true);
    expect(isKeyFileEncrypted(join(dir, 'absent.PFX'))).toBe(true);
    expect(isKeyFileEncrypted(join(dir, 'absent.p12.key'))).toBe(false);
    writeFileSync(
      join(dir, 'legacy.key'),
      '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nx\n',
    );
    expect(isKeyFileEncrypted(join(dir, 'legacy.key'))).toBe(true);
  });

  it('answers at once for a FIFO, /dev/zero and a file far too large', () => {
    const fifo = join(dir, 'client.key');
    execFileSync('mkfifo', [fifo]);
    const big = join(dir, 'big.key');
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, 0x41));
    const started = Date.now();
    expect(isKeyFileEncrypted(fifo)).toBe(false);
    expect(isKeyFileEncrypted('/dev/zero')).toBe(false);
    expect(isKeyFileEncrypted(big)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  }, 5000);
});
