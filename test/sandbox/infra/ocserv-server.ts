// An OpenConnect (AnyConnect protocol) server for the sandbox: Debian's ocserv in the servers'
// namespace, with the sandbox's server certificate and plain password authentication, optionally
// a second factor (ocserv's OTP file, liboath's users.oath format) and a group choice. Opt-in: a
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
  /** The one-time code's secret (hex, RFC 4226/6238) when the server asks for one. */
  otpSecret: string | null;
  /** Each group's own pool when the server offers a choice: the address tells the group. */
  groupNetworks: Record<string, string>;
  logFile: string;
  stop(): Promise<void>;
}

export interface OcservOptions {
  /** A second server beside the first needs its own name, port and pool. */
  name?: string;
  port?: number;
  /** The pool's /24 network; differs from every OpenVPN server's pool. */
  network?: string;
  /** After the password, a one-time code: time-based (TOTP, 30 s) or counter-based (HOTP). */
  otp?: 'totp' | 'hotp';
  /** Groups offered in the login form (`select-group`), each label mapped to its name. */
  groups?: Record<string, string>;
}

/**
 * The second server of the OpenConnect suites: password, then a time-based one-time code, and a
 * choice of two groups with their own pools (so the tunnel's address shows the group chosen).
 */
export const TWO_FACTOR_OCSERV: OcservOptions = {
  name: 'ocserv-2fa',
  port: 4444,
  network: '10.32.0.0',
  otp: 'totp',
  groups: { 'Staff members': 'staff', 'Guest users': 'guests' },
};

const prefix = 24;
/** RFC 4226's test secret ("12345678901234567890"): its codes are known, the test computes them. */
const OTP_SECRET = '3132333435363738393031323334353637383930';

/** The plain auth line: the password file, and the OTP file when there is a second factor. */
function authLine(passwd: string, otpFile: string | null): string {
  return otpFile === null
    ? `auth = "plain[passwd=${passwd}]"`
    : `auth = "plain[passwd=${passwd},otp=${otpFile}]"`;
}

/** `select-group` lines and the per-group folder (each group's own pool). */
function groupLines(groups: Record<string, string>, folder: string): string[] {
  if (Object.keys(groups).length === 0) return [];
  return [
    ...Object.entries(groups).map(([label, name]) => `select-group = ${name}[${label}]`),
    'auto-select-group = false',
    `config-per-group = ${folder}/`,
  ];
}

/** Returns the pin of a PEM certificate's public key, the form `--servercert` takes. */
export function publicKeyPin(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return `pin-sha256:${createHash('sha256').update(spki).digest('base64')}`;
}

interface ConfigParts {
  dir: string;
  auth: string;
  cert: string;
  key: string;
  device: string;
  port: number;
  network: string;
  groups: string[];
}

function config({ dir, auth, cert, key, device, port, network, groups }: ConfigParts): string {
  return [
    auth,
    ...groups,
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
    // ocserv 1.1.6 scores the password step before an OTP as a wrong password (the stage counter
    // does not move), so a few logins ban the client's address and every later login fails:
    // no banning in the sandbox.
    'max-ban-score = 0',
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
export async function startOcserv(
  sandbox: Sandbox,
  options: OcservOptions = {},
): Promise<OcservServer> {
  const name = options.name ?? 'ocserv';
  const port = options.port ?? 4443;
  const network = options.network ?? '10.30.0.0';
  const groups = options.groups ?? {};
  const dir = join(sandbox.dir, name);
  mkdirSync(dir, { mode: 0o755 });
  const username = 'tunnelbar';
  const password = 'ocserv-password';
  const passwd = join(dir, 'ocpasswd');
  const memberOf = Object.values(groups);
  const groupArgs = memberOf.length > 0 ? ['-g', memberOf.join(',')] : [];
  await run('ocpasswd', ['-c', passwd, ...groupArgs, username], {
    input: `${password}\n${password}\n`,
  });
  // liboath's users.oath: ocserv (its sec-mod, as root) writes the last code and counter back.
  let otpFile: string | null = null;
  if (options.otp !== undefined) {
    otpFile = join(dir, 'users.oath');
    const kind = options.otp === 'totp' ? 'HOTP/T30' : 'HOTP';
    writeFileSync(otpFile, `${kind} ${username} - ${OTP_SECRET}\n`, { mode: 0o600 });
  }
  const groupNetworks: Record<string, string> = {};
  const groupDir = join(dir, 'groups');
  mkdirSync(groupDir, { mode: 0o755 });
  memberOf.forEach((group, i) => {
    // 10.x.y.0 -> 10.x.(y+1+i).0: beside the server's own pool, one per group.
    const parts = network.split('.').map(Number);
    const groupNet = `${String(parts[0])}.${String(parts[1])}.${String((parts[2] ?? 0) + 1 + i)}.0`;
    groupNetworks[group] = groupNet;
    writeFileSync(join(groupDir, group), `ipv4-network = ${groupNet}/24\n`, { mode: 0o644 });
  });
  // ocserv reads its key after dropping to nobody: copies it may read, in its own folder.
  const cert = join(dir, 'server.crt');
  const key = join(dir, 'server.key');
  const certPem = readFileSync(sandbox.pki.serverCert, 'utf8');
  writeFileSync(cert, certPem);
  writeFileSync(key, readFileSync(sandbox.pki.serverKey));
  for (const file of [passwd, cert, key]) chmodSync(file, 0o644);
  const configFile = join(dir, 'ocserv.conf');
  const parts: ConfigParts = {
    dir,
    auth: authLine(passwd, otpFile),
    cert,
    key,
    // A second server's device gets the port's last digit: parallel servers never share one.
    device: `tb${sandbox.id}o${String(port % 10)}`,
    port,
    network,
    groups: groupLines(groups, groupDir),
  };
  writeFileSync(configFile, config(parts));
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
    otpSecret: options.otp === undefined ? null : OTP_SECRET,
    groupNetworks,
    logFile,
    stop: () => daemon.stop(),
  };
}
