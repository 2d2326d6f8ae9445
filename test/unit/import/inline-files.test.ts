import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  inlineFilePath,
  removeFiles,
  withInlinePaths,
  writeInlineFiles,
} from '../../../main/import/inline-files';
import type { InlineFile } from '../../../main/vpn/result';
import { ovpn } from '../../fixtures/corpus';

const UUID = '0b0c6f06-7e57-4a6b-9d7e-2f8f2b7a9c11';
let home = '';

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'tunnelbar-inline-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const files: InlineFile[] = [
  { tag: 'ca', dataKeys: ['ca'], content: Buffer.from('CA\n'), line: 3 },
  { tag: 'tls-crypt', dataKeys: ['tls-crypt'], content: Buffer.from([0, 1, 2, 255]), line: 9 },
];

describe('inlineFilePath', () => {
  it('names the file after the profile UUID and the block, with .pem', () => {
    expect(inlineFilePath('/home/u', UUID, 'pkcs12')).toBe(
      `/home/u/.cert/nm-openvpn/${UUID}-pkcs12.pem`,
    );
  });
});

describe('writeInlineFiles', () => {
  it('writes each block with mode 0600 and returns the paths in order', () => {
    const paths = writeInlineFiles(files, home, UUID);
    expect(paths).toEqual([
      inlineFilePath(home, UUID, 'ca'),
      inlineFilePath(home, UUID, 'tls-crypt'),
    ]);
    expect(readFileSync(paths[0] ?? '')).toEqual(Buffer.from('CA\n'));
    expect(readFileSync(paths[1] ?? '')).toEqual(Buffer.from([0, 1, 2, 255]));
    for (const p of paths) expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.cert/nm-openvpn')).isDirectory()).toBe(true);
  });

  it('writes nothing and creates no folder when there are no blocks', () => {
    expect(writeInlineFiles([], home, UUID)).toEqual([]);
    expect(existsSync(join(home, '.cert'))).toBe(false);
  });

  it('never overwrites an existing file, and removes what it wrote before failing', () => {
    mkdirSync(join(home, '.cert/nm-openvpn'), { recursive: true });
    writeFileSync(inlineFilePath(home, UUID, 'tls-crypt'), 'someone else');
    expect(() => writeInlineFiles(files, home, UUID)).toThrow(/EEXIST/);
    expect(existsSync(inlineFilePath(home, UUID, 'ca'))).toBe(false);
    expect(readFileSync(inlineFilePath(home, UUID, 'tls-crypt'), 'utf8')).toBe('someone else');
  });

  it('keeps two profiles imported from files of the same name apart', () => {
    const a = writeInlineFiles(files.slice(0, 1), home, 'uuid-a');
    const b = writeInlineFiles(files.slice(0, 1), home, 'uuid-b');
    expect(a[0]).not.toBe(b[0]);
  });
});

describe('removeFiles', () => {
  it('removes the files and ignores the ones already gone', () => {
    const paths = writeInlineFiles(files, home, UUID);
    removeFiles([...paths, join(home, 'never-existed')]);
    for (const p of paths) expect(existsSync(p)).toBe(false);
  });
});

describe('withInlinePaths', () => {
  it('fills the keys each block stands for, <pkcs12> filling ca, cert and key', () => {
    const r = ovpn(
      'client\nremote x\n<pkcs12>\nMAA=\n</pkcs12>\n<tls-auth>\nK\n</tls-auth>\nkey-direction 1\n',
    );
    if (!r.ok || !('vpn' in r.profile)) throw new Error('import failed');
    expect(r.inlineFiles.map((f) => [f.tag, f.dataKeys, f.line])).toEqual([
      ['pkcs12', ['ca', 'cert', 'key'], 3],
      ['tls-auth', ['ta'], 6],
    ]);
    expect(r.profile.vpn.data.ca).toBeUndefined();
    const paths = writeInlineFiles(r.inlineFiles, home, UUID);
    const p = withInlinePaths(r.profile, r.inlineFiles, paths);
    expect(p.vpn.data).toMatchObject({
      ca: paths[0],
      cert: paths[0],
      key: paths[0],
      ta: paths[1],
      'ta-dir': '1',
    });
    expect(r.profile.vpn.data.ta).toBeUndefined(); // the input is not changed
  });

  it('escapes a backslash in the home folder the way the plugin stores paths', () => {
    const r = ovpn('client\nremote x\n<ca>\nC\n</ca>\n');
    if (!r.ok || !('vpn' in r.profile)) throw new Error('import failed');
    const p = withInlinePaths(r.profile, r.inlineFiles, ['/home/a\\b/ca.pem']);
    expect(p.vpn.data.ca).toBe('/home/a\\\\b/ca.pem');
  });

  it('drops blocks whose key a later line replaced, and keeps the last of two blocks', () => {
    const r = ovpn(
      'client\nremote x\n<ca>\nOLD\n</ca>\n<ca>\nNEW\n</ca>\n<cert>\nC\n</cert>\ncert client.crt\nkey client.key\n',
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.inlineFiles.map((f) => [f.tag, f.content.toString()])).toEqual([['ca', 'NEW\n']]);
  });
});
