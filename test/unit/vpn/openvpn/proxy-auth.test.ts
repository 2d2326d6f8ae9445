// `http-proxy host port FILE`: the auth file is read only from the .ovpn's own folder, never
// through a symbolic link; anything else is a warning naming the line and nothing from it is used.
// A file that is read gives the user name to vpn.data and the password to the secrets only.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOvpn } from '../../../../main/vpn/openvpn/parse';
import type { OpenVpnProfile } from '../../../../main/vpn/profile';
import { readReferencedFile } from '../../../../main/import/read-bounded';
import type { ImportResult } from '../../../../main/vpn/result';
import { toSettingsDict } from '../../../../main/vpn/settings-dict';

let root = '';
let dir = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tunnelbar-proxy-auth-'));
  dir = join(root, 'provider');
  mkdirSync(dir);
  writeFileSync(join(root, 'outside.txt'), 'outside-user\noutside-pass\n');
  writeFileSync(join(dir, 'auth.txt'), 'proxy-user\nproxy-pass\n');
  writeFileSync(join(dir, 'ca.crt'), 'not checked here\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function parse(authArg: string): ImportResult<OpenVpnProfile> {
  const text = `client\nremote vpn.example.com 443 tcp\nca ca.crt\nhttp-proxy proxy.example.com 3128 ${authArg}\n`;
  return parseOvpn(text, { fileName: join(dir, 'work.ovpn'), readFile: readReferencedFile });
}

function ok(r: ImportResult<OpenVpnProfile>): OpenVpnProfile {
  if (!r.ok) throw new Error(r.error.message);
  return r.profile;
}

describe('http-proxy auth file', () => {
  it('beside the .ovpn: user name in vpn.data, password only in the secrets', () => {
    const r = parse('auth.txt');
    const profile = ok(r);
    expect(r.ok && r.warnings).toEqual([]); // read: nothing to say
    expect(profile.vpn.data['http-proxy-username']).toBe('proxy-user');
    expect(profile.vpn.data['http-proxy-password-flags']).toBe('1');
    expect(profile.vpn.secrets).toEqual({ 'http-proxy-password': 'proxy-pass' });
    // As sent to NetworkManager: the password is a secret, never a vpn.data item.
    const dict = toSettingsDict(profile, '11111111-2222-4333-8444-555555555555');
    const data = dict.vpn?.data?.value as Record<string, string>;
    expect(Object.values(data)).not.toContain('proxy-pass');
    expect(dict.vpn?.secrets?.value).toEqual({ 'http-proxy-password': 'proxy-pass' });
  });

  it('given by its absolute path in the same folder is read too', () => {
    expect(ok(parse(join(dir, 'auth.txt'))).vpn.data['http-proxy-username']).toBe('proxy-user');
  });

  it.each([
    ['../outside.txt', 'a parent folder'],
    ['ABSOLUTE', 'an absolute path elsewhere'],
    ['sub/auth.txt', 'a subfolder'],
    ['./../provider/../outside.txt', 'a path that wanders out'],
  ])('%s (%s) is not read: a warning names the line, nothing is used', (arg) => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'auth.txt'), 'sub-user\nsub-pass\n');
    const given = arg === 'ABSOLUTE' ? join(root, 'outside.txt') : arg;
    const r = parse(given);
    const profile = ok(r);
    expect(profile.vpn.data['http-proxy-username']).toBeUndefined();
    expect(profile.vpn.data['http-proxy-password-flags']).toBeUndefined();
    expect(profile.vpn.secrets).toEqual({});
    expect(profile.vpn.data['proxy-server']).toBe('proxy.example.com');
    expect(r.ok && r.warnings).toContainEqual({
      line: 4,
      directive: 'http-proxy',
      message: `the proxy authentication file "${given}" is not read: it is not in the folder of this file, so the proxy user name and password are not imported`,
    });
  });

  it('a symbolic link beside the .ovpn is not followed', () => {
    symlinkSync(join(root, 'outside.txt'), join(dir, 'link.txt'));
    const r = parse('link.txt');
    const profile = ok(r);
    expect(profile.vpn.data['http-proxy-username']).toBeUndefined();
    expect(profile.vpn.secrets).toEqual({});
    expect(r.ok && r.warnings).toContainEqual({
      line: 4,
      directive: 'http-proxy',
      message: `the proxy authentication file "link.txt" is not read: it is a symbolic link, so the proxy user name and password are not imported`,
    });
  });
});
