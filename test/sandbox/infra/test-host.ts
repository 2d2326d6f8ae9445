// A host outside the tunnel, on the servers' side: an address of its own in the servers'
// namespace (off NetworkManager's link, so it is reached through the default route, or through a
// tunnel), with a TCP service that answers each connection with the peer address it saw. The
// answer tells a test which way a connection went: the veth address means outside the tunnel, an
// address of the VPN's pool means through it.
import { run } from './exec.js';
import { startDaemon, type Daemon } from './daemon.js';
import type { Names } from './names.js';
import { waitFor } from './wait.js';

export const testHostAddress = '10.97.0.1';
/** The test host's IPv6 address (a sandbox started with `ipv6: true`), beyond the IPv6 gateway. */
export const testHostAddress6 = 'fd00:97::1';
export const testHostPort = 7070;

const serverScript = (address: string): string => `
const net = require('node:net');
net.createServer((s) => { s.end(String(s.remoteAddress)); })
  .listen(${testHostPort}, '${address}', () => console.log('test host listening'));
`;

/** What a connection attempt from NetworkManager's namespace gave. */
export type Probe = { ok: true; peer: string } | { ok: false; error: string };

const probeScript = (address: string): string => `
const s = require('node:net').connect(${testHostPort}, '${address}');
let got = '';
s.setTimeout(3000, () => { console.log(JSON.stringify({ ok: false, error: 'ETIMEDOUT' })); process.exit(0); });
s.on('data', (d) => { got += d; });
s.on('end', () => { console.log(JSON.stringify({ ok: true, peer: got })); process.exit(0); });
s.on('error', (e) => { console.log(JSON.stringify({ ok: false, error: e.code })); process.exit(0); });
`;

/**
 * Starts the service on `address`, which must already be the servers' (startTestHost puts the
 * test host's own on their loopback; a host on the link puts its address on their veth end).
 */
export async function serveOn(names: Names, logFile: string, address: string): Promise<Daemon> {
  const daemon = startDaemon(
    `test host ${address}`,
    'ip',
    ['netns', 'exec', names.serverNetns, process.execPath, '-e', serverScript(address)],
    { logFile },
  );
  await waitFor(`the test host ${address}`, async () => (await probeTestHost(names, address)).ok);
  return daemon;
}

export async function startTestHost(names: Names, logFile: string): Promise<Daemon> {
  await run('ip', ['-n', names.serverNetns, 'addr', 'add', `${testHostAddress}/32`, 'dev', 'lo']);
  return serveOn(names, logFile, testHostAddress);
}

/** The test host's service on its IPv6 address (the link must have IPv6: ipv6-link.ts). */
export async function startTestHost6(names: Names, logFile: string): Promise<Daemon> {
  const add = ['-n', names.serverNetns, '-6', 'addr', 'add', `${testHostAddress6}/128`];
  await run('ip', [...add, 'dev', 'lo', 'nodad']);
  return serveOn(names, logFile, testHostAddress6);
}

/** A TCP connection from NetworkManager's network namespace to the test host (or another). */
export async function probeTestHost(names: Names, address = testHostAddress): Promise<Probe> {
  const out = await run('ip', [
    'netns',
    'exec',
    names.nmNetns,
    process.execPath,
    '-e',
    probeScript(address),
  ]);
  return JSON.parse(out) as Probe;
}
