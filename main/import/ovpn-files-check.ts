// nmcli keeps the path of a certificate or key file that does not exist (the connection then fails
// later, when openvpn starts). Tunnelbar keeps it too, and warns once per line.

import { FILE_KEYS } from './ovpn-keys';
import type { OvpnState } from './ovpn-state';
import { utf8safeUnescape } from './text';

export function reportMissingFiles(st: OvpnState): void {
  const seen = new Set<string>();
  for (const key of FILE_KEYS) {
    const stored = st.data[key];
    const line = st.keyLines[key];
    if (stored === undefined || line === undefined) continue;
    // crl-verify-file is stored unescaped; the other paths "utf8safe"-escaped.
    const path = key === 'crl-verify-file' ? stored : utf8safeUnescape(stored);
    if (seen.has(`${line}\0${path}`)) continue;
    seen.add(`${line}\0${path}`);
    if (st.tryRead(path) !== null) continue;
    st.warnings.push({
      line,
      directive: st.directiveAt.get(line) ?? key,
      message: `the file "${path}" cannot be read; the profile keeps the path, but connecting fails until the file is there`,
    });
  }
}
