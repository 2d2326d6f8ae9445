// The one reader for files a profile or a person names: regular files only, within a size cap,
// and never a hang. Each case is a real file-system object, not a mock.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CERT_FILE_LIMIT,
  FileRefused,
  readBounded,
  type ReadLimit,
} from '../../../main/import/read-bounded';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-read-bounded-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function refusal(path: string, limit: ReadLimit = CERT_FILE_LIMIT): FileRefused {
  try {
    readBounded(path, limit);
  } catch (err) {
    if (err instanceof FileRefused) return err;
    throw err;
  }
  throw new Error(`${path} was read`);
}

describe('readBounded', () => {
  it('reads a regular file, also through a symbolic link', () => {
    writeFileSync(join(dir, 'ca.crt'), 'certificate\n');
    symlinkSync(join(dir, 'ca.crt'), join(dir, 'link.crt'));
    expect(readBounded(join(dir, 'ca.crt'), CERT_FILE_LIMIT).toString()).toBe('certificate\n');
    expect(readBounded(join(dir, 'link.crt'), CERT_FILE_LIMIT).toString()).toBe('certificate\n');
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(dir, 'ca.crt');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const err = refusal(fifo);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(err.reason).toBe('not-regular');
    expect(err.message).toBe(`cannot read ${fifo}: it is a named pipe (FIFO), not a regular file`);
  });

  it('refuses /dev/zero (a device) without reading it', () => {
    const err = refusal('/dev/zero');
    expect(err.reason).toBe('not-regular');
    expect(err.message).toBe('cannot read /dev/zero: it is a character device, not a regular file');
  });

  it('refuses a folder', () => {
    mkdirSync(join(dir, 'certs'));
    const err = refusal(join(dir, 'certs'));
    expect(err.reason).toBe('not-regular');
    expect(err.message).toMatch(/certs: it is a folder, not a regular file$/);
  });

  it('refuses a file over the cap, and takes one at the cap', () => {
    const limit: ReadLimit = { bytes: 10, what: 'cert' };
    writeFileSync(join(dir, 'ten'), '0123456789');
    writeFileSync(join(dir, 'eleven'), '0123456789a');
    expect(readBounded(join(dir, 'ten'), limit)).toHaveLength(10);
    const err = refusal(join(dir, 'eleven'), limit);
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe(
      `cannot read ${join(dir, 'eleven')}: it is larger than 10 bytes, more than a certificate or key file holds`,
    );
  });

  it('says 1 MiB for certificates and keys', () => {
    writeFileSync(join(dir, 'big.pem'), Buffer.alloc(CERT_FILE_LIMIT.bytes + 1, 0x41));
    expect(refusal(join(dir, 'big.pem')).message).toMatch(
      /larger than 1 MiB, more than a certificate or key file holds$/,
    );
  });

  it('says why a file cannot be read', () => {
    const err = refusal(join(dir, 'nope.crt'));
    expect(err.reason).toBe('unreadable');
    expect(err.code).toBe('ENOENT');
    expect(err.message).toBe(`cannot read ${join(dir, 'nope.crt')}: no such file or folder`);
  });

  it('with noFollow, refuses a symbolic link even to a regular file', () => {
    writeFileSync(join(dir, 'auth.txt'), 'user\npass\n');
    symlinkSync(join(dir, 'auth.txt'), join(dir, 'link.txt'));
    const err = (() => {
      try {
        readBounded(join(dir, 'link.txt'), CERT_FILE_LIMIT, { noFollow: true });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(FileRefused);
    expect((err as FileRefused).reason).toBe('link');
    expect((err as FileRefused).message).toMatch(
      /link.txt: it is a symbolic link, not a regular file$/,
    );
    expect(readBounded(join(dir, 'auth.txt'), CERT_FILE_LIMIT, { noFollow: true }).toString()).toBe(
      'user\npass\n',
    );
  });
});
