// An OpenConnect (AnyConnect protocol) server for the sandbox: Debian's ocserv in the servers'
// namespace, with the sandbox's server certificate and plain password authentication. Opt-in: a
// suite that needs it starts it after startSandbox(), so the other suites pay nothing for it.
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type Daemon } from './daemon.js';
import { run } from './exec.js';
import { serverAddress } from './netns.js';
import type { Sandbox } from './sandbox.js';
import { GiveUp, waitFor } from './wait.js';

export interface OcservServer {
  host: string;
  port: number;
  /** `host:port`, the profile's gateway. */
  gateway: string;
  /** The pool ocserv hands addresses out of; a tunnel's address must lie in it. */
  network: string;
  prefix: number;
  /** The server certificate's public key pin, `pin-sha256:<base64>`, as openconnect prints it. */
  pin: string;
  username: string;
  password: string;
  logFile: string;
  stop(): Promise<void>;
}

/** Differs from every OpenVPN server's pool, so the tunnel's address tells which server it was. */
const network = '10.30.0.0';
const prefix = 24;
const port = 4443;

/** Returns the pin of a PEM certificate's public key, the form `--servercert` takes. */
export function publicKeyPin(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return `pin-sha256:${createHash('sha256').update(spki).digest('base64')}`;
}

function config(dir: string, passwd: string, cert: string, key: string, device: string): string {
  return [
    `auth = "plain[passwd=${passwd}]"`,
    `tcp-port = ${String(port)}`,
    `udp-port = ${String(port)}`,
    `listen-host = ${serverAddress}`,
    'run-as-user = nobody',
    'run-as-group = nogroup',
    `socket-file = ${join(dir, 'ocserv.sock')}`,
    `pid-file = ${join(dir, 'ocserv.pid')}`,
    `server-cert = ${cert}`,
    `server-key = ${key}`,
    // The sandbox runs no occtl and namespaces forbid the workers' seccomp sandbox setup.
    'isolate-workers = false',
    'use-occtl = false',
    `device = ${device}`,
    `ipv4-network = ${network}`,
    `ipv4-netmask = 255.255.255.0`,
    'dns = 10.30.0.53',
    'route = 10.31.0.0/255.255.0.0',
    'max-clients = 16',
    'max-same-clients = 0',
    'keepalive = 300',
    'dpd = 60',
    'mobile-dpd = 60',
    'try-mtu-discovery = false',
    'cert-user-oid = 0.9.2342.19200300.100.1.1',
    'compression = false',
    'tls-priorities = "NORMAL:%SERVER_PRECEDENCE"',
    'auth-timeout = 240',
    'cookie-timeout = 300',
    'deny-roaming = false',
    'rekey-time = 172800',
    'rekey-method = ssl',
    'predictable-ips = true',
    'default-domain = ocserv.tunnelbar.test',
    'ping-leases = false',
    'cisco-client-compat = true',
    'dtls-legacy = true',
    '',
  ].join('\n');
}

/**
 * Starts ocserv on the sandbox's server address. Its files are readable by `nobody` (its workers'
 * user). The tun device is named after the sandbox, so parallel sandboxes never share one.
 */
export async function startOcserv(sandbox: Sandbox): Promise<OcservServer> {
  const dir = join(sandbox.dir, 'ocserv');
  mkdirSync(dir, { mode: 0o755 });
  const username = 'tunnelbar';
  const password = 'ocserv-password';
  const passwd = join(dir, 'ocpasswd');
  await run('ocpasswd', ['-c', passwd, username], { input: `${password}\n${password}\n` });
  // ocserv reads its key after dropping to nobody: copies it may read, in its own folder.
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  const certPem = readFileSync(sandbox.pki.serverCert, 'utf8');
  writeFileSync(cert, certPem);
  writeFileSync(key, readFileSync(sandbox.pki.serverKey));
  for (const file of [passwd, cert, key]) chmodSync(file, 0o644);
  const configFile = join(dir, 'ocserv.conf');
  writeFileSync(configFile, config(dir, passwd, cert, key, `tb${sandbox.id}o`));
  const logFile = join(dir, 'ocserv.log');
  const daemon: Daemon = startDaemon(
    'ocserv',
    'ip',
    [
      'netns',
      'exec',
      sandbox.names.serverNetns,
      'ocserv',
      '--foreground',
      '-d',
      '1',
      '-c',
      configFile,
    ],
    { logFile },
  );
  await waitFor('ocserv', () => {
    if (!daemon.isRunning()) throw new GiveUp(`ocserv exited, see ${logFile}`);
    return existsSync(logFile) && readFileSync(logFile, 'utf8').includes('listening (TCP)');
  });
  return {
    host: serverAddress,
    port,
    gateway: `${serverAddress}:${String(port)}`,
    network,
    prefix,
    pin: publicKeyPin(certPem),
    username,
    password,
    logFile,
    stop: () => daemon.stop(),
  };
}
