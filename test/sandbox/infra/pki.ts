// A throw-away PKI for the OpenVPN servers and the cert profile, made with openssl at each start.
// EC P-256 keys: generating them takes milliseconds, where RSA would take a noticeable while.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './exec.js';

export interface Pki {
  ca: string;
  serverCert: string;
  serverKey: string;
  /** Client certificate and its unencrypted key (so no cert-pass secret is ever asked for). */
  clientCert: string;
  clientKey: string;
  /** OpenVPN static key for --tls-crypt, shared by servers and profiles. */
  tlsCrypt: string;
}

const days = '30';
const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function issue(dir: string, name: string, cn: string, usage: string, ca: Pki) {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  // openvpn's remote-cert-tls checks the extended key usage, so each cert says what it is for.
  writeFileSync(
    ext,
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=${usage}\n`,
  );
  await run('openssl', [
    'req',
    '-new',
    ...ecKey,
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    `/CN=${cn}`,
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.ca,
    '-CAkey',
    join(dir, 'ca.key'),
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    days,
    '-extfile',
    ext,
    '-out',
    cert,
  ]);
  return { cert, key };
}

export async function makePki(sandboxDir: string, id: string): Promise<Pki> {
  const dir = join(sandboxDir, 'pki');
  mkdirSync(dir, { mode: 0o755 });
  const pki: Pki = {
    ca: join(dir, 'ca.crt'),
    serverCert: '',
    serverKey: '',
    clientCert: '',
    clientKey: '',
    tlsCrypt: join(dir, 'tls-crypt.key'),
  };
  await run('openssl', [
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    pki.ca,
    '-days',
    days,
    '-subj',
    `/CN=Tunnelbar sandbox ${id} CA`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const [server, client] = await Promise.all([
    issue(dir, 'server', `server.${id}.tunnelbar.test`, 'serverAuth', pki),
    issue(dir, 'client', `client.${id}.tunnelbar.test`, 'clientAuth', pki),
    run('openvpn', ['--genkey', 'tls-crypt', pki.tlsCrypt]),
  ]);
  pki.serverCert = server.cert;
  pki.serverKey = server.key;
  pki.clientCert = client.cert;
  pki.clientKey = client.key;
  return pki;
}
