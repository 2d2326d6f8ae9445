// cert:inspect answers only for regular files (issue 11, item 8): a FIFO, a device or a folder is
// named as such at once, without being read; a link to a certificate is fine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectCert } from '../../../main/editor/certs';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-inspect-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'].concat([
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-subj',
      '/CN=Inspect CA',
      '-days',
      '30',
    ]),
    { cwd: dir, stdio: 'pipe' },
  );
  execFileSync('mkfifo', [join(dir, 'pipe.pem')]);
  symlinkSync(join(dir, 'ca.pem'), join(dir, 'link.pem'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('inspectCert on what is not a regular file', () => {
  it('names a FIFO at once instead of waiting for a writer', async () => {
    expect(await inspectCert(join(dir, 'pipe.pem'))).toEqual({
      kind: 'unreadable',
      sentence:
        'This is a named pipe (FIFO), not a file; choose the certificate or key file itself.',
    });
  }, 3000);

  it('names a device without reading it', async () => {
    expect(await inspectCert('/dev/zero')).toEqual({
      kind: 'unreadable',
      sentence:
        'This is a character device, not a file; choose the certificate or key file itself.',
    });
  });

  it('follows a link to a certificate', async () => {
    expect(await inspectCert(join(dir, 'link.pem'))).toMatchObject({
      kind: 'certificate',
      subject: 'CN=Inspect CA',
    });
  });
});
