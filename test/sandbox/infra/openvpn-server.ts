// One OpenVPN server in the servers' namespace. The password and challenge servers check
// credentials with a small shell script (auth-user-pass-verify via-file); the challenge server
// answers a right password with an OpenVPN dynamic challenge (CRV1), as OTP servers do.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitCidr } from './cidr.js';
import { startDaemon, type Daemon } from './daemon.js';
import type { Names } from './names.js';
import type { Pki } from './pki.js';
import type { Credentials, OpenvpnServer } from './types.js';
import { GiveUp, waitFor } from './wait.js';

/** Single-quotes a value for sh. */
function shq(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The state id the challenge server hands out; the answer must quote it back. */
export function challengeStateId(id: string): string {
  return `tunnelbar-${id}`;
}

function authScript(server: OpenvpnServer, creds: Credentials, stateId: string): string {
  const lines = [
    '#!/bin/sh',
    '# Written by the Tunnelbar sandbox. $1 holds the username (line 1) and password (line 2).',
    'user=$(sed -n 1p "$1")',
    'pass=$(sed -n 2p "$1")',
    `[ "$user" = ${shq(creds.username)} ] || exit 1`,
  ];
  if (server.kind === 'challenge') {
    const user64 = Buffer.from(creds.username).toString('base64');
    const challenge = `CRV1:R,E:${stateId}:${user64}:${creds.challengeQuestion}`;
    lines.push(
      '# Second round: the client sends CRV1::<state-id>::<answer> as the password.',
      `[ "$pass" = ${shq(`CRV1::${stateId}::${creds.otp}`)} ] && exit 0`,
      '# First round: a right password earns the challenge, sent back as the failure reason.',
      `if [ "$pass" = ${shq(creds.password)} ]; then`,
      `  printf '%s' ${shq(challenge)} > "$auth_failed_reason_file"`,
      'fi',
      'exit 1',
    );
  } else {
    lines.push(`[ "$pass" = ${shq(creds.password)} ] && exit 0`, 'exit 1');
  }
  return lines.join('\n') + '\n';
}

function serverConfig(server: OpenvpnServer, tun: string, pki: Pki, script: string, dir: string) {
  const pool = splitCidr(server.subnet);
  const route = splitCidr(server.pushedRoute);
  const lines = [
    `local ${server.host}`,
    `port ${server.port}`,
    'proto udp',
    `dev ${tun}`,
    'dev-type tun',
    'topology subnet',
    `server ${pool.network} ${pool.netmask}`,
    `ca ${pki.ca}`,
    `cert ${pki.serverCert}`,
    `key ${pki.serverKey}`,
    'dh none',
    `tls-crypt ${pki.tlsCrypt}`,
    `push "route ${route.network} ${route.netmask}"`,
    `push "dhcp-option DNS ${server.dns}"`,
    `push "dhcp-option DOMAIN ${server.domain}"`,
    'keepalive 10 60',
    // Tests connect the same client certificate (or user) several times, even at once.
    'duplicate-cn',
    `tmp-dir ${dir}`,
    'verb 3',
  ];
  // Bound to every address: answer from the one a client wrote to, not from whichever the
  // routing picks (the client drops a reply from another address: "Incoming packet rejected").
  if (server.host === '::' || server.host === '0.0.0.0') lines.push('multihome');
  if (server.ipv6 !== undefined) {
    lines.push(`server-ipv6 ${server.ipv6.subnet}`);
    for (const r of server.ipv6.pushedRoutes) lines.push(`push "route-ipv6 ${r}"`);
    lines.push(`push "dhcp-option DNS ${server.ipv6.dns}"`);
  }
  if (server.kind === 'cert') {
    lines.push('verify-client-cert require');
  } else {
    lines.push(
      'verify-client-cert none',
      'username-as-common-name',
      'script-security 2',
      `auth-user-pass-verify ${script} via-file`,
    );
  }
  return lines.join('\n') + '\n';
}

export interface RunningServer {
  daemon: Daemon;
  logFile: string;
}

export async function startOpenvpnServer(
  server: OpenvpnServer,
  names: Names,
  pki: Pki,
  creds: Credentials,
  dir: string,
): Promise<RunningServer> {
  const script = join(dir, `auth-${server.kind}.sh`);
  writeFileSync(script, authScript(server, creds, challengeStateId(names.id)));
  chmodSync(script, 0o755);
  const configFile = join(dir, `${server.kind}.conf`);
  writeFileSync(configFile, serverConfig(server, names.serverTun[server.kind], pki, script, dir));
  const logFile = join(dir, `${server.kind}.log`);
  // A restarted server appends to the same log: only what it writes from now on says it is up.
  const offset = existsSync(logFile) ? readFileSync(logFile).length : 0;
  const daemon = startDaemon(
    `openvpn server ${server.kind}`,
    'ip',
    ['netns', 'exec', names.serverNetns, 'openvpn', '--config', configFile],
    { logFile },
  );
  await waitFor(`the ${server.kind} OpenVPN server`, () => {
    if (!daemon.isRunning()) throw new GiveUp(`openvpn exited, see ${logFile}`);
    return (
      existsSync(logFile) &&
      readFileSync(logFile).subarray(offset).toString('utf8').includes('Initialization Sequence')
    );
  });
  return { daemon, logFile };
}
