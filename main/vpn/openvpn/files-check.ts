// The certificate and key files a configuration names. nmcli keeps the path of one that does not
// exist (the connection then fails later, when openvpn starts); Tunnelbar keeps it too, and warns
// once per line. A path that names something other than a file (a FIFO, a device, a folder) or a
// file far too large for a certificate is refused instead: that is no file still to come, and
// openvpn would hang on it or read it forever.

import { FILE_KEYS } from './keys';
import type { OvpnState } from './state';
import { utf8safeUnescape } from '../text';
import { importErrorStrings as m } from '../import-errors-strings';

/** Warns about missing files; returns the error for a file that must not be used. */
export function checkReferencedFiles(st: OvpnState): { line: number; error: string } | null {
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
    const directive = st.directiveAt.get(line) ?? key;
    const refused = st.refusal(path);
    if (refused !== null && refused.reason !== 'unreadable') {
      return { line, error: m.ovpn.fileUnusable(directive, refused.message) };
    }
    st.warnings.push({
      line,
      directive,
      message: m.ovpn.fileMissing(path),
    });
  }
  return null;
}
