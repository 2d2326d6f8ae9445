// The directives with more to them than one argument: files (with the PKCS#12 and direction rules),
// remote (joined into one host:port:proto list), proxies (with their auth file) and crl-verify.

import {
  checkCount,
  checkInt,
  checkKeyDirection,
  checkNonEmpty,
  checkUtf8,
  resolvePath,
} from './state';
import { parseIPv6 } from '../inet';
import { utf8safeEscape } from '../text';
import { readProxyAuth } from './proxy-auth';
import { fillCredential } from './credential';
import { isInlineTag } from './keys';
import { importRange, PROTOCOLS, type Handler } from './directive-kit';
import { importErrorStrings as m } from '../import-errors-strings';

export const fileDirective: Handler = (p, c) => {
  const name = p[0] ?? '';
  const st = c.st;
  const canHaveDirection = name === 'secret' || name === 'tls-auth';
  const e = checkCount(p, 1, canHaveDirection ? 2 : 1) ?? checkNonEmpty(p, 1);
  if (e !== null) return e;
  let direction: string | null = null;
  if (p[2] !== undefined) {
    const d = checkKeyDirection(p, 2);
    if (!d.ok) return d.error;
    direction = d.value;
  }
  const path = utf8safeEscape(resolvePath(st.dir, p[1] ?? ''));
  // finish() writes the direction (static-key-direction, ta-dir) once the whole file is read.
  if (name === 'secret' && direction !== null) st.secretDirection = direction;
  if (name === 'tls-auth' && direction !== null) st.taDirection = direction;
  if (isInlineTag(name)) fillCredential(st, name, path, c.line, 'file');
  return null;
};

export const remote: Handler = (p, c) => {
  const e = checkCount(p, 1, 3) ?? checkUtf8(p, 1);
  if (e !== null) return e;
  const host = p[1] ?? '';
  if (host.includes(' ')) return m.ovpn.remoteSpace;
  if (host.includes(',')) return m.ovpn.remoteComma;
  let port: bigint | null = null;
  if (p[2] !== undefined) {
    const v = checkInt(p, 2, ...importRange('port'));
    if (!v.ok) return v.error;
    port = v.value;
    if (p[3] !== undefined && !PROTOCOLS.includes(p[3])) {
      return m.ovpn.proto('remote', p[3]);
    }
  }
  // host[:port[:proto]]; an IPv6 address gets brackets, and a host with a colon always gets the
  // port field (possibly empty) so the plugin can split the entry again.
  const hasColon = host.includes(':');
  let entry = hasColon && parseIPv6(host) !== null ? `[${host}]` : host;
  if (port !== null) {
    entry += `:${port}`;
    if (p[3] !== undefined) entry += `:${p[3]}`;
    else if (hasColon) entry += ':';
  } else if (hasColon) entry += '::';
  const prev = c.st.data.remote;
  // The host was checked for UTF-8 above and the rest is ASCII, so the joined list is valid too:
  // checking the whole list again for each line (set() does) made thousands of remotes quadratic.
  c.st.setRaw('remote', prev === undefined ? entry : `${prev}, ${entry}`, c.line);
  c.st.haveRemote = true;
  return null;
};

export const proxy: Handler = (p, c) => {
  const isHttp = p[0] === 'http-proxy';
  const e = (isHttp ? checkCount(p, 2, 4) : checkCount(p, 1, 3)) ?? checkUtf8(p, 1);
  if (e !== null) return e;
  let port: bigint | null = null;
  let auth: { user: string; pass: string } | null = null;
  if (p[2] !== undefined) {
    const v = checkInt(p, 2, ...importRange('proxy-port'));
    if (!v.ok) return v.error;
    port = v.value;
    if (p[3] !== undefined) {
      const a = readProxyAuth(c.st, p[3]);
      if (a.kind === 'error') return a.message;
      if (a.kind === 'ok') auth = a;
      if (a.kind === 'none') c.warn(`the proxy credentials "${p[3]}" are not imported`);
      if (a.kind === 'refused') {
        c.warn(
          `the proxy authentication file "${p[3]}" is not read: ${a.why}, so the proxy user name and password are not imported`,
        );
      }
    }
  }
  const st = c.st;
  st.set('proxy-type', isHttp ? 'http' : 'socks', c.line);
  st.set('proxy-server', p[1] ?? '', c.line);
  if (port !== null) st.set('proxy-port', port.toString(), c.line);
  if (auth !== null) {
    st.set('http-proxy-username', auth.user, c.line);
    st.secrets['http-proxy-password'] = auth.pass;
    st.set('http-proxy-password-flags', '1', c.line);
  }
  if (isHttp && p[4] !== undefined) {
    c.warn(m.ovpn.proxyAuthMethod(p[4]));
  }
  return null;
};

export const crlVerify: Handler = (p, c) => {
  const e = checkCount(p, 1, 2) ?? checkNonEmpty(p, 1);
  if (e !== null) return e;
  if (p[2] !== undefined && p[2] !== 'dir') return m.ovpn.crlDir;
  // Stored without utf8safe escaping, unlike the other paths (as NetworkManager-openvpn does).
  const path = resolvePath(c.st.dir, p[1] ?? '');
  c.st.set(p[2] === undefined ? 'crl-verify-file' : 'crl-verify-dir', path, c.line);
  return null;
};
