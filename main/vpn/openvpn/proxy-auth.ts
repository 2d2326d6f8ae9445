// The proxy authentication file of `http-proxy server port FILE` / `socks-proxy server port FILE`:
// its first non-empty line is the user name, the second the password (the password becomes the
// agent-owned secret http-proxy-password). nmcli rejects the file when the auth file cannot be read
// or lacks either line; "stdin" and "auto" mean there is no file.
//
// Unlike nmcli, the file is read only from the .ovpn's own folder and never through a symbolic
// link: a provider's file (or a dropped folder) could otherwise name ../../.ssh/id_rsa or
// /etc/shadow, and its first line would become a user name every local user can read in vpn.data,
// its second a password sent to the proxy. Such a line keeps its proxy but not the credentials.

import { dirname, normalize } from 'node:path';
import { asciiStrip, decodeBytes, hasInvalidUtf8 } from '../text';
import { resolvePath, type OvpnState } from './state';
import { importErrorStrings as m } from '../import-errors-strings';

export type ProxyAuth =
  | { kind: 'none' }
  | { kind: 'ok'; user: string; pass: string }
  /** Not read on purpose: a warning, and the proxy is imported without credentials. */
  | { kind: 'refused'; why: string }
  /** Read but unusable, or unreadable: the file is rejected, as by nmcli. */
  | { kind: 'error'; message: string };

/** Whether `path` names a file directly in `dir` (lexically: `..` and `.` are resolved first). */
function inFolder(dir: string, path: string): boolean {
  return dirname(normalize(path)) === normalize(dir).replace(/(.)\/+$/, '$1');
}

export function readProxyAuth(st: OvpnState, file: string): ProxyAuth {
  if (file === 'stdin' || file === 'auto') return { kind: 'none' };
  const path = resolvePath(st.dir, file);
  if (!inFolder(st.dir, path)) {
    return { kind: 'refused', why: m.ovpn.proxyNotInFolder };
  }
  const bytes = st.tryRead(path, { noFollow: true });
  if (bytes === null) {
    const refused = st.refusal(path, { noFollow: true });
    if (refused?.reason === 'link') {
      return { kind: 'refused', why: m.ovpn.proxyLink };
    }
    return { kind: 'error', message: m.ovpn.proxyUnreadable(path, refused?.why ?? null) };
  }
  const nul = bytes.indexOf(0);
  const text = decodeBytes(nul >= 0 ? bytes.subarray(0, nul) : bytes);
  const lines = text.split(/[\r\n]/).filter((l) => l !== '');
  const user = lines[0];
  const pass = lines[1];
  if (user === undefined || pass === undefined) {
    return {
      kind: 'error',
      message: m.ovpn.proxyLines(path),
    };
  }
  const u = asciiStrip(user);
  const p = asciiStrip(pass);
  if (hasInvalidUtf8(u) || hasInvalidUtf8(p)) {
    return { kind: 'error', message: m.ovpn.proxyUtf8(path) };
  }
  return { kind: 'ok', user: u, pass: p };
}
