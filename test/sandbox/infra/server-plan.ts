// What each OpenVPN server offers. Subnets, routes and DNS differ per server so that two tunnels
// can be up at once and a test can tell from the IP4 config which server it reached.
import { serverKinds, type ServerKind } from './names.js';
import { serverAddress } from './netns.js';
import type { Credentials, OpenvpnServer } from './types.js';

const plan: Record<ServerKind, Omit<OpenvpnServer, 'kind' | 'host'>> = {
  password: {
    port: 1194,
    subnet: '10.8.0.0/24',
    pushedRoute: '10.20.0.0/16',
    dns: '10.20.0.53',
    domain: 'password.tunnelbar.test',
  },
  cert: {
    port: 1195,
    subnet: '10.9.0.0/24',
    pushedRoute: '10.21.0.0/16',
    dns: '10.21.0.53',
    domain: 'cert.tunnelbar.test',
  },
  challenge: {
    port: 1196,
    subnet: '10.10.0.0/24',
    pushedRoute: '10.22.0.0/16',
    dns: '10.22.0.53',
    domain: 'challenge.tunnelbar.test',
  },
};

export function serverPlan(): Record<ServerKind, OpenvpnServer> {
  const entries = serverKinds.map((kind) => [kind, { kind, host: serverAddress, ...plan[kind] }]);
  return Object.fromEntries(entries) as Record<ServerKind, OpenvpnServer>;
}

/** Fixed values: a person using `npm run sandbox` needs to be able to type them. */
export const credentials: Credentials = {
  username: 'tunnelbar',
  password: 'sandbox-password',
  otp: '424242',
  challengeQuestion: 'Enter the 6-digit code',
};
