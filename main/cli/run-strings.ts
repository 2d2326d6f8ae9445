import { defineStrings, fmt } from '../i18n/define';

/**
 * What `tunnelbar`'s commands print for people, in English: the `cli.run.` ids in locales/.
 * Reason words (`timeout`, `login-failed`) stay as they are: they are the words `--json` and the
 * exit paths use, and what a search finds.
 */
const english = {
  warning: fmt('warning: {text}', (text: string) => ({ text })),
  error: fmt('error: {text}', (text: string) => ({ text })),
  noneActive: 'No VPN is active.',
  pushedNotLearnt: fmt(
    '{name}: the domains its server pushed were not written into the profile: {reason}',
    (name: string, reason: string) => ({ name, reason }),
  ),
  already: fmt('{name}: already {state}', (name: string, state: string) => ({ name, state })),
  timedOut: fmt(
    'timeout: {name} did not connect within {seconds, number} s; the attempt was stopped.',
    (name: string, seconds: number) => ({ name, seconds }),
  ),
  notActive: fmt('{name} is not active.', (name: string) => ({ name })),
  stoppedByRequest: fmt('{name} was stopped by request; not reconnecting.', (name: string) => ({
    name,
  })),
  busLost: 'The system bus went away; reconnecting',
  busReconnected: 'Reconnected to the system bus',
  nmRunning: 'NetworkManager is running',
  nmStopped: 'NetworkManager stopped',
  nmWaiting: 'NetworkManager is not running; waiting for it',
  saved: fmt('{name}: saved to {path}', (name: string, path: string) => ({ name, path })),
  dns: {
    mode: fmt(
      'NetworkManager DNS mode {mode}, resolv.conf {rcManager}',
      (mode: string, rc: string) => ({
        mode,
        rcManager: rc,
      }),
    ),
    none: 'No DNS servers are configured.',
    noDomains: 'no domains',
    vpn: ' (VPN)',
    priority: fmt('priority {priority}', (priority: number) => ({ priority })),
    allNames: 'all names',
    ownDomains: 'its domains only',
    leak: fmt(
      'warning: {name} carries all traffic, but DNS queries still go to the resolvers of {links}. Fix: "Send all DNS queries through this VPN" in its DNS options, then reconnect.',
      (name: string, links: string) => ({ name, links }),
    ),
  },
  lockdown: {
    off: 'Lockdown is off.',
    on: 'Lockdown is on: nothing leaves this machine but through a VPN, to its servers, or to the local network.',
    onBlockLan:
      'Lockdown is on and blocks the local network too: nothing leaves this machine but through a VPN, to its servers, or to the gateway.',
    lanBlocked: fmt(
      'Local network blocked on {interface}: {subnets}; still reachable there: {open}',
      (iface: string, subnets: string, open: string) => ({ interface: iface, subnets, open }),
    ),
    nothing: 'nothing',
    pending:
      'Lockdown is on, but NetworkManager has not activated it yet: check `nmcli connection`.',
    cannotConnect: 'These profiles cannot connect under lockdown:',
    hookOn:
      "Lockdown's NetworkManager hook is installed: lockdown's routes come back without Tunnelbar running.",
    hookOff:
      "Lockdown's NetworkManager hook is not installed: after a link reconnects, lockdown's routes (the local network block among them) are back only once Tunnelbar runs (`sudo tunnelbar lockdown hook install` fixes that).",
    hookInstalled: fmt("Lockdown's NetworkManager hook is installed: {path}", (path: string) => ({
      path,
    })),
    hookRemoved: "Lockdown's NetworkManager hook is removed.",
    hookAbsent: "Lockdown's NetworkManager hook was not installed; nothing to remove.",
  },
};

export const runStrings = defineStrings('cli.run', english);
