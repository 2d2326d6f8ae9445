import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { applyEdit, editFromSettings } from '../../../main/editor/apply';
import { allUsersOf, applyAllUsers } from '../../../main/editor/permissions';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { v } from '../../builders/variant';

function vpn(permissions?: string[]): SettingsDict {
  const connection: SettingsDict[string] = {
    id: v('s', 'office'),
    uuid: v('s', '5b0a0c1e-0000-4000-8000-000000000001'),
    type: v('s', 'vpn'),
  };
  if (permissions !== undefined) connection.permissions = v('as', permissions);
  return {
    connection,
    vpn: {
      'service-type': v('s', 'org.freedesktop.NetworkManager.openvpn'),
      data: v('a{ss}', { remote: 'gw', 'connection-type': 'password' }),
    },
    ipv4: { method: v('s', 'auto') },
    ipv6: { method: v('s', 'auto') },
  };
}

describe('“Available to all users” ↔ connection.permissions', () => {
  it('is on for a missing or empty list and off for a list of users', () => {
    expect(allUsersOf(vpn().connection)).toBe(true);
    expect(allUsersOf(vpn([]).connection)).toBe(true);
    expect(allUsersOf(vpn(['user:alice:']).connection)).toBe(false);
    expect(editFromSettings(vpn(['user:alice:', 'user:bob:'])).allUsers).toBe(false);
  });

  it('turned off, makes the profile the user’s own', () => {
    const settings = vpn();
    const base = editFromSettings(settings);
    const out = applyEdit(settings, base, { ...base, allUsers: false });
    expect(out.connection?.permissions?.signature).toBe('as');
    expect(out.connection?.permissions?.value).toEqual([`user:${userInfo().username}:`]);
  });

  it('turned on, empties a list naming other users', () => {
    const settings = vpn(['user:alice:', 'user:bob:']);
    const base = editFromSettings(settings);
    const out = applyEdit(settings, base, { ...base, allUsers: true });
    expect(out.connection?.permissions?.value).toEqual([]);
  });

  it('left as it was, keeps the stored list exactly, other users included', () => {
    const settings = vpn(['user:alice:', 'user:bob:']);
    const base = editFromSettings(settings);
    const out = applyEdit(settings, base, { ...base, name: 'office 2' });
    expect(out.connection?.permissions).toBe(settings.connection?.permissions);
    expect(out.connection?.id?.value).toBe('office 2');
    // …and a profile for everyone gets no permissions key at all.
    const open = vpn();
    const openBase = editFromSettings(open);
    expect(applyEdit(open, openBase, openBase).connection).not.toHaveProperty('permissions');
  });

  it('names the user it is given, and returns the same map when nothing changed', () => {
    const connection = { id: v('s', 'x') };
    expect(applyAllUsers(connection, true, false, 'carol').permissions?.value).toEqual([
      'user:carol:',
    ]);
    expect(applyAllUsers(connection, false, false, 'carol')).toBe(connection);
  });
});
