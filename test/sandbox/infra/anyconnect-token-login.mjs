#!/usr/bin/env node
// A login server speaking the AnyConnect protocol's XML authentication (what
// `openconnect --authenticate` needs, no tunnel), in one of two modes:
// - `hotp`: user name and password, then a form with `auth id="challenge"`, the form openconnect
//   fills from a software token by itself. ocserv never sends such a form for a code, so this
//   stands in for an HOTP server (a Cisco ASA's RSA/OATH challenge). It checks codes as RFC 4226
//   servers do: a counter at or after the next expected one (within a small window), which then
//   moves past it; a code of a used counter is refused. Logs `accepted <counter>` or `refused`.
// - `sso`: a SAML login in the external browser, as Cisco's servers offer it: the form names a
//   login URL (`sso-v2-login`, browser mode external); there (GET /idp, the identity provider,
//   which here logs in at once) the browser is redirected to openconnect's listener on
//   http://localhost:29786/api/sso/<token>, the token encrypted for the key openconnect sent
//   (X-AnyConnect-STRAP-DH-Pubkey: ECDH P-256, HKDF-SHA256 "AC_ECIES", AES-256-GCM with a 12-byte
//   tag); openconnect decrypts it and posts it back as `sso-token`. Logs `idp`, `sso accepted`.
// A tunnel request (CONNECT, NetworkManager-openconnect with the cookie) is logged as
// `tunnel known` or `tunnel unknown` and refused: there is no tunnel here.
// Usage: anyconnect-token-login.mjs <hotp|sso> <host> <port> <cert> <key> <secret hex> <user> <password>
import { Buffer } from 'node:buffer';
import {
  createCipheriv,
  createHmac,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import process from 'node:process';
import { URL } from 'node:url';

const [mode, host, port, cert, key, secretHex, user, password] = process.argv.slice(2);
const base = `https://${host}:${port}`;
const WINDOW = 10;
let next = 0;
/** Sessions by their webvpncontext cookie: how far each got. */
const sessions = new Map();
/** SSO logins by session id: the client's DH key, then the token the IdP issued. */
const sso = new Map();
/** Session cookies handed out (a tunnel request must bring one). */
const issued = new Set();

function hotp(counter) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', Buffer.from(secretHex, 'hex')).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const head = (type) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<config-auth client="vpn" type="${type}">\n<version who="sg">0.1(1)</version>\n`;
const form = (id, message, inputs) =>
  `${head('auth-request')}<auth id="${id}">\n<message>${message}</message>\n<form method="post" action="/auth">\n${inputs}</form></auth>\n</config-auth>\n`;
const loginForm = form(
  'main',
  'Please enter your username and password.',
  '<input type="text" name="username" label="Username:" />\n<input type="password" name="password" label="Password:" />\n',
);
const challengeForm = form(
  'challenge',
  'Enter the code from your token.',
  '<input type="password" name="password" label="Code:" />\n',
);
const ssoForm = (id) =>
  `${head('auth-request')}<opaque is-for="sg"><tunnel-group>sso</tunnel-group><auth-method>single-sign-on-v2</auth-method></opaque>\n<auth id="main">\n<message>Log in with your identity provider.</message>\n<sso-v2-login>${base}/idp?session=${id}</sso-v2-login>\n<sso-v2-login-final>${base}/done</sso-v2-login-final>\n<sso-v2-token-cookie-name>acSamlv2Token</sso-v2-token-cookie-name>\n<sso-v2-browser-mode>external</sso-v2-browser-mode>\n<form><input type="sso" name="sso-token"></input></form>\n</auth>\n</config-auth>\n`;

/** The token for openconnect's listener: TLVs after 0x0001, as openconnect's hpke.c reads them. */
function encryptedToken(clientKeyBase64, token) {
  const client = createPublicKey({
    key: Buffer.from(clientKeyBase64, 'base64'),
    format: 'der',
    type: 'spki',
  });
  const ours = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const shared = diffieHellman({ privateKey: ours.privateKey, publicKey: client });
  const aesKey = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), 'AC_ECIES', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey, iv, { authTagLength: 12 });
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const tlv = (tag, value) => {
    const h = Buffer.alloc(4);
    h.writeUInt16BE(tag, 0);
    h.writeUInt16BE(value.length, 2);
    return Buffer.concat([h, value]);
  };
  const spki = ours.publicKey.export({ format: 'der', type: 'spki' });
  return Buffer.concat([
    Buffer.from([0, 1]),
    tlv(1, spki),
    tlv(2, cipher.getAuthTag()),
    tlv(3, sealed),
    tlv(4, iv),
  ]).toString('base64');
}

