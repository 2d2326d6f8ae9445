import { defineStrings, fmt } from '../main/i18n/define';

/**
 * Every word the renderer shows, in English: the source catalogue (`npm run i18n:extract` copies
 * it to locales/en.json for translators; locales/<lang>.json translate it by id, `renderer.` and
 * the path). Texts are plain strings; sentences with values are `fmt` ICU messages, so a
 * translation can put each value where its grammar wants it and has its own plural rules.
 * NetworkManager's reason sentences come from main (main/nm/reasons.ts) and are shown as given.
 */
const english = {
  appTitle: 'Tunnelbar',
  noApi:
    'Tunnelbar’s link to its main process is missing. This page only works inside Tunnelbar or its test harness.',
  loading: 'Loading VPN profiles…',
  autostart: {
    label: 'Start Tunnelbar when I log in',
    failed: fmt('The login setting could not be changed: {sentence}', (sentence: string) => ({
      sentence,
    })),
  },
  reconnect: {
    label: 'Reconnect when a VPN drops',
    failed: fmt('The reconnect setting could not be changed: {sentence}', (sentence: string) => ({
      sentence,
    })),
    profileLabel: 'Reconnect when the connection drops',
    follow: 'As the app setting says',
    always: 'Yes',
    never: 'No',
  },
  loadFailed: fmt('Tunnelbar could not load its state: {sentence}', (sentence: string) => ({
    sentence,
  })),
  lockdown: {
    label: 'Lockdown (block traffic without VPN)',
    hint: 'While on, nothing leaves this computer except through a connected VPN (and to the local network, if allowed). It stays on when Tunnelbar is closed and after a restart.',
    unknown: 'Lockdown’s state is unknown while NetworkManager is not running.',
    turningOn: 'Turning lockdown on…',
    turningOff: 'Turning lockdown off…',
    allowLan: 'Allow the local network',
    allowLanHint:
      'Tick to keep printers, file shares and other devices on the networks this computer is directly on reachable. Unticked (the default), they are blocked too: only the router (gateway) and VPN servers there stay reachable, and a DNS server elsewhere on the local network can no longer be used.',
    changingLan: 'Changing lockdown…',
    blockedLan:
      'Lockdown is on: without a connected VPN, no traffic leaves this computer, and the local network is blocked too (but for the router).',
    blocked: 'Lockdown is on: without a connected VPN, no traffic leaves this computer.',
    noHook:
      'After a reconnect or a restart, the local network is blocked again only once Tunnelbar runs. An administrator makes the block hold without Tunnelbar by running `sudo tunnelbar lockdown hook install` once.',
    unresolvedTitle:
      'These VPNs cannot connect under lockdown: their servers could not be resolved.',
    unresolved: fmt('{id} ({host}): {error}', (id: string, host: string, error: string) => ({
      id,
      host,
      error,
    })),
    failed: fmt('Lockdown was not changed: {sentence}', (sentence: string) => ({ sentence })),
    dismiss: 'Close',
  },
  dnsStatus: {
    title: 'DNS',
    loading: 'Reading NetworkManager’s DNS configuration…',
    failed: fmt('The DNS configuration could not be read: {sentence}', (sentence: string) => ({
      sentence,
    })),
    mode: fmt(
      'NetworkManager’s DNS mode: {mode}, resolv.conf: {rcManager}',
      (mode: string, rcManager: string) => ({
        mode,
        rcManager,
      }),
    ),
    none: 'NetworkManager gives no DNS servers now.',
    servers: 'Servers',
    domains: 'Domains',
    link: 'Link',
    general: 'Other names',
    generalYes: 'yes',
    generalNo: 'no',
    vpn: 'VPN',
    noDomains: '—',
    leakTitle: 'DNS leak',
    leak: fmt(
      '“{id}” carries all your traffic, but the resolver of {links} still gets DNS queries, so they leave outside the tunnel.',
      (id: string, links: string) => ({ id, links }),
    ),
    fix: fmt('Send all DNS through “{id}”', (id: string) => ({ id })),
    fixHint: 'Sets “Send all DNS queries through this VPN” for it and reconnects it.',
    fixing: 'Reconnecting with all DNS through the VPN…',
    fixFailed: fmt('The leak could not be fixed: {sentence}', (sentence: string) => ({ sentence })),
  },
  dnsRouting: {
    legend: 'DNS of this VPN (IPv4 and IPv6)',
    allThroughVpn: 'Send all DNS queries through this VPN',
    ownDomains: 'Use this VPN’s DNS only for its own domains',
    hint: 'Neither ticked: as the VPN’s settings say. Takes effect when the VPN next connects.',
  },

  nm: {
    notRunningTitle: 'NetworkManager is not running',
    notRunningBody:
      'VPNs cannot be connected and their status is unknown until it starts again (for example with `systemctl start NetworkManager`). This notice goes away by itself.',
    busLostTitle: 'The system bus went away',
    busLostBody:
      'Tunnelbar cannot reach NetworkManager and is reconnecting (the D-Bus daemon stopped or restarted). The status of the VPNs shows again once it is back.',
    reconnected: 'Reconnected to the system bus.',
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
    noMatch: fmt('No profile matches “{query}”.', (query: string) => ({ query })),
    count: fmt(
      '{filtered, select, yes {{shown, number} of {total, plural, one {# profile} other {# profiles}}} other {{total, plural, one {# profile} other {# profiles}}}}',
      (shown: number, total: number) => ({
        shown,
        total,
        filtered: shown === total ? 'no' : 'yes',
      }),
    ),
    favourite: fmt('Favourite: {name}', (name: string) => ({ name })),
    noRemote: 'no server address',
    /** The row's checkbox, for bulk actions. */
    select: fmt('Select {name}', (name: string) => ({ name })),
    selectAllShown: 'Select all shown',
  },

  /** The bar over a selection of profiles (renderer/views/BulkBar.tsx). */
  bulk: {
    label: 'Selected profiles',
    count: fmt('{n, number} selected', (n: number) => ({ n })),
    delete: 'Delete',
    deleteConfirm: fmt(
      '{n, plural, one {Delete # profile?} other {Delete # profiles?}}',
      (n: number) => ({ n }),
    ),
    deleteWhat: 'They are removed from NetworkManager. This cannot be undone.',
    cancel: 'Cancel',
    userName: 'User name',
    userNameHint: 'Empty removes it',
    apply: 'Apply',
    neverDefault: 'Use only for resources on its network',
    on: 'On',
    off: 'Off',
    neverDefaultOn: 'Use only for resources on its network: on',
    neverDefaultOff: 'Use only for resources on its network: off',
    autoconnectOff: 'Autoconnect off',
    clear: 'Clear selection',
    dismiss: 'Dismiss',
    working: fmt(
      '{n, plural, one {Working on # profile…} other {Working on # profiles…}}',
      (n: number) => ({ n }),
    ),
    changed: fmt(
      '{action, select, deleted {Deleted} other {Changed}} {n, plural, one {# profile} other {# profiles}}',
      (n: number, deleted: boolean) => ({ n, action: deleted ? 'deleted' : 'changed' }),
    ),
    nothingToChange: 'Nothing to change: the selected profiles already had that setting.',
    failed: fmt(
      '{n, number} could not be {action, select, deleted {deleted} other {changed}}:',
      (n: number, deleted: boolean) => ({ n, action: deleted ? 'deleted' : 'changed' }),
    ),
    failure: fmt('{name}: {sentence}', (name: string, sentence: string) => ({ name, sentence })),
    refused: fmt('Nothing was changed: {sentence}', (sentence: string) => ({ sentence })),
  },

  importView: {
    pickFiles: 'Import…',
    pickFolder: 'Import folder…',
    filesInput: 'Profile files to import',
    folderInput: 'Folder to import',
    dropHint: 'Drop .ovpn or WireGuard .conf files, or a folder of them, to import',
    title: 'Import',
    reading: 'Reading the files…',
    starting: 'Starting…',
    progressLabel: 'Import progress',
    progress: fmt(
      '{done, number} of {total, plural, one {# file} other {# files}}',
      (done: number, total: number) => ({ done, total }),
    ),
    counts: fmt(
      '{added, number} added, {duplicates, number} already there, {failed, number} failed',
      (added: number, duplicates: number, failed: number) => ({ added, duplicates, failed }),
    ),
    stopped: fmt('The import stopped early: {sentence}', (sentence: string) => ({ sentence })),
    failed: fmt('Nothing was imported: {sentence}', (sentence: string) => ({ sentence })),
    tooLarge:
      'These files are larger than 256 MiB together, more than one import takes. Import fewer at a time.',
    fileTooLarge: fmt(
      '{path}: larger than 3 MiB, so it was not sent; a VPN profile or certificate is much smaller.',
      (path: string) => ({ path }),
    ),
    fileUnreadable: fmt(
      '{path}: the file could not be read; check that it is still there and readable.',
      (path: string) => ({ path }),
    ),
    onlyProblems: 'Show only files with problems',
    noProblems: 'No file had a problem.',
    filesLabel: 'Imported files',
    status: fmt(
      '{status, select, added {Added as “{id}”} duplicate {Already there as “{id}”, not added again} other {Failed}}',
      (status: 'added' | 'duplicate' | 'failed', id: string | null) => ({ status, id: id ?? '' }),
    ),
    warnings: fmt('Warnings for {file}', (file: string) => ({ file })),
    repairs: fmt('Repairs for {file}', (file: string) => ({ file })),
    close: 'Close',
    stop: 'Stop',
    stopping: 'Stopping…',
  },

  exportView: {
    export: 'Export…',
    exporting: 'Exporting…',
    unsupported: 'Only OpenVPN and WireGuard profiles can be exported.',
    saved: fmt('Saved to {path}', (path: string) => ({ path })),
    warnings: 'Not in the exported file',
    failed: fmt('The profile was not exported: {sentence}', (sentence: string) => ({ sentence })),
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
    /** "attempt 3, next at 14:02:31" (preload/reconnect-view.ts). */
    reconnecting: fmt('Reconnecting: {summary}', (summary: string) => ({ summary })),
  },

  status: {
    panelLabel: 'Status',
    nothingSelected: 'Select a VPN profile to see its status.',
    typeAndRemote: fmt('{type} · {remote}', (type: string, remote: string) => ({ type, remote })),
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
    dropped: 'Why it dropped',
    noSecretsPerUser:
      'If it was started automatically (at boot, or with a network connection before you logged in): its password is kept per user, and only a logged-in user can give it. To connect it automatically before login, store the password for all users on the editor’s General page.',
    reconnectingHint:
      'The VPN went down without anyone asking; Tunnelbar brings it back. Switch it off to stop trying.',
    actionFailed: 'That did not work',
    hint: 'Use the switch next to the profile’s name to connect.',
  },

  diagnostics: {
    show: 'Show diagnostics',
    hide: 'Hide diagnostics',
    title: 'Recent log lines of the VPN plugin',
    loading: 'Reading the log…',
    empty: 'The log has no lines for this VPN.',
    failed: fmt('The log could not be read: {sentence}', (sentence: string) => ({ sentence })),
    copy: 'Copy diagnostics',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying was not allowed; the lines are selected, press Ctrl+C to copy them.',
  },

  prompt: {
    title: fmt('Connect to {name}', (name: string) => ({ name })),
    rejected: 'The previous password was rejected. Check it and try again.',
    challenge: 'The server asks:',
    save: 'Save password',
    connect: 'Connect',
    cancel: 'Cancel',
    sending: 'Sending…',
    gone: 'This request is no longer open: it was answered elsewhere or NetworkManager withdrew it.',
    waiting: 'Waiting for NetworkManager’s request…',
    failed: fmt('The answer could not be sent: {sentence}', (sentence: string) => ({ sentence })),
  },

  /** The OpenVPN pages of the editor beyond the main one, and the certificate fields. */
  ovpn: {
    advanced: 'Advanced',
    security: 'Security',
    tls: 'TLS authentication',
    proxies: 'Proxies',

    choose: 'Choose…',
    chooseFor: fmt('Choose a file for {label}', (label: string) => ({ label })),
    fileFor: fmt('{label} file', (label: string) => ({ label })),
    storing: 'Keeping the file…',
    reading: 'Reading the file…',
    storeFailed: fmt('The file was not kept: {sentence}', (sentence: string) => ({ sentence })),
    tooLarge: fmt(
      '“{name}” is larger than 1 MiB, far too large for a certificate or key; choose the right file.',
      (name: string) => ({ name }),
    ),
    certificate: fmt('{subject}, issued by {issuer}', (subject: string, issuer: string) => ({
      subject,
      issuer,
    })),
    validUntil: fmt('valid until {date}', (date: string) => ({ date })),
    expired: fmt(
      'expired on {date}: the server will refuse it; get a new certificate from your VPN provider',
      (date: string) => ({ date }),
    ),
    notYetValid: fmt('not valid before {date}: check this computer’s clock', (date: string) => ({
      date,
    })),
    certificates: fmt('{n, plural, one {# certificate} other {# certificates}}', (n: number) => ({
      n,
    })),
    privateKey: 'Private key, not encrypted',
    encryptedKey: 'Encrypted private key: enter its password below',
    pkcs12: 'PKCS#12 bundle (certificate and key together)',
    staticKey: 'OpenVPN static key',
    crlFile: 'Certificate revocation list',

    keyPassword: 'Private key password',
    keyPasswordStorage: 'Private key password storage',

    allowCompression: 'Allow compression',
    allowCompressionModes: {
      '': 'Default',
      yes: 'Yes',
      no: 'No: refuse compressed packets',
      asym: 'Receive compressed packets only',
    } as Readonly<Record<string, string>>,
    devType: 'Device type',
    devTypes: {
      '': 'Default (TUN)',
      tun: 'TUN (IP packets)',
      tap: 'TAP (Ethernet frames)',
    } as Readonly<Record<string, string>>,
    devName: 'Device name',
    devNameHint: 'for example tun-work; empty: the system picks one',
    fragment: 'Fragment packets larger than (bytes, UDP)',
    mssfix: 'Limit TCP segment size (mssfix)',
    mssfixHint: 'yes, or a packet size in bytes',
    mtuDisc: 'Path MTU discovery',
    mtuDiscModes: {
      '': 'Default',
      no: 'Never',
      maybe: 'Where the route allows it',
      yes: 'Always',
    } as Readonly<Record<string, string>>,
    float: 'Accept packets when the server’s address changes (float)',
    remoteRandom: 'Try the gateways in random order',
    remoteRandomHostname: 'Add a random prefix to gateway host names',
    tunIpv6: 'Carry IPv6 in the tunnel (obsolete tun-ipv6)',
    maxRoutes: 'Most routes accepted from the server',
    connectTimeout: 'Connection timeout (seconds)',
    ping: 'Ping interval (seconds)',
    pingAction: 'When the server stops answering',
    pingActions: {
      '': 'Default',
      'ping-restart': 'Restart the connection',
      'ping-exit': 'Disconnect',
    } as Readonly<Record<string, string>>,
    pingWait: 'Seconds without an answer',
    pushPeerInfo: 'Send this computer’s details to the server (push-peer-info)',
    allowPullFqdn: 'Accept host names from the server for routes and addresses',

    cipherHint: 'for example AES-256-GCM; empty: negotiated with the server',
    dataCiphersHint: 'separated by colons, for example AES-256-GCM:AES-128-GCM',
    ncpDisable: 'Do not negotiate the cipher (ncp-disable)',
    keysize: 'Key size (bits)',
    tlsCipher: 'TLS control channel ciphers',
    tlsCipherHint: 'separated by colons; empty: OpenVPN’s default',
    tlsVersionMin: 'Minimum TLS version',
    tlsVersionMax: 'Maximum TLS version',
    orHighest: 'Or the highest version this computer supports',
    versionDefault: 'Default',

    nsCertType: 'Netscape certificate type (obsolete)',
    tlsRemote: 'Legacy subject match (tls-remote)',
    extraCerts: 'Extra certificates',
    crl: 'Certificate revocation list',
    crlModes: {
      none: 'None',
      file: 'A file',
      dir: 'A folder of CRL files',
    } as Readonly<Record<string, string>>,
    crlFileField: 'CRL file',
    crlDir: 'CRL folder',

    proxyType: 'Proxy type',
    proxyTypes: { none: 'None', http: 'HTTP', socks: 'SOCKS' } as Readonly<Record<string, string>>,
    proxyServer: 'Proxy server',
    proxyPort: 'Proxy port',
    proxyPortHint: 'empty: 8080 for HTTP, 1080 for SOCKS',
    proxyRetry: 'Keep retrying when the proxy fails',
    proxyUser: 'Proxy user name',
    proxyPassword: 'Proxy password',
    proxyPasswordStorage: 'Proxy password storage',

    errors: {
      absolutePath: 'Give the full path, starting with /.',
      range: fmt('Enter a whole number from {min} to {max}.', (min: number, max: number) => ({
        min,
        max,
      })),
      mssfix: 'Enter yes, or a size in bytes from 0 to 65535.',
      proxyServer: 'Enter the proxy’s host name or address.',
      ipv4: 'Enter an IPv4 address, for example 10.8.0.1.',
      tlsRemoteAndVerify:
        'Use either this or “Verify the server’s certificate name”, not both: clear one of them.',
    },
  },

  editor: {
    add: 'Add',
    edit: 'Edit',
    delete: 'Delete',
    deleteConfirm: fmt('Delete the profile “{name}”? This cannot be undone.', (name: string) => ({
      name,
    })),
    deleteYes: 'Delete profile',
    deleteNo: 'Keep it',
    deleteFailed: fmt('The profile could not be deleted: {sentence}', (sentence: string) => ({
      sentence,
    })),
    newTitle: 'New VPN profile',
    newType: 'VPN type',
    newOther: 'Another plugin',
    serviceType: 'Plugin service name',
    serviceTypeHint: 'For example org.freedesktop.NetworkManager.openconnect',
    create: 'Create',
    title: fmt('Edit {name}', (name: string) => ({ name })),
    loading: 'Reading the profile…',
    loadFailed: fmt('The profile could not be read: {sentence}', (sentence: string) => ({
      sentence,
    })),
    pages: 'Settings pages',
    general: 'General',
    vpnPage: 'VPN',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saveFailed: fmt('The profile was not saved: {sentence}', (sentence: string) => ({ sentence })),
    fixFields: 'Some fields need fixing; they are marked.',
    name: 'Name',
    autoconnect: 'Connect automatically',
    allUsers: 'Available to all users',
    allUsersHint: 'Off: only you can see, change and connect this VPN.',
    connectWith: 'Connect this VPN automatically with',
    connectWithHint: 'When one of these connections comes up, this VPN is started on top of it.',
    connectWithNone:
      'There are no other connections (Wi-Fi, Ethernet, …) to start this VPN with. Add one in your network settings first.',
    connectWithLoading: 'Reading the connections…',
    connectWithFailed: fmt('The connections could not be read: {sentence}', (sentence: string) => ({
      sentence,
    })),
    persistent: 'Keep the tunnel through server restarts',
    persistentHint:
      'NetworkManager’s vpn.persistent: the VPN stays active while its plugin reconnects by itself.',
    autoconnectRetries: 'Retries of an automatic connection',
    autoconnectRetriesHint:
      'NetworkManager’s connection.autoconnect-retries: 0 retries for ever; empty uses its default (4).',
    bootSafetyTitle: 'This VPN cannot connect automatically before you log in',
    bootSafety: fmt(
      'Its {secrets} is kept per user (in your keyring, or asked every time). Only a logged-in user can give it, so when NetworkManager starts this VPN at boot or with a network connection before anyone logs in, the attempt fails with “no secrets”.',
      (secrets: string) => ({ secrets }),
    ),
    bootSafetyStore: 'Store for all users',
    bootSafetyStoreHint:
      'NetworkManager then keeps it in the profile, readable by administrators only. Type it on the VPN page if it is not entered yet.',
    bootSafetyKeep: 'Keep per user',
    bootSafetyKept:
      'Kept per user: this VPN connects automatically only once you are logged in and Tunnelbar (or another agent) can give the password.',
    bootSafetyStored:
      'Stored for all users on save. Type the password on the VPN page so NetworkManager has it.',
    connectionTypes: {
      '802-3-ethernet': 'Ethernet',
      '802-11-wireless': 'Wi-Fi',
      'wifi-p2p': 'Wi-Fi P2P',
      gsm: 'Mobile broadband',
      cdma: 'Mobile broadband (CDMA)',
      bluetooth: 'Bluetooth',
      pppoe: 'DSL',
      adsl: 'ADSL',
      infiniband: 'InfiniBand',
      bond: 'Bond',
      bridge: 'Bridge',
      team: 'Team',
      vlan: 'VLAN',
      macvlan: 'MACVLAN',
      vxlan: 'VXLAN',
      'ip-tunnel': 'IP tunnel',
      tun: 'TUN/TAP',
      dummy: 'Dummy',
      vrf: 'VRF',
    } as Readonly<Record<string, string>>,

    gateway: 'Gateway',
    gatewayHint: 'host, host:port or host:port:udp|tcp; several separated by commas',
    authType: 'Authentication type',
    auth: {
      tls: 'Certificates (TLS)',
      password: 'Password',
      'password-tls': 'Password with certificates (TLS)',
      'static-key': 'Static key',
    } as Readonly<Record<string, string>>,
    ca: 'CA certificate',
    cert: 'User certificate',
    key: 'Private key',
    staticKey: 'Static key',
    keyDirection: 'Key direction',
    directionNone: 'None',
    remoteIp: 'Remote IP address',
    localIp: 'Local IP address',
    userName: 'User name',
    password: 'Password',
    passwordKeep: 'Unchanged; type to replace',
    passwordStorage: 'Password storage',
    storage: {
      '1': 'Store for this user only',
      '0': 'Store for all users',
      '2': 'Ask every time',
      '4': 'Not required',
    } as Readonly<Record<string, string>>,
    advanced: 'Advanced',
    port: 'Port',
    useTcp: 'Use a TCP connection',
    cipher: 'Cipher',
    dataCiphers: 'Data ciphers',
    hmac: 'HMAC authentication',
    compression: 'Compression',
    compressionOff: 'Off',
    /** vpn.data compress=yes: a bare --compress, framing only; the server may push an algorithm. */
    compressionFraming: 'Framing only (the server may choose)',
    mtu: 'MTU',
    reneg: 'Renegotiation interval (seconds)',
    tlsKeyMode: 'Additional TLS authentication',
    tlsModes: {
      none: 'None',
      'tls-auth': 'TLS auth',
      'tls-crypt': 'TLS crypt',
      'tls-crypt-v2': 'TLS crypt v2',
    } as Readonly<Record<string, string>>,
    tlsKey: 'Key file',
    verifyName: 'Verify the server’s certificate name',
    verifyNameHint: 'type:name, for example name:vpn.example.com',
    remoteCertTls: 'Server certificate usage',
    remoteCertNone: 'Not checked',
    remoteCertServer: 'Server',
    remoteCertClient: 'Client',
    defaultValue: 'Default',

    privateKey: 'Private key',
    privateKeySet: 'Stored',
    privateKeyUnknown: 'Stored, or not set; it is never shown',
    privateKeyNone: 'Not set',
    publicKey: 'This profile’s public key',
    keyKeep: 'Keep the stored key',
    keyGenerate: 'Generate a new key on save',
    keySet: 'Enter a key',
    newPrivateKey: 'New private key',
    listenPort: 'Listen port',
    listenPortHint: 'Empty or 0: a random port',
    fwmark: 'Firewall mark',
    peers: 'Peers',
    peer: fmt('Peer {n}', (n: number) => ({ n })),
    peerPublicKey: 'Public key',
    peerPsk: 'Preshared key',
    peerPskKeep: 'Unchanged; type to replace',
    allowedIps: 'Allowed IPs',
    endpoint: 'Endpoint',
    keepalive: 'Persistent keepalive (seconds)',
    addPeer: 'Add peer',
    removePeer: fmt('Remove peer {n}', (n: number) => ({ n })),

    pluginData: 'Plugin settings (vpn.data)',
    pluginHint:
      'Every setting of the plugin as it is stored. Keys ending in -flags say where a secret is kept (0 all users, 1 this user, 2 ask every time, 4 not required).',
    dataKey: fmt('Key {n}', (n: number) => ({ n })),
    dataValue: fmt('Value {n}', (n: number) => ({ n })),
    addEntry: 'Add setting',
    removeEntry: fmt('Remove setting {n}', (n: number) => ({ n })),

    method: 'Method',
    methods: {
      auto: 'Automatic',
      manual: 'Manual',
      'link-local': 'Link-local only',
      disabled: 'Disabled',
      ignore: 'Ignore',
    } as Readonly<Record<string, string>>,
    addresses: 'Addresses',
    addressesHint: 'address/prefix, separated by commas',
    dns: 'DNS servers',
    listHint: 'separated by commas',
    dnsSearch: 'Search domains',
    routes: 'Routes',
    routeDest: fmt('Route {n} destination', (n: number) => ({ n })),
    routeNextHop: fmt('Route {n} next hop', (n: number) => ({ n })),
    routeMetric: fmt('Route {n} metric', (n: number) => ({ n })),
    addRoute: 'Add route',
    removeRoute: fmt('Remove route {n}', (n: number) => ({ n })),
    neverDefault: 'Use this connection only for resources on its network',
    ignoreAutoRoutes: 'Ignore automatically obtained routes',
    ignoreAutoDns: 'Ignore automatically obtained DNS servers and domains',

    errors: {
      required: 'This is needed.',
      name: 'Enter a name for the profile.',
      gateway: 'Enter the gateway’s address.',
      gatewayEntry: fmt(
        '“{entry}” is not host, host:port or host:port:protocol with a port from 1 to 65535 and udp or tcp.',
        (entry: string) => ({ entry }),
      ),
      port: 'Enter a port from 1 to 65535.',
      portOrZero: 'Enter a port from 0 to 65535.',
      number: 'Enter a whole number.',
      mtu: 'Enter an MTU from 576 to 65535.',
      wgKey: 'Enter a WireGuard key: 44 characters of base64.',
      endpoint: 'Enter host:port.',
      cidr: fmt(
        '“{entry}” is not an {family} address/prefix.',
        (family: string, entry: string) => ({ family, entry }),
      ),
      address: fmt('“{entry}” is not an {family} address.', (family: string, entry: string) => ({
        family,
        entry,
      })),
      dataKey: 'Enter a key.',
      dataKeyTwice: 'This key is there twice.',
      serviceType: 'Enter the plugin’s D-Bus service name.',
      manualNeedsAddress: 'The manual method needs at least one address.',
      verifyName:
        'Use name, name-prefix or subject before the colon, for example name:vpn.example.com.',
    },
    /** "Wired connection 1 (Ethernet)" */
    baseConnection: fmt('{name} ({type})', (name: string, type: string) => ({ name, type })),
  },
};

export const strings = defineStrings('renderer', english);

/** A VPN type as people know it; unknown plugins keep their short name. */
export function vpnTypeLabel(vpnType: string): string {
  return strings.vpnTypes[vpnType] ?? vpnType;
}

/** "Wired connection 1 (Ethernet)": a connection's name and its type as people know it. */
export function baseConnectionLabel(name: string, type: string): string {
  return strings.editor.baseConnection(name, strings.editor.connectionTypes[type] ?? type);
}
