#!/usr/bin/env node
// Stands in for `openconnect --authenticate` in unit tests: prints to stderr what openconnect 9
// prints against ocserv (recorded in the sandbox) and reads the answers from stdin, one line each.
// FAKE_OC_SCENARIO picks the server; the cookie spells out the answers it got.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { setTimeout } from 'node:timers';

const lines = [];
const waiters = [];
createInterface({ input: process.stdin }).on('line', (l) => {
  const w = waiters.shift();
  if (w) w(l);
  else lines.push(l);
});
const ask = (text) => {
  process.stderr.write(text);
  return lines.length > 0 ? Promise.resolve(lines.shift()) : new Promise((r) => waiters.push(r));
};
const fail = (why) => {
  process.stderr.write(`${why}\nFailed to complete authentication\n`);
  process.exit(1);
};
const succeed = (cookie) => {
  process.stdout.write(
    `COOKIE='${cookie}'\nHOST='10.0.0.1'\nCONNECT_URL='https://vpn.test:4443'\nFINGERPRINT='pin-sha256:FAKE='\nRESOLVE='vpn.test:10.0.0.1'\n`,
  );
  process.exit(0);
};
if (process.env.FAKE_OC_ARGS)
  writeFileSync(process.env.FAKE_OC_ARGS, JSON.stringify(process.argv.slice(2)));

process.stderr.write('POST https://vpn.test:4443/\nConnected to 10.0.0.1:4443\n');
switch (process.env.FAKE_OC_SCENARIO) {
  case 'cert-login': {
    process.stderr.write(
      '\nCertificate from VPN server "vpn.test" failed verification.\nReason: signer not found\n',
    );
    process.stderr.write(
      'To trust this server in future, perhaps add this to your command line:\n',
    );
    const yes = await ask(
      "    --servercert pin-sha256:FAKE=\nEnter 'yes' to accept, 'no' to abort; anything else to view: ",
    );
    if (yes !== 'yes') fail('');
    const user = await ask('XML POST enabled\nPlease enter your username.\nUsername:');
    let pw = await ask('POST https://vpn.test:4443/auth\nPlease enter your password.\nPassword:');
    if (pw !== 'right')
      pw = await ask(
        '\nPOST https://vpn.test:4443/auth\nLogin failed.\nPlease enter your password.\nPassword:',
      );
    if (pw !== 'right') fail('Got HTTP response: HTTP/1.1 401 Authentication failed');
    succeed(`user=${user}`);
    break;
  }
  case 'group-otp': {
    const group = await ask('Please choose.\nGROUP: [staff|guests]:');
    const pw = await ask('Please enter your password.\nPassword:');
    const otp = await ask('\nPlease enter your one-time code.\nVerification code:');
    succeed(`group=${group};pw=${pw};otp=${otp}`);
    break;
  }
  case 'ocserv-otp': {
    // ocserv's plain auth with an OTP file: the code is a second "Password:" with its own message;
    // a wrong code ends the session with 401.
    const user = await ask('XML POST enabled\nPlease enter your username.\nUsername:');
    const pw = await ask('POST https://vpn.test:4443/auth\nPlease enter your password.\nPassword:');
    if (pw !== 'right') fail('Got HTTP response: HTTP/1.1 401 Authentication failed');
    const otp = await ask(
      '\nPOST https://vpn.test:4443/auth\nPlease enter your OTP password.\nPassword:',
    );
    if (otp !== '111111') fail('Got HTTP response: HTTP/1.1 401 Authentication failed');
    succeed(`user=${user};pw=${pw};otp=${otp}`);
    break;
  }
  case 'hotp': {
    // openconnect with --token-mode=hotp --token-secret=@file answers the server's challenge
    // itself and writes the token back with the counter moved on; the "server" (FAKE_OC_STATE)
    // refuses a counter it has already seen.
    const file = process.argv.find((a) => a.startsWith('--token-secret=@'))?.slice(16);
    const [secret, counter = '0'] = readFileSync(file, 'utf8').trim().split(',');
    writeFileSync(file, `${secret},${String(Number(counter) + 1)}`);
    const state = process.env.FAKE_OC_STATE;
    const seen = Number(readFileSync(state, 'utf8'));
    if (Number(counter) < seen) fail('Got HTTP response: HTTP/1.1 401 Authentication failed');
    writeFileSync(state, String(Number(counter) + 1));
    succeed(`hotp=${secret}@${counter}`);
    break;
  }
  case 'ocserv-dump': {
    // openconnect --dump-http-traffic against ocserv with a group choice: each response body
    // (lines '< '), each request ('> ', the answers in it) and the headers after "Got HTTP
    // response" (a session cookie among them), then the prompts as usual.
    const response = (body) =>
      `Got HTTP response: HTTP/1.1 200 OK\nSet-Cookie: webvpncontext=SESSIONCTX; Secure\nContent-Type: text/xml\nHTTP body length:  (310)\n${body
        .map((l) => `< ${l}\n`)
        .join('')}`;
    process.stderr.write(
      response([
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<config-auth client="vpn" type="auth-request">',
        '<auth id="main">',
        '<message>Please enter your username.</message>',
        '<form method="post" action="/auth">',
        '<input type="text" name="username" label="Username:" />',
        '<select name="group_list" label="Group:">',
        '<option value="staff">Staff members</option>',
        '<option value="guests">Guest users</option>',
        '</select>',
        '</form></auth>',
      ]),
    );
    const group = await ask(
      'XML POST enabled\nPlease enter your username.\nGroup: [Staff members|Guest users]:',
    );
    const user = await ask('Please enter your username.\nUsername:');
    process.stderr.write(
      `POST https://vpn.test:4443/auth\n> <auth><username>${user}</username></auth>\n`,
    );
    process.stderr.write(
      response([
        '<auth id="main">',
        '<message>Please enter your password.</message>',
        '<form method="post" action="/auth">',
        '<input type="password" name="password" label="Password:" />',
        '</form></auth>',
      ]),
    );
    const pw = await ask('Please enter your password.\nPassword:');
    process.stderr.write(
      `POST https://vpn.test:4443/auth\n> <auth><password>${pw}</password></auth>\n`,
    );
    if (pw !== 'right')
      fail('Got HTTP response: HTTP/1.1 401 Authentication failed\nContent-Length: 0');
    process.stderr.write('Got HTTP response: HTTP/1.1 200 OK\nSet-Cookie: webvpn=SESSIONTOKEN\n');
    succeed(`group=${group};user=${user};pw=${pw}`);
    break;
  }
  case 'browser': {
    const browser = process.argv.find((a) => a.startsWith('--external-browser='))?.split('=')[1];
    const child = spawn(browser, ['https://idp.test/login'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', () =>
      setTimeout(() => succeed('saml'), Number(process.env.FAKE_OC_DELAY ?? 100)),
    );
    break;
  }
  default:
    fail(`unknown scenario ${process.env.FAKE_OC_SCENARIO}`);
}
