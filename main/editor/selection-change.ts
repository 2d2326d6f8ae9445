// What one selection action changes in one profile's settings (GetSettings' answer, no secrets): only
// the keys the action names, everything else sent back as it was. Pure, so each rule is tested
// without a bus.

import { Variant } from 'dbus-next';
import type { SelectionAction } from '../../preload/library';
import { boolProp, stringMapProp, type SettingsDict } from '../nm/dbus-types';
import { profileFromSettings } from '../nm/profile';
import { editorStrings as s } from './editor-strings';

/**
 * The vpn.data key that holds the user name, per plugin (their nm-service-defines.h). OpenConnect
 * is absent on purpose: it has no such key, the server's login form asks for the name.
 */
const USER_NAME_KEYS: Readonly<Record<string, string>> = {
  openvpn: 'username',
  vpnc: 'Xauth username',
  l2tp: 'user',
  pptp: 'user',
  strongswan: 'user',
  fortisslvpn: 'user',
  sstp: 'user',
};

/** Why a type of profile has no user name to set, for the ones where we know why. */
function noUserName(vpnType: string): string | undefined {
  if (vpnType === 'wireguard') return s.selection.noUserNameWireGuard;
  if (vpnType === 'openconnect') return s.selection.noUserNameOpenConnect;
  return undefined;
}

export type UserNameKey = { key: string } | { refused: string };

/** The user-name key of a profile of this type (`openvpn`, `wireguard`, a plugin's short name). */
export function userNameKey(vpnType: string): UserNameKey {
  const key = USER_NAME_KEYS[vpnType];
  if (key !== undefined) return { key };
  return {
    refused: noUserName(vpnType) ?? s.selection.unknownUserName(vpnType),
  };
}

/** The profile type as the model names it: `wireguard` or the plugin's short name. */
function vpnTypeOf(settings: SettingsDict): string {
  return profileFromSettings('', settings)?.vpnType ?? '';
}

export type SelectionChange =
  | { kind: 'unchanged' }
  | { kind: 'update'; settings: SettingsDict }
  | { kind: 'refused'; sentence: string };

function setUserName(settings: SettingsDict, username: string): SelectionChange {
  const found = userNameKey(vpnTypeOf(settings));
  if ('refused' in found) return { kind: 'refused', sentence: found.refused };
  const data = stringMapProp(settings.vpn, 'data');
  const value = username.trim();
  if (value === '' ? !(found.key in data) : data[found.key] === value) return { kind: 'unchanged' };
  if (value === '') Reflect.deleteProperty(data, found.key);
  else data[found.key] = value;
  return {
    kind: 'update',
    settings: { ...settings, vpn: { ...settings.vpn, data: new Variant('a{ss}', data) } },
  };
}

function setNeverDefault(settings: SettingsDict, on: boolean): SelectionChange {
  // NetworkManager's default for a missing key is false.
  const families = ['ipv4', 'ipv6'] as const;
  const stale = families.filter((f) => (boolProp(settings[f], 'never-default') ?? false) !== on);
  if (stale.length === 0) return { kind: 'unchanged' };
  const out: SettingsDict = { ...settings };
  for (const family of stale) {
    out[family] = { ...settings[family], 'never-default': new Variant('b', on) };
  }
  return { kind: 'update', settings: out };
}

function setAutoconnect(settings: SettingsDict, on: boolean): SelectionChange {
  // A missing connection.autoconnect means yes.
  if ((boolProp(settings.connection, 'autoconnect') ?? true) === on) return { kind: 'unchanged' };
  return {
    kind: 'update',
    settings: {
      ...settings,
      connection: { ...settings.connection, autoconnect: new Variant('b', on) },
    },
  };
}

/** The settings to send with Update2 for a non-delete action, or why there is nothing to send. */
export function selectionChange(
  settings: SettingsDict,
  action: Exclude<SelectionAction, { kind: 'delete' }>,
): SelectionChange {
  switch (action.kind) {
    case 'set-username':
      return setUserName(settings, action.username);
    case 'never-default':
      return setNeverDefault(settings, action.on);
    case 'autoconnect':
      return setAutoconnect(settings, action.on);
  }
}
