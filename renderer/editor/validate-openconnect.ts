// The OpenConnect page's rules, said next to the field before saving; main applies the same ones
// (preload/openconnect-keys.ts) whatever sent the edit. Field ids are `oc.<vpn.data key>`.

import type { PluginEdit } from '../../preload/editor';
import { openConnectValueProblem } from '../../preload/openconnect-keys';
import { ocStrings } from './openconnect-strings';

export function validateOpenConnect(vpn: PluginEdit, out: Record<string, string>): void {
  for (const [key, value] of Object.entries(vpn.data)) {
    const problem = openConnectValueProblem(key, value);
    if (problem !== null)
      out[`oc.${key}`] = `${problem[0]?.toUpperCase() ?? ''}${problem.slice(1)}.`;
  }
  if ((vpn.data.gateway ?? '') === '') out['oc.gateway'] = ocStrings.required;
}
