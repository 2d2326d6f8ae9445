/**
 * Every word the renderer shows, in one place so a translation replaces this module and nothing
 * else. Sentences with values are functions, so a translation can put the value where its grammar
 * wants it. NetworkManager's reason sentences come from main (main/nm/reasons.ts) and are shown
 * as given.
 */
export const strings = {
  appTitle: 'Tunnelbar',
  noApi:
    'Tunnelbar’s link to its main process is missing. This page only works inside Tunnelbar or its test harness.',
  loading: 'Loading VPN profiles…',
  loadFailed: (sentence: string) => `Tunnelbar could not load its state: ${sentence}`,

  nm: {
    notRunningTitle: 'NetworkManager is not running',
    notRunningBody:
      'VPNs cannot be connected and their status is unknown until it starts again (for example with `systemctl start NetworkManager`). This notice goes away by itself.',
  },

  list: {
    label: 'VPN profiles',
    searchLabel: 'Search profiles',
    searchPlaceholder: 'Search by name, server or type',
    groupLabel: 'Group by',
    groupNone: 'Nothing',
    groupType: 'Type',
    groupProvider: 'Provider',
    favourites: 'Favourites',
    recent: 'Recent',
    all: 'All profiles',
    /** The group of profiles whose server is an address or unknown. */
    noProvider: 'Other',
    empty: 'There are no VPN profiles yet. Import or create one in NetworkManager.',
    nmDown: 'The profiles show again when NetworkManager is back.',
    noMatch: (query: string) => `No profile matches “${query}”.`,
    count: (shown: number, total: number) =>
      shown === total ? `${total} profiles` : `${shown} of ${total} profiles`,
    favourite: (name: string) => `Favourite: ${name}`,
    noRemote: 'no server address',
  },

  vpnTypes: {
    openvpn: 'OpenVPN',
    wireguard: 'WireGuard',
    openconnect: 'OpenConnect',
    vpnc: 'Cisco VPN (vpnc)',
    strongswan: 'strongSwan (IPsec)',
    libreswan: 'Libreswan (IPsec)',
    l2tp: 'L2TP',
    pptp: 'PPTP',
    fortisslvpn: 'Fortinet SSL VPN',
    sstp: 'SSTP',
  } as Readonly<Record<string, string>>,

  state: {
    disconnected: 'Disconnected',
    connecting: 'Connecting…',
    connectingStage: {
      prepare: 'Connecting: preparing…',
      connect: 'Connecting: reaching the server…',
      'ip-config': 'Connecting: getting an address…',
      activating: 'Connecting…',
    },
    needsSecrets: 'Waiting for a password…',
    connected: 'Connected',
    disconnecting: 'Disconnecting…',
    failed: 'Failed',
  },

  status: {
    panelLabel: 'Status',
    nothingSelected: 'Select a VPN profile to see its status.',
    typeAndRemote: (type: string, remote: string) => `${type} · ${remote}`,
    duration: 'Connected for',
    ipv4: 'IPv4',
    ipv6: 'IPv6',
    addresses: 'Addresses',
    gateway: 'Gateway',
    routes: 'Routes',
    routeDest: 'Destination',
    routeNextHop: 'Next hop',
    routeMetric: 'Metric',
    dns: 'DNS servers',
    domains: 'Domains',
    none: 'none',
    direct: 'direct',
    banner: 'Message from the server',
    failure: 'Why it failed',
    lastFailure: 'Why the last attempt failed',
    actionFailed: 'That did not work',
    hint: 'Use the switch next to the profile’s name to connect.',
  },

  diagnostics: {
    show: 'Show diagnostics',
    hide: 'Hide diagnostics',
    title: 'Recent log lines of the VPN plugin',
    loading: 'Reading the log…',
    empty: 'The log has no lines for this VPN.',
    failed: (sentence: string) => `The log could not be read: ${sentence}`,
    copy: 'Copy diagnostics',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying was not allowed; the lines are selected, press Ctrl+C to copy them.',
  },

  prompt: {
    title: (name: string) => `Connect to ${name}`,
    rejected: 'The previous password was rejected. Check it and try again.',
    challenge: 'The server asks:',
    save: 'Save password',
    connect: 'Connect',
    cancel: 'Cancel',
    sending: 'Sending…',
    gone: 'This request is no longer open: it was answered elsewhere or NetworkManager withdrew it.',
    waiting: 'Waiting for NetworkManager’s request…',
    failed: (sentence: string) => `The answer could not be sent: ${sentence}`,
  },
};

/** A VPN type as people know it; unknown plugins keep their short name. */
export function vpnTypeLabel(vpnType: string): string {
  return strings.vpnTypes[vpnType] ?? vpnType;
}
