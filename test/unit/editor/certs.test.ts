import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inspectCert,
  MAX_CERT_BYTES,
  sanitizedCertName,
  storeCert,
} from '../../../main/editor/certs';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';

// Real files made with openssl: a CA, a certificate it signed, one that expired in 2021, keys
// plain and encrypted, a PKCS#12 bundle, a CRL, an OpenVPN static key.

let dir: string;
const at = (name: string): string => join(dir, name);
const openssl = (...args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
};
const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-certs-'));
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/O=Example Corp/CN=Example Root CA',
  );
  writeFileSync(at('index.txt'), '');
  writeFileSync(at('serial'), '01\n');
  writeFileSync(
    at('ca.cnf'),
    '[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nserial=serial\nnew_certs_dir=.\n' +
      'default_md=sha256\npolicy=p\ncrlnumber=serial\ndefault_crl_days=30\n[p]\ncommonName=supplied\n',
  );
  const sign = (name: string, start: string, end: string): void => {
    openssl(
      'req',
      '-new',
      ...ec,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${name}.example.com`,
    );
    openssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-notext',
      '-startdate',
      start,
      '-enddate',
      end,
    );
  };
  sign('client', '20240101000000Z', '20990101000000Z');
  sign('old', '20200101000000Z', '20210101000000Z');
  writeFileSync(
    at('bundle.pem'),
    readFileSync(at('ca.pem'), 'utf8') + readFileSync(at('client.pem'), 'utf8'),
  );
  openssl('x509', '-in', 'client.pem', '-outform', 'DER', '-out', 'client.der');
  openssl('pkey', '-in', 'client.key', '-aes256', '-passout', 'pass:secret', '-out', 'enc.key');
  openssl(
    'pkcs12',
    '-export',
    '-in',
    'client.pem',
    '-inkey',
    'client.key',
    '-passout',
    'pass:secret',
    '-out',
    'client.p12',
  );
  openssl(
    'ca',
    '-gencrl',
    '-config',
    'ca.cnf',
    '-cert',
    'ca.pem',
    '-keyfile',
    'ca.key',
    '-out',
    'crl.pem',
  );
  const hex = randomBytes(256).toString('hex').match(/.{32}/g) ?? [];
  writeFileSync(
    at('ta.key'),
    `#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n${hex.join('\n')}\n-----END OpenVPN Static key V1-----\n`,
  );
  writeFileSync(at('notes.txt'), 'remote vpn.example.com 1194\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('inspectCert', () => {
  it('reads a certificate’s subject, issuer and validity', async () => {
    expect(await inspectCert(at('client.pem'))).toEqual({
      kind: 'certificate',
      subject: 'CN=client.example.com',
      issuer: 'O=Example Corp, CN=Example Root CA',
      notBefore: Date.UTC(2024, 0, 1),
      notAfter: Date.UTC(2099, 0, 1),
      count: 1,
    });
  });

  it('counts the certificates of a bundle and describes the first', async () => {
    expect(await inspectCert(at('bundle.pem'))).toMatchObject({
      kind: 'certificate',
      subject: 'O=Example Corp, CN=Example Root CA',
      count: 2,
    });
  });

  it('gives the end date of an expired certificate (the field says it expired)', async () => {
    const info = await inspectCert(at('old.pem'));
    expect(info).toMatchObject({ kind: 'certificate', notAfter: Date.UTC(2021, 0, 1) });
  });

  it('reads a DER certificate', async () => {
    expect(await inspectCert(at('client.der'))).toMatchObject({
      kind: 'certificate',
      subject: 'CN=client.example.com',
      count: 1,
    });
  });

  it('tells plain and encrypted private keys, PKCS#12, CRLs and static keys apart', async () => {
    expect(await inspectCert(at('client.key'))).toEqual({ kind: 'private-key', encrypted: false });
    expect(await inspectCert(at('enc.key'))).toEqual({ kind: 'private-key', encrypted: true });
    expect(await inspectCert(at('client.p12'))).toEqual({ kind: 'pkcs12' });
    expect(await inspectCert(at('crl.pem'))).toEqual({ kind: 'crl' });
    expect(await inspectCert(at('ta.key'))).toEqual({ kind: 'static-key' });
  });

  it('says why a file cannot be shown, without its contents', async () => {
    const missing = await inspectCert(at('nope.pem'));
    expect(missing).toEqual({
      kind: 'unreadable',
      sentence: 'There is no file at this path; check it or choose the file.',
    });
    const text = await inspectCert(at('notes.txt'));
    expect(text.kind).toBe('unreadable');
    expect(JSON.stringify(text)).not.toContain('vpn.example.com');
    expect(await inspectCert(dir)).toEqual({
      kind: 'unreadable',
      sentence: 'This is a folder; choose a file.',
    });
    expect(await inspectCert('certs/ca.pem')).toEqual({
      kind: 'unreadable',
      sentence: 'Give the file’s full path, starting with /.',
    });
  });

  it('reads no more than the size cap', async () => {
    writeFileSync(at('huge.pem'), Buffer.alloc(MAX_CERT_BYTES + 10, 0x41));
    expect(await inspectCert(at('huge.pem'))).toMatchObject({ kind: 'unreadable' });
  });
});

describe('storeCert', () => {
  it('keeps the file under ~/.cert/nm-openvpn/, mode 0600, and answers what it holds', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tunnelbar-home-'));
    try {
      const bytes = readFileSync(at('ca.pem'));
      const first = await storeCert(home, '../../My CA (2024).pem', bytes.toString('base64'));
      const second = await storeCert(home, 'My CA (2024).pem', bytes.toString('base64'));
      const folder = join(home, '.cert', 'nm-openvpn');
      expect(first.path.startsWith(`${folder}/`)).toBe(true);
      expect(first.path).toMatch(/\/[0-9a-f]{12}-My_CA_2024_.pem$/);
      // The same name twice: two files, neither overwritten.
      expect(second.path).not.toBe(first.path);
      expect(readdirSync(folder)).toHaveLength(2);
      expect(readFileSync(first.path)).toEqual(bytes);
      expect(statSync(first.path).mode & 0o777).toBe(0o600);
      expect(first.info).toMatchObject({
        kind: 'certificate',
        subject: 'O=Example Corp, CN=Example Root CA',
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('refuses an empty or oversized file and writes nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'tunnelbar-home-'));
    try {
      await expect(storeCert(home, 'empty.pem', '')).rejects.toThrow(/is empty/);
      const big = Buffer.alloc(MAX_CERT_BYTES + 1).toString('base64');
      await expect(storeCert(home, 'big.pem', big)).rejects.toBeInstanceOf(TunnelbarError);
      await expect(storeCert(home, 'x.pem', 'not base64!')).rejects.toThrow(/choose it again/);
      expect(() => readdirSync(join(home, '.cert', 'nm-openvpn'))).toThrow();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('names files with safe characters only', () => {
    expect(sanitizedCertName('..\\evil/..hidden.key')).toBe('hidden.key');
    expect(sanitizedCertName('///')).toBe('file');
    expect(sanitizedCertName('a'.repeat(300))).toHaveLength(100);
  });
});
