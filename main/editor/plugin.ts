// The vpn setting ↔ the editor's PluginEdit (OpenVPN and every other plugin). vpn.data is changed
// key by key, so keys the editor does not know are kept; a key the installed OpenVPN plugin does
// not know may not be added, because the plugin fails activation on it (reference §7.1).

import { Variant } from 'dbus-next';
import type { PluginEdit } from '../../preload/editor';
import { stringMapProp, stringProp, type VariantMap } from '../nm/dbus-types';
import { OPENVPN_SERVICE_TYPE } from '../vpn/openvpn/keys';
import { OPENCONNECT_SERVICE } from '../../preload/openconnect-keys';
import { checkOpenVpnKeys } from './known-keys';
import { checkOpenConnectKeys } from './openconnect-check';
import { sessionSecretsNotSaved, withoutSessionSecrets } from './openconnect-flags';
import { editRefused } from './refusal';
import { editorStrings as s } from './editor-strings';

export function readPlugin(map: VariantMap | undefined): PluginEdit {
  return {
    kind: 'plugin',
    serviceType: stringProp(map, 'service-type') ?? '',
    data: stringMapProp(map, 'data'),
    newSecrets: {},
  };
}

/** The keys whose value the user changed, added or removed. */
function changedKeys(base: Record<string, string>, edit: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(base), ...Object.keys(edit)]);
  return [...keys].filter((k) => base[k] !== edit[k]);
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  return changedKeys(a, b).length === 0;
}

/**
 * Applies what differs between base and edit. `stored` is vpn.secrets as NetworkManager has them
 * (GetSecrets), needed when a new secret is sent: Update2 then replaces all of them (§2.3).
 */
export function applyPlugin(
  current: VariantMap | undefined,
  base: PluginEdit,
  edit: PluginEdit,
  stored: Record<string, string>,
): VariantMap {
  const out: VariantMap = { ...current };
  const serviceType = stringProp(current, 'service-type') ?? edit.serviceType;
  if (base.serviceType !== edit.serviceType) {
    throw editRefused(s.refused.typeChange);
  }
  if (serviceType === OPENVPN_SERVICE_TYPE) checkOpenVpnKeys(base, edit);
  if (serviceType === OPENCONNECT_SERVICE) checkOpenConnectKeys(base, edit);
  const openConnect = serviceType === OPENCONNECT_SERVICE;
  const data = stringMapProp(current, 'data');
  for (const key of changedKeys(base.data, edit.data)) {
    const value = edit.data[key];
    if (value === undefined) Reflect.deleteProperty(data, key);
    else data[key] = value;
  }
  // On OpenConnect, the session secrets' flags are set whatever the person changed, so a profile
  // made by nmcli without them gets them the first time Tunnelbar saves it.
  const finalData = (openConnect ? sessionSecretsNotSaved(data) : null) ?? data;
  if (!sameMap(finalData, stringMapProp(current, 'data'))) {
    out.data = new Variant('a{ss}', finalData);
  }
  if (Object.keys(edit.newSecrets).length > 0) {
    // A login's session secrets NetworkManager still holds are not sent back to be kept.
    const kept = openConnect ? withoutSessionSecrets(stored) : stored;
    out.secrets = new Variant('a{ss}', { ...kept, ...edit.newSecrets });
  }
  return out;
}
