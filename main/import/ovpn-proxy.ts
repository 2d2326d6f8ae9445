// The proxy authentication file of `http-proxy server port FILE` / `socks-proxy server port FILE`:
// its first non-empty line is the user name, the second the password (the password becomes the
// agent-owned secret http-proxy-password). nmcli rejects the file when the auth file cannot be read
// or lacks either line; "stdin" and "auto" mean there is no file.

import { asciiStrip, decodeBytes, hasInvalidUtf8 } from './text';
import { resolvePath, type OvpnState } from './ovpn-state';

export function readProxyAuth(
  st: OvpnState,
  file: string,
): { user: string; pass: string } | string | null {
  if (file === 'stdin' || file === 'auto') return null;
  const path = resolvePath(st.dir, file);
  const bytes = st.tryRead(path);
  if (bytes === null) return `cannot read the proxy authentication file "${path}"`;
  const nul = bytes.indexOf(0);
  const text = decodeBytes(nul >= 0 ? bytes.subarray(0, nul) : bytes);
  const lines = text.split(/[\r\n]/).filter((l) => l !== '');
  const user = lines[0];
  const pass = lines[1];
  if (user === undefined || pass === undefined) {
    return `the proxy authentication file "${path}" must hold a user name line and a password line`;
  }
  const u = asciiStrip(user);
  const p = asciiStrip(pass);
  if (hasInvalidUtf8(u) || hasInvalidUtf8(p)) {
    return `the user name and password in "${path}" must be UTF-8`;
  }
  return { user: u, pass: p };
}
