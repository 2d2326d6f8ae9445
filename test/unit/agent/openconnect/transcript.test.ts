import { describe, expect, it } from 'vitest';
import {
  BROWSER_MARKER,
  parseAuthOutput,
  Transcript,
} from '../../../../main/agent/openconnect/transcript';

// Chunks as openconnect 9 writes them to stderr against ocserv (recorded in the sandbox).
const certChunks = [
  'POST https://10.99.0.1:4443/\n',
  'Connected to 10.99.0.1:4443\nSSL negotiation with 10.99.0.1\n',
  'Server certificate verify failed: signer not found\n',
  '\nCertificate from VPN server "10.99.0.1" failed verification.\nReason: signer not found\n',
  'To trust this server in future, perhaps add this to your command line:\n',
  "    --servercert pin-sha256:kd5+FXewQUVwV38=\nEnter 'yes' to accept, 'no' to abort; anything else to view: ",
];

describe('Transcript', () => {
  it('sees no step while a line is still coming', () => {
    const t = new Transcript();
    for (const chunk of certChunks.slice(0, 5)) t.push(chunk);
    expect(t.pending()).toBeNull();
  });

  it('reads an untrusted certificate: host, reason and pin', () => {
    const t = new Transcript();
    for (const chunk of certChunks) t.push(chunk);
    expect(t.pending()).toEqual({
      kind: 'certificate',
      host: '10.99.0.1',
      reason: 'signer not found',
      fingerprint: 'pin-sha256:kd5+FXewQUVwV38=',
    });
  });

  it('reads a text field with the form message, leaving out progress lines', () => {
    const t = new Transcript();
    for (const chunk of certChunks) t.push(chunk);
    t.answered();
    t.push('Connected to HTTPS on 10.99.0.1 with ciphersuite (TLS1.3)\nXML POST enabled\n');
    t.push('Please enter your username.\nUsername:');
    expect(t.pending()).toEqual({
      kind: 'field',
      plugin: null,
      label: 'Username',
      options: null,
      message: 'Please enter your username.',
    });
  });

  it('reads a choice and a failed login’s message', () => {
    const t = new Transcript();
    t.push(
      'POST https://vpn/auth\nLogin failed.\nPlease enter your password.\nGROUP: [staff|guests]:',
    );
    expect(t.pending()).toEqual({
      kind: 'field',
      plugin: null,
      label: 'GROUP',
      options: ['staff', 'guests'],
      message: 'Login failed.\nPlease enter your password.',
    });
  });

  it('forgets a step once answered, and the newline openconnect echoes after a hidden field', () => {
    const t = new Transcript();
    t.push('Password:');
    t.answered();
    expect(t.pending()).toBeNull();
    t.push('\nPOST https://vpn/auth\nLogin failed.\nPassword:');
    expect(t.pending()).toMatchObject({
      kind: 'field',
      plugin: null,
      label: 'Password',
      message: 'Login failed.',
    });
  });

  it('sees the browser wrapper’s line as a browser step', () => {
    const t = new Transcript();
    t.push(`POST https://vpn/\n${BROWSER_MARKER}\n`);
    expect(t.pending()).toEqual({ kind: 'browser' });
    t.answered();
    expect(t.pending()).toBeNull();
  });

  it('keeps the last lines that are not progress, for a failure', () => {
    const t = new Transcript();
    t.push('POST https://vpn/auth\nGot HTTP response: HTTP/1.1 401 Authentication failed\n');
    t.push('Failed to complete authentication\n');
    expect(t.failure()).toBe(
      'Got HTTP response: HTTP/1.1 401 Authentication failed\nFailed to complete authentication',
    );
  });
});

describe('parseAuthOutput', () => {
  it('reads the shell assignments of --authenticate, quotes undone', () => {
    const out =
      "COOKIE='abc'\\''def'\nHOST='10.99.0.1'\nCONNECT_URL='https://10.99.0.1:4443'\nFINGERPRINT='pin-sha256:X='\nRESOLVE='vpn:10.99.0.1'\n";
    expect(parseAuthOutput(out)).toEqual({
      cookie: "abc'def",
      host: '10.99.0.1',
      connectUrl: 'https://10.99.0.1:4443',
      fingerprint: 'pin-sha256:X=',
      resolve: 'vpn:10.99.0.1',
    });
  });

  it('is null without a cookie', () => {
    expect(parseAuthOutput("HOST='h'\n")).toBeNull();
  });
});
