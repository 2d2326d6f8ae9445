// One edit applied to the settings NetworkManager has now: only the fields the user changed are
// written, every other setting and property (known to the editor or not) is sent back as it was.

import { Variant } from 'dbus-next';
import type { ProfileEdit } from '../../preload/editor';
import {
  boolProp,
  numberProp,
  stringMapProp,
  stringProp,
  type SettingsDict,
  type VariantMap,
} from '../nm/dbus-types';
import { dnsRoutingOf, withDnsRouting } from '../dns/profile-dns';
import { applyIp, readIp } from './ip';
import { allUsersOf, applyAllUsers, localUserName } from './permissions';
import { applyPlugin, readPlugin } from './plugin';
import { editRefused } from './refusal';
import { applyWireguard, readWireguard, wireguardHasNewSecret } from './wireguard';
import { editorStrings as s } from './editor-strings';

/**
 * The editable view of a settings dict (GetSettings' answer, no secrets). `connectWith` is kept
 * on the base connections, not here: the service fills it in (secondaries.ts).
 */
export function editFromSettings(settings: SettingsDict): ProfileEdit {
  const type = stringProp(settings.connection, 'type');
  const autoconnect = settings.connection?.autoconnect?.value as unknown;
  return {
    name: stringProp(settings.connection, 'id') ?? '',
    autoconnect: typeof autoconnect === 'boolean' ? autoconnect : true,
    autoconnectRetries: numberProp(settings.connection, 'autoconnect-retries') ?? -1,
    persistent: boolProp(settings.vpn, 'persistent') ?? false,
    allUsers: allUsersOf(settings.connection),
    connectWith: [],
    vpn: type === 'wireguard' ? readWireguard(settings.wireguard) : readPlugin(settings.vpn),
    dnsRouting: dnsRoutingOf(settings),
    ipv4: readIp(settings.ipv4, 4),
    ipv6: readIp(settings.ipv6, 6),
  };
}

/** The setting whose stored secrets must be read before saving, or null when none is sent. */
export function secretSettingToRead(edit: ProfileEdit): 'vpn' | 'wireguard' | null {
  switch (edit.vpn.kind) {
    case 'plugin':
      return Object.keys(edit.vpn.newSecrets).length > 0 ? 'vpn' : null;
    case 'wireguard':
      return wireguardHasNewSecret(edit.vpn) ? 'wireguard' : null;
  }
}

/**
 * `current` with the difference between `base` and `edit` applied. `stored` is GetSecrets'
 * answer for secretSettingToRead(edit) (empty when that is null). Throws a TunnelbarError
 * (edit-refused) for an edit NetworkManager or the plugin would refuse or misread.
 */
export function applyEdit(
  current: SettingsDict,
  base: ProfileEdit,
  edit: ProfileEdit,
  stored: SettingsDict = {},
  /** The domains the VPN's server pushed, when it is connected (for "only its own domains"). */
  pushed: readonly string[] = [],
): SettingsDict {
  const out: SettingsDict = { ...current };
  const connection: VariantMap = { ...current.connection };
  if (edit.name.trim() === '') throw editRefused(s.refused.noName);
  if (base.name !== edit.name) connection.id = new Variant('s', edit.name);
  if (base.autoconnect !== edit.autoconnect) {
    connection.autoconnect = new Variant('b', edit.autoconnect);
  }
  if (base.autoconnectRetries !== edit.autoconnectRetries) {
    connection['autoconnect-retries'] = new Variant('i', edit.autoconnectRetries);
  }
  // Turned off, the profile becomes this user's (the user main runs as).
  out.connection = applyAllUsers(connection, base.allUsers, edit.allUsers, localUserName());
  if (base.vpn.kind === 'plugin' && edit.vpn.kind === 'plugin') {
    out.vpn = applyPlugin(current.vpn, base.vpn, edit.vpn, stringMapProp(stored.vpn, 'secrets'));
    if (base.persistent !== edit.persistent) {
      out.vpn = { ...out.vpn, persistent: new Variant('b', edit.persistent) };
    }
  } else if (base.vpn.kind === 'wireguard' && edit.vpn.kind === 'wireguard') {
    if (base.persistent !== edit.persistent) {
      throw editRefused(s.refused.wgPersist);
    }
    out.wireguard = applyWireguard(current.wireguard, base.vpn, edit.vpn, stored.wireguard);
  } else {
    throw editRefused(s.refused.typeChange);
  }
  out.ipv4 = applyIp(current.ipv4, base.ipv4, edit.ipv4, 4);
  out.ipv6 = applyIp(current.ipv6, base.ipv6, edit.ipv6, 6);
  if (base.dnsRouting !== edit.dnsRouting) {
    // After the IP pages' own changes, so a search domain typed there and the routing both stay.
    const routed = withDnsRouting({ ipv4: out.ipv4, ipv6: out.ipv6 }, edit.dnsRouting, pushed);
    out.ipv4 = routed.ipv4 ?? {};
    out.ipv6 = routed.ipv6 ?? {};
  }
  return out;
}
