// The exporter checks its own output: it imports the text again (with parseOvpn, which behaves like
// nmcli) and reports every setting that would not come back as it was. A clean report therefore
// means "importing this file gives this profile", which is the exporter's promise.

import { parseOvpn } from './parse';
import type { OpenVpnProfile } from '../profile';
import type { ReadFile } from '../result';
import { importErrorStrings as m } from '../import-errors-strings';

const CHECK_DIR = '/nonexistent/tunnelbar-export-check';
const INLINED = '\0inlined';

export function checkOvpnExport(
  profile: OpenVpnProfile,
  text: string,
  extraFiles: readonly { name: string; content: string }[],
  options: { inline: boolean; readFile?: ReadFile },
): string[] {
  const extra = new Map(extraFiles.map((f) => [`${CHECK_DIR}/${f.name}`, Buffer.from(f.content)]));
  const readFile: ReadFile = (path) => {
    const b = extra.get(path);
    if (b !== undefined) return b;
    if (options.readFile === undefined) throw new Error(`cannot read ${path}`);
    return options.readFile(path);
  };
  const r = parseOvpn(text, { fileName: `${CHECK_DIR}/check.ovpn`, dir: CHECK_DIR, readFile });
  if (!r.ok) return [m.export.wouldNotImport(r.error.message)];
  const warnings = r.repairs.map((x) => m.export.repairNeeded(x.line, x.message));
  const after: Record<string, string> = { ...r.profile.vpn.data };
  for (const f of r.inlineFiles) for (const k of f.dataKeys) after[k] = INLINED;
  const before = profile.vpn.data;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key];
    const a = after[key];
    // An inline key is not examined for encryption on import (as with nmcli).
    if (options.inline && key === 'cert-pass-flags') continue;
    if (a === b || (a === INLINED && b !== undefined)) continue;
    if (b === undefined) warnings.push(m.export.dataAdded(key));
    else if (a === undefined) warnings.push(m.export.dataUnwritable(key));
    else warnings.push(m.export.dataChanged(key, a, b));
  }
  if (JSON.stringify(r.profile.ipv4.routes ?? []) !== JSON.stringify(profile.ipv4.routes ?? [])) {
    warnings.push(m.export.routesNotSame);
  }
  return warnings;
}
