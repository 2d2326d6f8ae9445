#!/usr/bin/env node
// A login server speaking the AnyConnect protocol's XML authentication (what
// `openconnect --authenticate` needs, no tunnel): user name and password, then a form with
// `auth id="challenge"`, the form openconnect fills from a software token by itself. ocserv never
// sends such a form for a code, so this stands in for an HOTP server (a Cisco ASA's RSA/OATH
// challenge). It checks codes as RFC 4226 servers do: a counter at or after the next expected one
// (within a small window), which then moves past it; a code of a used counter is refused.
// Every decision is appended to the log as `accepted <counter>` or `refused`.
// Usage: anyconnect-token-login.mjs <host> <port> <cert> <key> <secret hex> <user> <password>
import { Buffer } from 'node:buffer';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import process from 'node:process';

const [host, port, cert, key, secretHex, user, password] = process.argv.slice(2);
const WINDOW = 10;
let next = 0;
/** Sessions by their webvpncontext cookie: how far each got. */
const sessions = new Map();

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

createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
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
    const token = randomBytes(16).toString('hex');
    const done = `${head('complete')}<session-token>${token}</session-token>\n<auth id="success">\n<title>Token server</title></auth></config-auth>\n`;
    reply(res, 200, done, `webvpn=${token}; Secure`);
  });
}).listen(Number(port), host, () => log('listening'));
