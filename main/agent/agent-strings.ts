import { defineStrings, fmt } from '../i18n/define';

/**
 * What the secret agent puts in a prompt (its title, sentence and field labels), in English: the
 * `agent.` ids in locales/. Built in main, shown by the window's prompt and `tunnelbar up --ask`.
 */
const english = {
  title: fmt('Secrets for {name}', (name: string) => ({ name })),
  challengeTitle: fmt('{name} asks for a code', (name: string) => ({ name })),
  authRequired: fmt('Authentication is required to connect to {name}.', (name: string) => ({
    name,
  })),
  passwordNeeded: fmt('A password is needed to connect to {name}.', (name: string) => ({ name })),
  wireguardKeyNeeded: fmt('A WireGuard key is needed to connect to {name}.', (name: string) => ({
    name,
  })),
  labels: {
    password: 'Password',
    'cert-pass': 'Private key passphrase',
    'http-proxy-password': 'HTTP proxy password',
    username: 'User name',
    'http-proxy-username': 'HTTP proxy user name',
    'private-key': 'Private key',
  } as Readonly<Record<string, string>>,
  presharedKey: 'Preshared key',
  code: 'Code',
  openconnect: {
    refused: fmt('The login to {name} was refused.', (name: string) => ({ name })),
    failed: fmt(
      'The login to {name} failed{why, select, none {.} other {: {why}}}',
      (name: string, why: string) => ({ name, why: why === '' ? 'none' : why }),
    ),
    missing:
      'The openconnect program is not installed (Debian/Ubuntu and Fedora package "openconnect").',
    browserWait:
      'Log in in the browser window that opened. Tunnelbar waits for the login to finish.',
  },
};

export const agentStrings = defineStrings('agent', english);
