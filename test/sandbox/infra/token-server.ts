// Starts anyconnect-token-login.mjs in the servers' namespace, with the sandbox's server
// certificate: an AnyConnect login that ends in a challenge openconnect answers from an HOTP token
// (`hotp`), or a SAML login in the external browser (`sso`). It only logs in:
// NetworkManager-openconnect's tunnel to it then fails, which the tests expect (the server logs
// whether that tunnel request brought a session cookie it issued).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon } from './daemon.js';
import { serverAddress } from './netns.js';
import type { Sandbox } from './sandbox.js';
import { GiveUp, waitFor } from './wait.js';

export interface TokenServer {
  gateway: string;
  username: string;
  password: string;
  /** The token's secret as the profile holds it (openconnect's `base32:` form). */
  tokenSecret: string;
  /** The counters of the codes the server accepted, in order. */
  accepted(): number[];
  /** How many codes it refused. */
  refused(): number;
  /** Every line of its log (`idp`, `sso accepted`, `tunnel known`, ...). */
  events(): string[];
  logFile: string;
  stop(): Promise<void>;
}

/** RFC 4226's test secret "12345678901234567890", in hex and in base32. */
const SECRET_HEX = '3132333435363738393031323334353637383930';
const SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export async function startTokenServer(
  sandbox: Sandbox,
  mode: 'hotp' | 'sso' = 'hotp',
  port = 4445,
): Promise<TokenServer> {
  const logFile = join(sandbox.dir, `token-server-${mode}.log`);
  const username = 'tunnelbar';
  const password = 'token-password';
  const script = join(__dirname, 'anyconnect-token-login.mjs');
  const { serverCert, serverKey } = sandbox.pki;
  const daemon = startDaemon(
    `token-server-${mode}`,
    'ip',
    [
      'netns',
      'exec',
      sandbox.names.serverNetns,
      process.execPath,
      script,
      mode,
      serverAddress,
      String(port),
      serverCert,
      serverKey,
      SECRET_HEX,
      username,
      password,
    ],
    { logFile },
  );
  const lines = (): string[] =>
    existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n') : [];
  await waitFor('token server', () => {
    if (!daemon.isRunning()) throw new GiveUp(`the token server exited, see ${logFile}`);
    return lines().includes('listening');
  });
  return {
    gateway: `${serverAddress}:${String(port)}`,
    username,
    password,
    tokenSecret: `base32:${SECRET_BASE32}`,
    accepted: () =>
      lines()
        .filter((l) => l.startsWith('accepted '))
        .map((l) => Number(l.slice('accepted '.length))),
    refused: () => lines().filter((l) => l.startsWith('refused')).length,
    events: lines,
    logFile,
    stop: () => daemon.stop(),
  };
}