function complete(res) {
  const token = randomBytes(16).toString('hex');
  issued.add(token);
  const done = `${head('complete')}<session-token>${token}</session-token>\n<auth id="success">\n<title>Token server</title></auth></config-auth>\n`;
  reply(res, 200, done, `webvpn=${token}; Secure`);
}

/** The SAML side: the IdP page and the success page a browser is sent to. */
function browserRequest(req, res) {
  const url = new URL(req.url ?? '/', base);
  if (url.pathname === '/idp') {
    const login = sso.get(url.searchParams.get('session') ?? '');
    if (login === undefined) {
      res.writeHead(404).end();
      return;
    }
    log('idp');
    login.token = randomBytes(20).toString('hex');
    const blob = encodeURIComponent(encryptedToken(login.dh, login.token));
    const back = encodeURIComponent(`${base}/done`);
    res.writeHead(302, { Location: `http://localhost:29786/api/sso/${blob}?return=${back}` });
    res.end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>Logged in.</p>');
}

const field = (body, name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];

function log(line) {
  process.stdout.write(`${line}\n`);
}

function verify(code) {
  for (let c = next; c < next + WINDOW; c++) {
    if (hotp(c) === code) {
      next = c + 1;
      log(`accepted ${String(c)}`);
      return true;
    }
  }
  log('refused');
  return false;
}

function reply(res, status, body, cookie) {
  const headers = { 'Content-Type': 'text/xml', 'X-Transcend-Version': '1' };
  if (cookie !== undefined) headers['Set-Cookie'] = cookie;
  res.writeHead(status, headers);
  res.end(body);
}

const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.method === 'GET') {
      browserRequest(req, res);
      return;
    }
    if (mode === 'sso') {
      ssoPost(req, res, body);
      return;
    }
    const context = /webvpncontext=([^;\s]+)/.exec(req.headers.cookie ?? '')?.[1];
    const state = context === undefined ? undefined : sessions.get(context);
    if (req.method !== 'POST' || state === undefined || body.includes('type="init"')) {
      const id = randomBytes(12).toString('hex');
      sessions.set(id, 'login');
      reply(res, 200, loginForm, `webvpncontext=${id}; Secure`);
      return;
    }
    if (state === 'login') {
      if (field(body, 'username') !== user || field(body, 'password') !== password) {
        log('refused password');
        reply(res, 401, '');
        return;
      }
      sessions.set(context, 'challenge');
      reply(res, 200, challengeForm);
      return;
    }
    sessions.delete(context);
    if (!verify(field(body, 'password') ?? '')) {
      reply(res, 401, '');
      return;
    }
    complete(res);
  });
});

/** The SSO mode's answer to a POST: the SSO form, or the session for a token the IdP issued. */
function ssoPost(req, res, body) {
  if (body.includes('type="init"')) {
    const id = randomBytes(12).toString('hex');
    sso.set(id, { dh: String(req.headers['x-anyconnect-strap-dh-pubkey'] ?? ''), token: null });
    reply(res, 200, ssoForm(id), `webvpncontext=${id}; Secure`);
    return;
  }
  const token = field(body, 'sso-token');
  const login = [...sso.values()].find((l) => l.token !== null && l.token === token);
  if (login === undefined) {
    log('refused sso');
    reply(res, 401, '');
    return;
  }
  login.token = null;
  log('sso accepted');
  complete(res);
}

server.on('connect', (req, socket) => {
  const cookie = /webvpn=([^;\s]+)/.exec(req.headers.cookie ?? '')?.[1];
  log(`tunnel ${cookie !== undefined && issued.has(cookie) ? 'known' : 'unknown'}`);
  socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
});
server.listen(Number(port), host, () => log('listening'));
