// One handler per directive NetworkManager-openvpn 1.10.2 imports, with the same argument rules and
// the same vpn.data result as its do_import(). A handler returns an error message (the file is then
// rejected, as nmcli rejects it) or null. Paths are resolved against the .ovpn file's folder.

import { G_MAXINT } from '../numbers';
import { utf8safeEscape } from '../text';
import { checkCount, checkInt, checkKeyDirection, checkNonEmpty, checkUtf8 } from './state';
import { handleCompress } from './repairs';
import { choice, flag, importRange, integer, PROTOCOLS, text, type Handler } from './directive-kit';
import { crlVerify, fileDirective, proxy, remote } from './directives-complex';
import { importErrorStrings as m } from '../import-errors-strings';

export { PROTOCOLS } from './directive-kit';

export const DIRECTIVES: Readonly<Record<string, Handler>> = {
  client: (p, c) => checkCount(p, 0, 0) ?? ((c.st.haveClient = true), null),
  'tls-client': (p, c) => checkCount(p, 0, 0) ?? ((c.st.haveClient = true), null),
  'key-direction': (p, c) => {
    const n = checkCount(p, 1, 1);
    if (n !== null) return n;
    const d = checkKeyDirection(p, 1);
    if (!d.ok) return d.error;
    c.st.taDirection = d.value;
    c.st.secretDirection = d.value;
    return null;
  },
  dev: (p, c) => {
    const e = checkCount(p, 1, 1) ?? checkNonEmpty(p, 1);
    if (e !== null) return e;
    c.st.setRaw('dev', utf8safeEscape(p[1] ?? ''), c.line);
    return null;
  },
  'dev-type': choice('dev-type', ['tun', 'tap']),
  proto: (p, c) => {
    const n = checkCount(p, 1, 1);
    if (n !== null) return n;
    const v = p[1] ?? '';
    if (!PROTOCOLS.includes(v)) return m.ovpn.proto('proto', v);
    if (!['udp', 'udp4', 'udp6'].includes(v)) c.st.set('proto-tcp', 'yes', c.line);
    return null;
  },
  mssfix: (p, c) => {
    const n = checkCount(p, 0, 1);
    if (n !== null) return n;
    if (p[1] === undefined) {
      c.st.set('mssfix', 'yes', c.line);
      return null;
    }
    const v = checkInt(p, 1, 0n, G_MAXINT);
    if (!v.ok) return v.error;
    c.st.set('mssfix', v.value.toString(), c.line);
    return null;
  },
  'mtu-disc': choice('mtu-disc', ['no', 'maybe', 'yes']),
  'crl-verify': crlVerify,
  'ns-cert-type': choice('ns-cert-type', ['client', 'server']),
  'tun-mtu': integer('tunnel-mtu'),
  'connect-timeout': integer('connect-timeout'),
  'server-poll-timeout': integer('connect-timeout'),
  fragment: integer('fragment-size'),
  'allow-compression': choice('allow-compression', ['yes', 'no', 'asym']),
  'comp-lzo': (p, c) => {
    const n = checkCount(p, 0, 1);
    if (n !== null) return n;
    const v = p[1] ?? 'adaptive';
    // "no" means "option absent" to old plasma-nm, so the plugin spells an explicit no this way.
    if (v === 'no') c.st.set('comp-lzo', 'no-by-default', c.line);
    else if (v === 'yes' || v === 'adaptive') c.st.set('comp-lzo', v, c.line);
    else return m.ovpn.compLzo(v);
    return null;
  },
  compress: handleCompress,
  float: flag('float'),
  'reneg-sec': integer('reneg-seconds'),
  'max-routes': integer('max-routes'),
  'http-proxy-retry': flag('proxy-retry'),
  'socks-proxy-retry': flag('proxy-retry'),
  'http-proxy': proxy,
  'socks-proxy': proxy,
  remote,
  'remote-random': flag('remote-random'),
  'remote-random-hostname': flag('remote-random-hostname'),
  'allow-pull-fqdn': flag('allow-pull-fqdn'),
  'tun-ipv6': flag('tun-ipv6'),
  'push-peer-info': flag('push-peer-info'),
  port: integer('port'),
  rport: integer('port'),
  ping: integer('ping'),
  'ping-exit': integer('ping-exit'),
  'ping-restart': integer('ping-restart'),
  'tls-version-min': (p, c) => {
    const e = checkCount(p, 1, 2) ?? checkUtf8(p, 1);
    if (e !== null) return e;
    c.st.set('tls-version-min', p[1] ?? '', c.line);
    if (p[2] === undefined) return null;
    if (p[2] !== 'or-highest') return m.ovpn.tlsVersionMin(p[2]);
    c.st.set('tls-version-min-or-highest', 'yes', c.line);
    return null;
  },
  'tls-version-max': text('tls-version-max'),
  ca: fileDirective,
  cert: fileDirective,
  'extra-certs': fileDirective,
  key: fileDirective,
  pkcs12: fileDirective,
  secret: fileDirective,
  'tls-auth': fileDirective,
  'tls-crypt': fileDirective,
  'tls-crypt-v2': fileDirective,
  cipher: text('cipher'),
  'data-ciphers': text('data-ciphers'),
  'tls-cipher': text('tls-cipher'),
  keepalive: (p, c) => {
    const n = checkCount(p, 2, 2);
    if (n !== null) return n;
    const a = checkInt(p, 1, ...importRange('ping'));
    if (!a.ok) return a.error;
    const b = checkInt(p, 2, ...importRange('ping-restart'));
    if (!b.ok) return b.error;
    c.st.set('ping', a.value.toString(), c.line);
    c.st.set('ping-restart', b.value.toString(), c.line);
    return null;
  },
  keysize: integer('keysize'),
  'tls-remote': text('tls-remote'),
  'verify-x509-name': (p, c) => {
    const e = checkCount(p, 1, 2) ?? checkUtf8(p, 1);
    if (e !== null) return e;
    const type = p[2] ?? 'subject';
    if (!['subject', 'name', 'name-prefix'].includes(type)) {
      return m.ovpn.verifyX509(type);
    }
    c.st.set('verify-x509-name', `${type}:${p[1] ?? ''}`, c.line);
    return null;
  },
  'remote-cert-tls': choice('remote-cert-tls', ['client', 'server']),
  ifconfig: (p, c) => {
    const e = checkCount(p, 2, 2) ?? checkUtf8(p, 1) ?? checkUtf8(p, 2);
    if (e !== null) return e;
    c.st.set('local-ip', p[1] ?? '', c.line);
    c.st.set('remote-ip', p[2] ?? '', c.line);
    return null;
  },
  'auth-user-pass': (p, c) => {
    const n = checkCount(p, 0, 1);
    if (n !== null) return n;
    c.st.havePass = true;
    if (p[1] !== undefined) {
      c.warn(
        `the credentials file "${p[1]}" is not imported: NetworkManager asks for the user name and password`,
      );
    }
    return null;
  },
  auth: text('auth'),
};
