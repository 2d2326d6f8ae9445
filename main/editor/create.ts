// A new profile: the smallest settings dict NetworkManager takes for the type (reference §7.4,
// §8.1), onto which the editor's fields are applied as an edit of an empty profile.

import { Variant } from 'dbus-next';
import type { ProfileEdit } from '../../preload/editor';
import type { SettingsDict } from '../nm/dbus-types';
import { validInterfaceName } from '../vpn/wireguard/names';
import { applyEdit, editFromSettings } from './apply';

/** A kernel interface name from the profile's name (WireGuard needs one, at most 15 bytes). */
export function interfaceNameFor(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 15);
  return validInterfaceName(cleaned) ? cleaned : 'wg0';
}

function skeleton(edit: ProfileEdit, uuid: string): SettingsDict {
  const s = (v: string): Variant => new Variant('s', v);
  const dict: SettingsDict = {
    connection: {
      id: s(edit.name),
      uuid: s(uuid),
      type: s(edit.vpn.kind === 'wireguard' ? 'wireguard' : 'vpn'),
    },
    ipv4: { method: s(edit.ipv4.method) },
    ipv6: { method: s(edit.ipv6.method) },
  };
  switch (edit.vpn.kind) {
    case 'plugin':
      dict.vpn = { 'service-type': s(edit.vpn.serviceType), data: new Variant('a{ss}', {}) };
      break;
    case 'wireguard':
      dict.connection = { ...dict.connection, 'interface-name': s(interfaceNameFor(edit.name)) };
      dict.wireguard = {};
      break;
  }
  return dict;
}

/** The settings dict for AddConnection2. */
export function settingsForNewProfile(edit: ProfileEdit, uuid: string): SettingsDict {
  const start = skeleton(edit, uuid);
  return applyEdit(start, editFromSettings(start), edit);
}
