import { describe, expect, it } from 'vitest';
import { selectionChange, userNameKey } from '../../../main/editor/selection-change';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { v } from '../../builders/variant';

function pluginSettings(plugin: string, data: Record<string, string>): SettingsDict {
  return {
    connection: { id: v('s', 'office'), uuid: v('s', 'u-1'), type: v('s', 'vpn') },
    vpn: {
      'service-type': v('s', `org.freedesktop.NetworkManager.${plugin}`),
      data: v('a{ss}', data),
      'x-future': v('s', 'kept'),
    },
    ipv4: { method: v('s', 'auto'), 'dns-search': v('as', ['corp']) },
    ipv6: { method: v('s', 'auto') },
  };
}

function wireguardSettings(): SettingsDict {
  return {
    connection: { id: v('s', 'wg'), uuid: v('s', 'u-2'), type: v('s', 'wireguard') },
    wireguard: { 'listen-port': v('u', 51820) },
    ipv4: { method: v('s', 'manual') },
  };
}

function updated(change: ReturnType<typeof selectionChange>): SettingsDict {
  if (change.kind !== 'update') throw new Error(`expected an update, got ${change.kind}`);
  return change.settings;
}

describe('the user-name key of each plugin', () => {
  it.each([
    ['openvpn', 'username'],
    ['vpnc', 'Xauth username'],
    ['l2tp', 'user'],
    ['pptp', 'user'],
    ['strongswan', 'user'],
    ['fortisslvpn', 'user'],
    ['sstp', 'user'],
  ])('%s keeps it in vpn.data “%s”', (plugin, key) => {
    expect(userNameKey(plugin)).toEqual({ key });
  });

  it('refuses WireGuard, OpenConnect and unknown plugins with a sentence saying why', () => {
    expect(userNameKey('wireguard')).toEqual({ refused: expect.stringMatching(/keys/) as string });
    expect(userNameKey('openconnect')).toEqual({
      refused: expect.stringMatching(/login form/) as string,
    });
    expect(userNameKey('iodine')).toEqual({
      refused: expect.stringMatching(/does not know where the iodine plugin/) as string,
    });
  });
});

describe('what a selection action changes in one profile', () => {
  it('sets the OpenVPN user name and keeps every other key and setting', () => {
    const before = pluginSettings('openvpn', { remote: 'gw', 'password-flags': '0' });
    const after = updated(selectionChange(before, { kind: 'set-username', username: 'jdoe' }));
    expect(after.vpn?.data?.value).toEqual({
      remote: 'gw',
      'password-flags': '0',
      username: 'jdoe',
    });
    expect(after.vpn?.data?.signature).toBe('a{ss}');
    expect(after.vpn?.['x-future']?.value).toBe('kept');
    expect(after.ipv4).toBe(before.ipv4);
    expect(after.connection).toBe(before.connection);
    // The input is not modified.
    expect(before.vpn?.data?.value).toEqual({ remote: 'gw', 'password-flags': '0' });
  });

  it('uses the plugin’s own key (vpnc) and removes it for an empty name', () => {
    const before = pluginSettings('vpnc', { 'Xauth username': 'old', 'IPSec gateway': 'gw' });
    const set = updated(selectionChange(before, { kind: 'set-username', username: 'new' }));
    expect(set.vpn?.data?.value).toEqual({ 'Xauth username': 'new', 'IPSec gateway': 'gw' });
    const removed = updated(selectionChange(before, { kind: 'set-username', username: ' ' }));
    expect(removed.vpn?.data?.value).toEqual({ 'IPSec gateway': 'gw' });
  });

  it('sends nothing when the value is already there', () => {
    const openvpn = pluginSettings('openvpn', { username: 'jdoe' });
    expect(selectionChange(openvpn, { kind: 'set-username', username: 'jdoe' })).toEqual({
      kind: 'unchanged',
    });
    const noName = pluginSettings('openvpn', { remote: 'gw' });
    expect(selectionChange(noName, { kind: 'set-username', username: '' }).kind).toBe('unchanged');
    // Missing keys mean NetworkManager's defaults: never-default false, autoconnect true.
    expect(selectionChange(openvpn, { kind: 'never-default', on: false }).kind).toBe('unchanged');
    expect(selectionChange(openvpn, { kind: 'autoconnect', on: true }).kind).toBe('unchanged');
  });

  it('refuses a user name for WireGuard', () => {
    const change = selectionChange(wireguardSettings(), { kind: 'set-username', username: 'x' });
    expect(change.kind).toBe('refused');
  });

  it('sets never-default on IPv4 and IPv6, only where it differs', () => {
    const before = pluginSettings('openvpn', {});
    before.ipv6 = { method: v('s', 'auto'), 'never-default': v('b', true) };
    const after = updated(selectionChange(before, { kind: 'never-default', on: true }));
    expect(after.ipv4?.['never-default']?.value).toBe(true);
    expect(after.ipv4?.['dns-search']?.value).toEqual(['corp']);
    expect(after.ipv6).toBe(before.ipv6);
    expect(after.vpn).toBe(before.vpn);
    const wg = updated(selectionChange(wireguardSettings(), { kind: 'never-default', on: true }));
    expect(wg.ipv4?.['never-default']?.value).toBe(true);
    expect(wg.ipv6?.['never-default']?.value).toBe(true);
  });

  it('turns autoconnect off and leaves the rest of connection as it was', () => {
    const before = pluginSettings('openvpn', {});
    const after = updated(selectionChange(before, { kind: 'autoconnect', on: false }));
    expect(after.connection?.autoconnect?.value).toBe(false);
    expect(after.connection?.autoconnect?.signature).toBe('b');
    expect(after.connection?.id).toBe(before.connection?.id);
    expect(after.vpn).toBe(before.vpn);
  });
});
