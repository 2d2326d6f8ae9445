// The gate every OpenVPN save and create passes: NetworkManager-openvpn 1.10.2 fails the activation
// of a profile carrying a vpn.data or vpn.secrets key it does not know, or a known key whose value
// does not parse as its type (reference §7.1), so an edit that adds or changes such a key is
// refused, naming the key. Keys already stored and left as they were are not looked at: the editor
// never loses a setting it does not show.

import type { PluginEdit } from '../../preload/editor';
import { openVpnValueKind } from '../../preload/openvpn-keys';
import { isOpenVpnDataKey, isOpenVpnSecretKey } from '../vpn/openvpn/keys';
import { editRefused } from './refusal';
import { editorStrings as s } from './editor-strings';

/** Why the plugin would reject `value` for the known key `key`, or null when it takes it. */
export function openVpnValueProblem(key: string, value: string): string | null {
  // What each key takes is one table, shared with the importer and the OpenVPN page.
  const kind = openVpnValueKind(key);
  if (kind?.kind === 'boolean') {
    return value === 'yes' || value === 'no' ? null : s.valueProblem.yesOrNo;
  }
  if (kind?.kind === 'int') {
    const { min, max } = kind;
    const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    return n >= min && n <= max ? null : s.valueProblem.range(min, max);
  }
  if (kind?.kind === 'ipv4') {
    return /^[A-Za-z0-9.-]+$/.test(value) ? null : s.valueProblem.ipv4;
  }
  if (kind?.kind === 'flags') return /^\d{1,10}$/.test(value) ? null : s.valueProblem.number;
  return null;
}

/** The vpn.data keys the edit adds or gives another value (removed keys are not among them). */
function addedOrChanged(base: PluginEdit, edit: PluginEdit): string[] {
  return Object.keys(edit.data).filter((k) => edit.data[k] !== base.data[k]);
}

/** Throws an edit-refused TunnelbarError for the first key the installed plugin would reject. */
export function checkOpenVpnKeys(base: PluginEdit, edit: PluginEdit): void {
  for (const key of addedOrChanged(base, edit)) {
    if (!isOpenVpnDataKey(key)) {
      throw editRefused(s.refused.openVpnUnknownKey(key));
    }
    const problem = openVpnValueProblem(key, edit.data[key] ?? '');
    if (problem !== null) {
      throw editRefused(s.refused.openVpnBadValue(key, problem));
    }
  }
  for (const key of Object.keys(edit.newSecrets)) {
    if (!isOpenVpnSecretKey(key)) {
      throw editRefused(s.refused.openVpnUnknownSecret(key));
    }
  }
}
