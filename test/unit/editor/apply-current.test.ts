// applyEdit writes the person's changes onto the settings NetworkManager has now: both IP pages,
// the DNS routing after them, and nothing of what another client changed meanwhile is lost.
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings, secretSettingToRead } from '../../../main/editor/apply';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import type { ProfileEdit } from '../../../preload/editor';
import { v } from '../../builders/variant';

function settings(): SettingsDict {
  return {
    connection: { id: v('s', 'office'), uuid: v('s', 'a1b2'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', { remote: 'gw.example.com', 'connection-type': 'password' }),
    },
    ipv4: { method: v('s', 'auto') },
    ipv6: { method: v('s', 'auto'), 'dns-data': v('as', []) },
  };
}

function opened(s: SettingsDict): { base: ProfileEdit; edit: ProfileEdit } {
  const base = editFromSettings(s);
  return { base, edit: structuredClone(base) };
}

describe('applying onto the current settings', () => {
  it('saves the IPv6 page', () => {
    const { base, edit } = opened(settings());
    edit.ipv6.addresses = ['fd00::2/64'];
    edit.ipv6.dns = ['fd00::53'];
    edit.ipv6.ignoreAutoDns = true;
    const out = applyEdit(settings(), base, edit);
    expect(out.ipv6).toEqual({
      method: v('s', 'auto'),
      'address-data': v('aa{sv}', [{ address: v('s', 'fd00::2'), prefix: v('u', 64) }]),
      'dns-data': v('as', ['fd00::53']),
      'ignore-auto-dns': v('b', true),
    });
    expect(out.ipv4).toEqual({ method: v('s', 'auto') });
  });

  it('keeps what another client changed after the editor opened', () => {
    const { base, edit } = opened(settings());
    const current = settings();
    current.ipv4 = { ...current.ipv4, 'dns-search': v('as', ['other.example']) };
    current.ipv6 = { ...current.ipv6, 'never-default': v('b', true) };
    current.connection = { ...current.connection, autoconnect: v('b', false) };
    edit.ipv4.method = 'manual';
    edit.ipv4.addresses = ['10.0.0.2/24'];
    edit.ipv6.method = 'ignore';
    const out = applyEdit(current, base, edit);
    expect(out.ipv4?.['dns-search']).toEqual(v('as', ['other.example']));
    expect(out.ipv4?.method).toEqual(v('s', 'manual'));
    expect(out.ipv6?.['never-default']).toEqual(v('b', true));
    expect(out.ipv6?.method).toEqual(v('s', 'ignore'));
    expect(out.connection?.autoconnect).toEqual(v('b', false));
  });

  it('sends every other setting back, and another client’s rename when the name was not edited', () => {
    const current = settings();
    current.proxy = { method: v('i', 0) };
    current.connection = { ...current.connection, id: v('s', 'renamed elsewhere') };
    const { base, edit } = opened(settings());
    edit.ipv4.method = 'manual';
    const out = applyEdit(current, base, edit);
    expect(out.proxy).toBe(current.proxy);
    expect(out.connection?.id).toEqual(v('s', 'renamed elsewhere'));
  });

  it('reads the connection’s own fields, with NetworkManager’s defaults', () => {
    const s = settings();
    s.connection = {
      type: v('s', 'vpn'),
      autoconnect: v('b', false),
      'autoconnect-retries': v('i', 4),
    };
    const e = editFromSettings(s);
    expect([e.name, e.autoconnect, e.autoconnectRetries]).toEqual(['', false, 4]);
    s.connection = { type: v('s', 'vpn'), autoconnect: v('s', 'no') };
    const d = editFromSettings(s);
    expect([d.autoconnect, d.autoconnectRetries]).toEqual([true, -1]);
  });

  it('writes name, autoconnect and retries only when changed', () => {
    const { base, edit } = opened(settings());
    edit.name = 'home';
    edit.autoconnect = false;
    edit.autoconnectRetries = 3;
    const out = applyEdit(settings(), base, edit);
    expect(out.connection?.id).toEqual(v('s', 'home'));
    expect(out.connection?.autoconnect).toEqual(v('b', false));
    expect(out.connection?.['autoconnect-retries']).toEqual(v('i', 3));
    const same = applyEdit(settings(), base, structuredClone(base));
    expect(same.connection?.autoconnect).toBeUndefined();
    expect(same.connection?.['autoconnect-retries']).toBeUndefined();
    expect(same).toEqual(settings());
  });

  it('refuses an empty name and a change of VPN type', () => {
    const { base, edit } = opened(settings());
    edit.name = '  ';
    expect(() => applyEdit(settings(), base, edit)).toThrow(TunnelbarError);
    expect(() => applyEdit(settings(), base, edit)).toThrow('A profile needs a name.');
    const wg = structuredClone(base);
    wg.vpn = editFromSettings({
      connection: { id: v('s', 'wg'), type: v('s', 'wireguard') },
      wireguard: {},
    }).vpn;
    expect(() => applyEdit(settings(), base, wg)).toThrow(
      'The VPN type of a profile cannot be changed; create a new profile instead.',
    );
    // And the other way round.
    const fromWg = structuredClone(wg);
    fromWg.vpn = base.vpn;
    expect(() => applyEdit(settings(), wg, fromWg)).toThrow(
      'The VPN type of a profile cannot be changed; create a new profile instead.',
    );
  });

  it('reads stored secrets only when a new one is sent', () => {
    const { base, edit } = opened(settings());
    expect(secretSettingToRead(base)).toBeNull();
    if (edit.vpn.kind === 'plugin') edit.vpn.newSecrets = { password: 'p' };
    expect(secretSettingToRead(edit)).toBe('vpn');
  });
});
