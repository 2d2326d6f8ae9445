import { describe, expect, it } from 'vitest';
import {
  asStored,
  canonicalJson,
  fileHashes,
  secretsCovered,
  secretsOf,
  sha256,
  skeletonOf,
} from '../../../main/import/dedupe';
import { withInlinePaths } from '../../../main/import/inline-files';
import type { ImportedProfile, OpenVpnProfile } from '../../../main/vpn/profile';
import { fromSettingsDict } from '../../../main/vpn/settings-dict-read';
import { toSettingsDict } from '../../../main/vpn/settings-dict';
import { manifest, ovpn, parseEntry } from '../../fixtures/corpus';

const UUID = '1f0a3c5e-2222-4333-8444-955566667777';

function openvpn(data: Record<string, string>, id = 'work'): OpenVpnProfile {
  return {
    connection: { id, type: 'vpn' },
    vpn: { 'service-type': 'org.freedesktop.NetworkManager.openvpn', data, secrets: {} },
    ipv4: { method: 'auto' },
    ipv6: { method: 'auto' },
  };
}

describe('canonicalJson', () => {
  it('sorts keys and drops absent values and empty lists', () => {
    expect(canonicalJson({ b: 1, a: { d: [], c: undefined, e: [2, { z: 1, y: 2 }] } })).toBe(
      '{"a":{"e":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('skeletonOf', () => {
  const base = { remote: 'vpn.example.com:1194:udp', ca: '/a/ca.crt', 'connection-type': 'tls' };

  it('ignores the name, secrets and the paths of files', () => {
    const a = openvpn(base, 'work');
    const b = openvpn({ ...base, ca: '/elsewhere/other-name.pem' }, 'work (1)');
    b.vpn.secrets = { 'http-proxy-password': 'x' };
    expect(skeletonOf(a)).toBe(skeletonOf(b));
  });

  it('sees any other difference', () => {
    const a = openvpn(base);
    expect(skeletonOf(a)).not.toBe(skeletonOf(openvpn({ ...base, remote: 'other:1194:udp' })));
    expect(skeletonOf(a)).not.toBe(skeletonOf(openvpn({ ...base, cert: '/a/c.crt' })));
    expect(skeletonOf(a)).not.toBe(
      skeletonOf({ ...a, ipv4: { method: 'auto', dns: ['1.1.1.1'] } }),
    );
  });

  it('gives a parsed corpus file and its profile read back from D-Bus the same skeleton', () => {
    for (const entry of manifest.filter((e) => e.expect !== 'error')) {
      const r = parseEntry(entry);
      if (!r.ok) throw new Error(entry.file);
      const paths = r.inlineFiles.map((f) => `/home/u/.cert/nm-openvpn/${UUID}-${f.tag}.pem`);
      const written: ImportedProfile =
        'vpn' in r.profile ? withInlinePaths(r.profile, r.inlineFiles, paths) : r.profile;
      const back = fromSettingsDict(toSettingsDict(written, UUID));
      if (back === null) throw new Error(entry.file);
      expect(skeletonOf(back), entry.file).toBe(skeletonOf(asStored(r.profile, r.inlineFiles)));
    }
  });
});

describe('fileHashes', () => {
  it('hashes an inline block and a referenced file with the same bytes alike', () => {
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n');
    const inline = ovpn(`client\nremote a\n<ca>\n${ca.toString()}</ca>\n`);
    const referenced = ovpn('client\nremote a\nca /x/ca.crt\n', 'test.ovpn', () => ca);
    if (!inline.ok || !referenced.ok) throw new Error('parse');
    const readFile = (): Buffer => ca;
    expect(fileHashes(inline.profile, readFile, inline.inlineFiles)).toEqual({ ca: sha256(ca) });
    expect(fileHashes(referenced.profile, readFile)).toEqual({ ca: sha256(ca) });
  });

  it('marks a file it cannot read by its path', () => {
    const missing = (): Buffer => {
      throw new Error('ENOENT');
    };
    expect(fileHashes(openvpn({ ca: '/gone/ca.crt' }), missing)).toEqual({
      ca: 'unreadable:/gone/ca.crt',
    });
  });
});

describe('secretsOf', () => {
  it('keeps only the secrets NetworkManager stores (not agent-owned, not "not saved")', () => {
    const p = openvpn({ 'http-proxy-password-flags': '1' });
    p.vpn.secrets = { 'http-proxy-password': 'agent-owned' };
    expect(secretsOf(p)).toEqual({});
    p.vpn.data['http-proxy-password-flags'] = '0';
    expect(secretsOf(p)).toEqual({ 'vpn.http-proxy-password': 'agent-owned' });
  });

  it('flattens WireGuard keys by peer', () => {
    const wg: ImportedProfile = {
      connection: { id: 'wg0', type: 'wireguard', 'interface-name': 'wg0' },
      wireguard: {
        'private-key': 'PRIV',
        peers: [
          { 'public-key': 'P1', 'preshared-key': 'PSK1' },
          { 'public-key': 'P2', 'preshared-key': 'PSK2', 'preshared-key-flags': 2 },
        ],
      },
      ipv4: { method: 'disabled' },
      ipv6: { method: 'disabled' },
    };
    expect(secretsOf(wg)).toEqual({ 'wireguard.private-key': 'PRIV', 'peer.P1': 'PSK1' });
  });

  it('counts a profile as covering a file when it holds each of the file secrets', () => {
    expect(secretsCovered({ a: '1' }, { a: '1', b: '2' })).toBe(true);
    expect(secretsCovered({ a: '1' }, { a: '2' })).toBe(false);
    expect(secretsCovered({}, {})).toBe(true);
  });
});
