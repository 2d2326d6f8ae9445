// The gate every OpenConnect save and create passes: a vpn.data key the edit adds or changes must
// hold a value NetworkManager-openconnect and openconnect take (a boolean not yes/no fails the
// connection, a protocol or OS openconnect does not know fails the login). Keys left as they were
// are not looked at, and unknown keys are kept: the plugin only warns about them.

import { openConnectValueProblem, OC_SECRET_KEYS } from '../../preload/openconnect-keys';
import type { PluginEdit } from '../../preload/editor';
import { editRefused } from './refusal';
import { editorStrings as s } from './editor-strings';

export function checkOpenConnectKeys(base: PluginEdit, edit: PluginEdit): void {
  for (const key of Object.keys(edit.data)) {
    const value = edit.data[key] ?? '';
    if (value === base.data[key]) continue;
    const problem = openConnectValueProblem(key, value);
    if (problem !== null) {
      throw editRefused(s.refused.openConnectBadValue(key, problem));
    }
  }
  for (const key of Object.keys(edit.newSecrets)) {
    if (!OC_SECRET_KEYS.includes(key)) throw editRefused(s.refused.openConnectUnknownSecret(key));
  }
}
