// The OpenVPN parser's own rules, beside the directives': the connection name of a file without an
// extension, the folder of a file named by a relative path, where a run of unshown lines starts and
// ends, the exact warnings (no `harmless` key unless harmless) and their order, and a referenced
// file that may not be used. Found untested by mutation testing (issue #18).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idFromFileName, parseOvpn } from '../../../../main/vpn/openvpn/parse';
import { importErrorStrings } from '../../../../main/vpn/import-errors-strings';
import { readReferencedFile } from '../../../../main/import/read-bounded';
import type { ImportNote, ReadFile } from '../../../../main/vpn/result';
import { ovpn } from '../../../fixtures/corpus';

const BASE = 'client\nremote vpn.example.com\nca ca.crt\n';

function warnings(text: string): ImportNote[] {
  const r = ovpn(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.warnings;
}

const ENCRYPTED_KEY = '<key>\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n</key>\n';

describe('the connection name and the folder', () => {
  it('keeps the whole name of a file without an extension', () => {
    expect(idFromFileName('/home/me/work')).toBe('work');
    expect(idFromFileName('work.conf.ovpn')).toBe('work.conf');
    const r = ovpn(BASE, 'office');
    expect(r.ok && r.profile.connection.id).toBe('office');
  });

  describe('a file named by a relative path, without a folder given', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });
    const caOf = (fileName: string): string | undefined => {
      const refuse: ReadFile = () => {
        throw new Error('no such file');
      };
      const r = parseOvpn(BASE, { fileName, readFile: refuse });
      return r.ok && 'vpn' in r.profile ? r.profile.vpn.data.ca : undefined;
    };

    it('resolves paths against the current folder, as the plugin does', () => {
      expect(caOf('sub/work.ovpn')).toBe(`${process.cwd()}/sub/ca.crt`);
      expect(caOf('/etc/openvpn/work.ovpn')).toBe('/etc/openvpn/ca.crt');
    });

    it('does not double the slash when the current folder is the root', () => {
      vi.spyOn(process, 'cwd').mockReturnValue('/');
      expect(caOf('sub/work.ovpn')).toBe('/sub/ca.crt');
    });
  });
});

describe('the warnings', () => {
  it('are exact, with a harmless key only on harmless ones', () => {
    expect(warnings(`${BASE}auth-user-pass creds.txt\nnobind\n`)).toStrictEqual([
      {
        line: 4,
        directive: 'auth-user-pass',
        message:
          'the credentials file "creds.txt" is not imported: NetworkManager asks for the user name and password',
      },
      expect.objectContaining({ line: 5, directive: 'nobind', harmless: true }),
    ]);
    expect(warnings(`${BASE}auth-user-pass\n`)).toEqual([]);
  });

  it('name a dropped directive on the second line of the file', () => {
    expect(warnings('client\npersist-key\nremote x\nca ca.crt\n')).toEqual([
      expect.objectContaining({ line: 2, directive: 'persist-key' }),
    ]);
  });

  it('name a dropped directive after a pasted key that ended on the first line', () => {
    expect(
      warnings('-----END PRIVATE KEY-----\npersist-key\nclient\nremote x\nca ca.crt\n'),
    ).toEqual([
      { line: 1, directive: '(not shown)', message: importErrorStrings.ignored.unshown },
      expect.objectContaining({ line: 2, directive: 'persist-key' }),
    ]);
  });

  it('say exactly why an encrypted inline key gets no cert-pass-flags, and only for <key>', () => {
    const w = warnings(`client\nremote x\nca ca.crt\ncert client.crt\n${ENCRYPTED_KEY}`);
    expect(w).toStrictEqual([
      {
        line: 5,
        directive: '<key>',
        message:
          'the inline private key is encrypted; as with nmcli, cert-pass-flags is left unset, ' +
          'so the key password is asked for and saved by NetworkManager when connecting',
      },
    ]);
    // The same text in another block is not a key.
    const tlsCrypt = '<tls-crypt>\n-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n</tls-crypt>\n';
    expect(warnings(`${BASE}${tlsCrypt}`)).toEqual([]);
  });

  it('come in the order of their lines, the encrypted key’s among the others', () => {
    const w = warnings(
      `client\nremote x\nverb 3\n${ENCRYPTED_KEY}ca ca.crt\ncert client.crt\npersist-key\nmute 2\n`,
    );
    expect(w.map((x) => [x.line, x.directive])).toEqual([
      [3, 'verb'],
      [4, '<key>'],
      [10, 'persist-key'],
      [11, 'mute'],
    ]);
  });
});

describe('a referenced file that may not be used', () => {
  it('rejects a folder named as the ca, at its line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tb-ovpn-ca-'));
    try {
      const r = ovpn(`client\nremote x\nca ${folder}\n`, 'test.ovpn', readReferencedFile);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.line).toBe(3);
      expect(r.error.message).toMatch(/^the file named by "ca" cannot be used: /);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
