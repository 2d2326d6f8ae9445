import { defineStrings, fmt } from '../i18n/define';

/**
 * Every sentence the shell shows (tray menu, tooltip, notifications), in English: the source of
 * the `desktop.` ids in locales/ (see renderer/strings.ts for how texts and `fmt` messages work).
 */
const english = {
  appName: 'Tunnelbar',
  menu: {
    nmNotRunning: 'NetworkManager is not running',
    noProfiles: 'No VPN profiles yet',
    more: fmt('More… ({hidden, number} more)', (hidden: number) => ({ hidden })),
    lockdown: 'Lockdown (block traffic without VPN)',
    lockdownLan: 'Allow the local network',
    editor: 'Connection editor…',
    quit: 'Quit',
  },
  state: {
    connecting: 'connecting…',
    needsSecrets: 'waiting for the password',
    connected: 'connected',
    disconnecting: 'disconnecting…',
    failed: 'failed',
    reconnecting: fmt('reconnecting, {summary}', (summary: string) => ({ summary })),
  },
  tooltip: {
    nmDown: 'Tunnelbar: NetworkManager is not running',
    idle: 'Tunnelbar: no VPN connected',
    busy: fmt('Tunnelbar: {names} in progress…', (names: string) => ({ names })),
    connected: fmt('Tunnelbar: {names} connected', (names: string) => ({ names })),
    failed: fmt('Tunnelbar: {names} failed', (names: string) => ({ names })),
    reconnecting: fmt('Tunnelbar: reconnecting {lines}', (lines: string) => ({ lines })),
    blocked: 'Tunnelbar: lockdown is on and no VPN is connected: traffic is blocked',
  },
  notify: {
    connectedTitle: fmt('VPN “{name}” connected', (name: string) => ({ name })),
    connectedBody: fmt(
      '{address, select, none {The tunnel is up.} other {Your address in the tunnel is {address}.}}',
      (address: string | null) => ({ address: address ?? 'none' }),
    ),
    disconnectedTitle: fmt('VPN “{name}” disconnected', (name: string) => ({ name })),
    disconnectedBody: 'The tunnel went down. Connect again from the tray icon.',
    failedTitle: fmt('VPN “{name}” failed', (name: string) => ({ name })),
    failedTail: 'The connection editor shows the details and the plugin’s log.',
    reconnectedTitle: fmt('VPN “{name}” reconnected', (name: string) => ({ name })),
    reconnectedBody: fmt(
      'Back after {attempts, plural, one {one attempt} other {# attempts}}{address, select, none {} other {; your address in the tunnel is {address}}}.',
      (attempts: number, address: string | null) => ({ attempts, address: address ?? 'none' }),
    ),
    gaveUpTitle: fmt('VPN “{name}” could not be reconnected', (name: string) => ({ name })),
    gaveUpTail: 'Tunnelbar stopped trying; connect it again from the tray icon.',
    refusedTitle: fmt('VPN “{name}” could not start', (name: string) => ({ name })),
    lockdownOnFailedTitle: 'Lockdown was not turned on',
    lockdownOffFailedTitle: 'Lockdown was not turned off',
    lockdownLanFailedTitle: 'Lockdown’s local network setting was not changed',
    lockdownOnTitle: 'Lockdown is on',
    lockdownOnBody: 'Without a connected VPN, no traffic leaves this computer.',
    lockdownOnBodyLan:
      'Without a connected VPN, no traffic leaves this computer, and the local network is blocked too (but for the router).',
    lockdownNoHook:
      'After a reconnect or a restart, the local network is blocked again only once Tunnelbar runs, unless an administrator runs `sudo tunnelbar lockdown hook install`.',
    lockdownUnresolvedTitle: 'Some VPNs cannot connect under lockdown',
    lockdownRoutesFailedTitle: 'Lockdown cannot open the way to the VPN servers',
    lockdownUnresolved: fmt(
      'These VPNs cannot connect under lockdown (their servers could not be resolved): {names}.',
      (names: string) => ({ names }),
    ),
    importedTitle: fmt(
      '{added, plural, one {One VPN profile imported} other {# VPN profiles imported}}',
      (added: number) => ({ added }),
    ),
    importProblemsTitle: fmt(
      '{notAdded, plural, one {A file was not imported} other {# files were not imported}}',
      (notAdded: number) => ({ notAdded }),
    ),
    importedNames: fmt('Added: {names}.', (names: string) => ({ names })),
    alreadyThere: fmt('{file} is already there as “{id}”.', (file: string, id: string) => ({
      file,
      id,
    })),
    importStopped: fmt('The import stopped: {why}', (why: string) => ({ why })),
  },
  dialog: {
    startFailedTitle: 'Tunnelbar cannot start',
    exportTitle: 'Export VPN profile',
    exportButton: 'Export',
    ovpnFilter: 'OpenVPN configuration',
    wgFilter: 'WireGuard (wg-quick) configuration',
  },
} as const;

export const strings = defineStrings('desktop', english);
