import { describe, expect, it } from 'vitest';
import {
  journalArgs,
  journalDiagnostics,
  pickLines,
  pluginIdentifiers,
  type Runner,
} from '../../../main/desktop/diagnostics';
import type { Profile } from '../../../main/nm/profile';

const profile: Profile = {
  path: '/org/freedesktop/NetworkManager/Settings/3',
  uuid: '0f9d3f52-7d5e-4c57-9a3b-2b7c0d1e4f11',
  id: 'Office',
  vpnType: 'openvpn',
  serviceType: 'org.freedesktop.NetworkManager.openvpn',
  data: {},
  settings: {},
};

const journal = [
  '2024-05-01T10:00:00+0200 host NetworkManager[812]: <info>  [1714550400.1] device (eth0): carrier on',
  `2024-05-01T10:00:01+0200 host NetworkManager[812]: <info>  [1714550401.2] vpn[0x5581,${profile.uuid},"Office"]: starting openvpn`,
  '2024-05-01T10:00:01+0200 host NetworkManager[812]: <info>  [1714550401.3] vpn[0x5599,1111-2222,"Home"]: starting openvpn',
  '2024-05-01T10:00:02+0200 host nm-openvpn[4242]: TLS Error: TLS handshake failed',
  '2024-05-01T10:00:03+0200 host NetworkManager[812]: <warn>  [1714550403.0] vpn[0x5581,x,"Office"]: failed',
  '',
].join('\n');

describe('journal diagnostics', () => {
  it('asks journald for NetworkManager and the plugin of the profile’s type', () => {
    expect(journalArgs('openvpn')).toEqual([
      '--no-pager',
      '--quiet',
      '--output=short-iso',
      '-n',
      '400',
      '-t',
      'NetworkManager',
      '-t',
      'nm-openvpn',
      '-t',
      'nm-openvpn-service',
    ]);
    expect(pluginIdentifiers('wireguard')).toEqual([]);
    expect(pluginIdentifiers('frobvpn')).toEqual(['nm-frobvpn', 'nm-frobvpn-service']);
  });

  it('keeps the plugin’s lines and NetworkManager’s about this profile only', () => {
    expect(pickLines(journal, profile)).toEqual([
      journal.split('\n')[1],
      journal.split('\n')[3],
      journal.split('\n')[4],
    ]);
    expect(pickLines(journal, profile, 1)).toEqual([journal.split('\n')[4]]);
  });

  it('runs journalctl through the runner, and has nothing to say without it', async () => {
    const calls: [string, readonly string[]][] = [];
    const run: Runner = (file, args) => {
      calls.push([file, args]);
      return Promise.resolve({ ok: true, stdout: journal });
    };
    expect(await journalDiagnostics(run)(profile)).toHaveLength(3);
    expect(calls).toEqual([['journalctl', journalArgs('openvpn')]]);
    const missing: Runner = () => Promise.resolve({ ok: false, missing: true });
    expect(await journalDiagnostics(missing)(profile)).toEqual([]);
    const refused: Runner = () => Promise.resolve({ ok: false, missing: false });
    expect(await journalDiagnostics(refused)(profile)).toEqual([]);
  });
});
