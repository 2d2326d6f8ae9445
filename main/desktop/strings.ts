/**
 * Every sentence the shell shows (tray menu, tooltip, notifications), in one place ready for
 * translation, as the renderer's catalogue is for the windows.
 */
export const strings = {
  appName: 'Tunnelbar',
  menu: {
    nmNotRunning: 'NetworkManager is not running',
    noProfiles: 'No VPN profiles yet',
    more: (hidden: number) => `More… (${hidden} more)`,
    lockdown: 'Lockdown (block traffic without VPN)',
    editor: 'Connection editor…',
    quit: 'Quit',
  },
  state: {
    connecting: 'connecting…',
    needsSecrets: 'waiting for the password',
    connected: 'connected',
    disconnecting: 'disconnecting…',
    failed: 'failed',
    reconnecting: (summary: string) => `reconnecting, ${summary}`,
  },
  tooltip: {
    nmDown: 'Tunnelbar: NetworkManager is not running',
    idle: 'Tunnelbar: no VPN connected',
    busy: (names: string) => `Tunnelbar: ${names} in progress…`,
    connected: (names: string) => `Tunnelbar: ${names} connected`,
    failed: (names: string) => `Tunnelbar: ${names} failed`,
    reconnecting: (lines: string) => `Tunnelbar: reconnecting ${lines}`,
    blocked: 'Tunnelbar: lockdown is on and no VPN is connected: traffic is blocked',
  },
  notify: {
    connectedTitle: (name: string) => `VPN “${name}” connected`,
    connectedBody: (address: string | null) =>
      address === null ? 'The tunnel is up.' : `Your address in the tunnel is ${address}.`,
    disconnectedTitle: (name: string) => `VPN “${name}” disconnected`,
    disconnectedBody: 'The tunnel went down. Connect again from the tray icon.',
    failedTitle: (name: string) => `VPN “${name}” failed`,
    failedTail: 'The connection editor shows the details and the plugin’s log.',
    reconnectedTitle: (name: string) => `VPN “${name}” reconnected`,
    reconnectedBody: (attempts: number, address: string | null) =>
      `Back after ${attempts === 1 ? 'one attempt' : `${attempts} attempts`}${address === null ? '' : `; your address in the tunnel is ${address}`}.`,
    gaveUpTitle: (name: string) => `VPN “${name}” could not be reconnected`,
    gaveUpTail: 'Tunnelbar stopped trying; connect it again from the tray icon.',
    refusedTitle: (name: string) => `VPN “${name}” could not start`,
    lockdownOnFailedTitle: 'Lockdown was not turned on',
    lockdownOffFailedTitle: 'Lockdown was not turned off',
    lockdownOnTitle: 'Lockdown is on',
    lockdownOnBody: 'Without a connected VPN, no traffic leaves this computer.',
    lockdownUnresolved: (names: string) =>
      `These VPNs cannot connect under lockdown (their servers could not be resolved): ${names}.`,
    importedTitle: (added: number) =>
      added === 1 ? 'One VPN profile imported' : `${added} VPN profiles imported`,
    importProblemsTitle: (notAdded: number) =>
      notAdded === 1 ? 'A file was not imported' : `${notAdded} files were not imported`,
    importedNames: (names: string) => `Added: ${names}.`,
    alreadyThere: (file: string, id: string) => `${file} is already there as “${id}”.`,
    importStopped: (why: string) => `The import stopped: ${why}`,
  },
  dialog: {
    startFailedTitle: 'Tunnelbar cannot start',
    exportTitle: 'Export VPN profile',
    exportButton: 'Export',
    ovpnFilter: 'OpenVPN configuration',
    wgFilter: 'WireGuard (wg-quick) configuration',
  },
} as const;
