import { defineStrings, fmt } from '../i18n/define';

/**
 * Why a .ovpn or wg-quick file was rejected, what was repaired or dropped on import, and why a
 * file could not be read, in English: the `import.` ids in locales/. Directive and key names
 * (`"proto"`, `PublicKey`, `[Peer]`) stay as they are written in the files.
 */
const english = {
  /** `the 2nd argument`: the ordinal in words a language puts it. */
  argument: fmt(
    'the {i, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} argument of "{name}"',
    (i: number, name: string) => ({ i, name }),
  ),
  ovpn: {
    noArguments: fmt('"{name}" takes no arguments', (name: string) => ({ name })),
    exactArguments: fmt(
      '"{name}" takes exactly {n, plural, one {# argument} other {# arguments}}',
      (name: string, n: number) => ({ name, n }),
    ),
    argumentRange: fmt(
      '"{name}" takes between {min} and {max} arguments',
      (name: string, min: number, max: number) => ({ name, min: String(min), max: String(max) }),
    ),
    empty: fmt('{argument} cannot be empty', (argument: string) => ({ argument })),
    notUtf8: fmt('{argument} is not valid UTF-8', (argument: string) => ({ argument })),
    notInRange: fmt(
      '{argument} must be a number from {min} to {max}, not "{value}"',
      (argument: string, min: bigint, max: bigint, value: string) => ({
        argument,
        min: min.toString(),
        max: max.toString(),
        value,
      }),
    ),
    keyDirection: fmt(
      'the key direction ({argument}) must be 0 or 1, not "{value}"',
      (argument: string, value: string) => ({ argument, value }),
    ),
    accepts: fmt(
      '"{name}" accepts {allowed}, not "{value}"',
      (name: string, allowed: string, value: string) => ({ name, allowed, value }),
    ),
    proto: fmt(
      '"{name}" expects a protocol such as "udp" or "tcp", not "{value}"',
      (name: string, value: string) => ({ name, value }),
    ),
    compLzo: fmt(
      '"comp-lzo" accepts "yes", "no" or "adaptive", not "{value}"',
      (value: string) => ({
        value,
      }),
    ),
    tlsVersionMin: fmt('invalid keyword "{word}" in "tls-version-min"', (word: string) => ({
      word,
    })),
    verifyX509: fmt(
      '"verify-x509-name" type must be "subject", "name" or "name-prefix", not "{type}"',
      (type: string) => ({ type }),
    ),
    remoteSpace: '"remote" host cannot contain a space',
    remoteComma: '"remote" host cannot contain a comma',
    proxyAuthMethod: fmt(
      'the proxy authentication method "{method}" is not imported (NetworkManager uses "auto")',
      (method: string) => ({ method }),
    ),
    crlDir: '"crl-verify" accepts only "dir" after the path',
    emptyName: 'the file name gives an empty connection name',
    blockUnsupported: fmt(
      "the inline block '<'{tag}> is not supported by NetworkManager-openvpn",
      (tag: string) => ({ tag }),
    ),
    blockUnclosed: fmt("the inline block '<'{tag}> has no '<'/{tag}>", (tag: string) => ({ tag })),
    encryptedKey:
      'the inline private key is encrypted; as with nmcli, cert-pass-flags is left unset, so the key password is asked for and saved by NetworkManager when connecting',
    unterminatedQuote: fmt(
      'unterminated {quote, select, double {double quote} other {single quote}} at position {position}',
      (double: boolean, position: number) => ({
        quote: double ? 'double' : 'single',
        position: String(position),
      }),
    ),
    trailingBackslash: fmt(
      'trailing escaping backslash at position {position}',
      (position: number) => ({ position: String(position) }),
    ),
    invalid: fmt('not a valid OpenVPN client configuration: {why}', (why: string) => ({ why })),
    missingDirective: fmt('it has no "{name}"', (name: string) => ({ name })),
    notPkcs12: fmt('the "{name}" file cannot be PKCS#12', (name: string) => ({ name })),
    noClientOrSecret: 'it has neither "client" nor "secret"',
    pkcs12WithCert: '"pkcs12" cannot be combined with "cert" or "key"',
    certWithoutKey: '"cert" and "key" must be given together',
    fileUnusable: fmt(
      'the file named by "{directive}" cannot be used: {why}',
      (directive: string, why: string) => ({ directive, why }),
    ),
    fileMissing: fmt(
      'the file "{path}" cannot be read; the profile keeps the path, but connecting fails until the file is there',
      (path: string) => ({ path }),
    ),
    proxyNotInFolder: 'it is not in the folder of this file',
    proxyLink: 'it is a symbolic link',
    proxyUnreadable: fmt(
      'cannot read the proxy authentication file "{path}"{why, select, none {} other {: {why}}}',
      (path: string, why: string | null) => ({ path, why: why ?? 'none' }),
    ),
    proxyLines: fmt(
      'the proxy authentication file "{path}" must hold a user name line and a password line',
      (path: string) => ({ path }),
    ),
    proxyUtf8: fmt('the user name and password in "{path}" must be UTF-8', (path: string) => ({
      path,
    })),
  },
  repair: {
    compressStub:
      '"compress stub" is not accepted by NetworkManager-openvpn 1.10.2; imported as a bare "compress", which OpenVPN treats as the same stub (no compression, same framing)',
    compressStubV2:
      '"compress stub-v2" is not accepted by NetworkManager-openvpn 1.10.2; dropped: compression stays off, and on a TUN device stub-v2 packets are the same as uncompressed ones',
    compressValue: fmt(
      '"compress" accepts "lzo", "lz4", "lz4-v2" or no argument, not "{value}"',
      (value: string) => ({ value }),
    ),
    stubV2Tap:
      '"compress stub-v2" is not supported by NetworkManager-openvpn 1.10.2, and on a TAP device it cannot be dropped safely; remove the line if the server does not use compression framing',
    remoteHostRoute:
      'the route to the VPN server outside the tunnel is dropped: NetworkManager adds that route itself',
    netGateway: fmt(
      "the route to {dest}/{prefix} through the local network's gateway is dropped: a NetworkManager VPN profile cannot route around the tunnel, so this traffic goes through the VPN (that network may be unreachable while connected)",
      (dest: string, prefix: number) => ({ dest, prefix: String(prefix) }),
    ),
    vpnGateway: fmt(
      '"vpn_gateway" dropped from the route to {dest}/{prefix}: VPN profile routes always go through the tunnel',
      (dest: string, prefix: number) => ({ dest, prefix: String(prefix) }),
    ),
    routeSpecial: fmt(
      '{argument} is "{value}", which NetworkManager cannot express in a profile',
      (argument: string, value: string) => ({ argument, value }),
    ),
    routeHostName: fmt(
      '{argument} ("{value}") looks like a host name; only IPv4 addresses are supported',
      (argument: string, value: string) => ({ argument, value }),
    ),
    routeNotIpv4: fmt(
      '{argument} must be an IPv4 address, not "{value}"',
      (argument: string, value: string) => ({ argument, value }),
    ),
  },
  /** A dropped .ovpn directive: `"{name}"` is the directive as written. */
  ignored: {
    byPlugin: fmt(
      '"{name}" is not needed: NetworkManager-openvpn always handles {what} itself',
      (name: string, what: string) => ({ name, what }),
    ),
    notNeeded: fmt('"{name}" has no effect on a client run by NetworkManager', (name: string) => ({
      name,
    })),
    windowsOnly: fmt('"{name}" is a Windows-only option', (name: string) => ({ name })),
    redirectGateway: fmt(
      '"{name}" is not imported: NetworkManager sends all traffic through the VPN unless ipv4.never-default is set, whatever the server pushes',
      (name: string) => ({ name }),
    ),
    dhcpOption: fmt(
      '"{name}" is not imported: only DNS servers and domains pushed by the server are used (add them to the profile by hand if the server does not push them)',
      (name: string) => ({ name }),
    ),
    routeNopull: fmt(
      '"{name}" is not imported: routes pushed by the server are still applied',
      (name: string) => ({ name }),
    ),
    pullFilter: fmt(
      '"{name}" is not imported: every option the server pushes is accepted',
      (name: string) => ({ name }),
    ),
    routeIpv6: fmt('"{name}" is not imported: IPv6 routes are not supported', (name: string) => ({
      name,
    })),
    ifconfigIpv6: fmt('"{name}" is not imported: the IPv6 address is not set', (name: string) => ({
      name,
    })),
    routeMetric: fmt(
      '"{name}" is not imported: NetworkManager picks the metric',
      (name: string) => ({ name }),
    ),
    cipherFallback: fmt(
      '"{name}" is not supported by NetworkManager-openvpn 1.10.2; connecting to a server older than OpenVPN 2.4 may fail',
      (name: string) => ({ name }),
    ),
    staticChallenge: fmt(
      '"{name}" is not supported by NetworkManager-openvpn 1.10.2: the one-time code is not asked',
      (name: string) => ({ name }),
    ),
    askpass: fmt(
      '"{name}" is not imported: the private key password is asked when connecting',
      (name: string) => ({ name }),
    ),
    certKu: fmt(
      '"{name}" is not imported: the server certificate key usage is not checked',
      (name: string) => ({ name }),
    ),
    certEku: fmt(
      '"{name}" is not imported: the server certificate extended key usage is not checked',
      (name: string) => ({ name }),
    ),
    tlsGroups: fmt('"{name}" is not imported: OpenVPN picks the TLS groups', (name: string) => ({
      name,
    })),
    tlsCiphersuites: fmt(
      '"{name}" is not imported: OpenVPN picks the TLS 1.3 cipher suites',
      (name: string) => ({ name }),
    ),
    tlsCertProfile: fmt(
      '"{name}" is not imported: the default certificate profile is used',
      (name: string) => ({ name }),
    ),
    setenv: fmt('"{name}" is not imported: the variable is not set', (name: string) => ({ name })),
    script: fmt('"{name}" is not imported: NetworkManager never runs scripts', (name: string) => ({
      name,
    })),
    unsupported: fmt(
      '"{name}" is not supported by NetworkManager-openvpn 1.10.2 and is not imported',
      (name: string) => ({ name }),
    ),
    unshown:
      'this line is not an OpenVPN directive (perhaps a key or certificate outside its inline block, such as <key>…</key>) and is not imported; the line is not shown, as it may hold a key',
  },
  /** What NetworkManager-openvpn handles itself: the `{what}` of `ignored.byPlugin`. */
  handles: {
    reconnecting: 'reconnecting',
    localPort: 'the local port (it passes --nobind)',
    keyPersistence: 'key persistence (it passes --persist-key)',
    passwordCaching: 'password caching (it passes --auth-nocache)',
    tunDevice: 'the tunnel device (it passes --persist-tun)',
    scripts: 'scripts (it passes --script-security 2 for its helper)',
    pull: 'pulling options from the server (--client implies --pull)',
    authRetry: 'failed logins (it asks again through NetworkManager)',
    exitNotify: 'exit notification for UDP remotes',
    resolvRetry: 'retrying name resolution',
    privileges: 'dropping privileges (it runs openvpn as nm-openvpn)',
    address: 'the address the server assigns',
    routes: 'routes (NetworkManager installs them)',
    addresses: 'addresses (NetworkManager configures them)',
  },
  wg: {
    fileName: 'the file name must be a valid interface name (1 to 15 bytes) followed by ".conf"',
    peerWithoutKey: fmt('the peer starting at line {line} has no PublicKey', (line: number) => ({
      line: String(line),
    })),
    unrecognizedLine:
      'unrecognized line: neither a [section] nor "Key = value" (not shown: it may hold a key)',
    beforeSection: fmt('unrecognized line: "{name}" before the first section', (name: string) => ({
      name,
    })),
    notAKeyOf: fmt(
      'unrecognized line: "{name}" is not a key of [{section, select, peer {Peer} other {Interface}}]',
      (name: string, section: 'peer' | 'interface') => ({ name, section }),
    ),
    invalidValue: fmt('invalid value for {key}', (key: string) => ({ key })),
    invalidKey: fmt('invalid key for {key}: 32 bytes in base64 expected', (key: string) => ({
      key,
    })),
  },
  /** Why a file was not read (read-bounded.ts, walk.ts). */
  file: {
    cannotRead: fmt('cannot read {path}: {why}', (path: string, why: string) => ({ path, why })),
    notRegular: fmt('it is {kind}, not a regular file', (kind: string) => ({ kind })),
    tooLarge: fmt(
      'it is larger than {mib, select, none {{bytes} bytes} other {{mib} MiB}}, more than {what, select, profile {a VPN profile file} catalogue {a message catalogue} other {a certificate or key file}} holds',
      (bytes: number, mib: number | null, what: 'profile' | 'cert' | 'catalogue') => ({
        bytes: String(bytes),
        mib: mib === null ? 'none' : String(mib),
        what,
      }),
    ),
    kind: {
      folder: 'a folder',
      fifo: 'a named pipe (FIFO)',
      charDevice: 'a character device',
      blockDevice: 'a block device',
      socket: 'a socket',
      link: 'a symbolic link',
      special: 'a special file',
    },
    reason: {
      ENOENT: 'no such file or folder',
      EACCES: 'permission denied',
      EISDIR: 'a folder, not a file',
      ENOTDIR: 'a part of the path is not a folder',
      ELOOP: 'too many symbolic links',
      ENAMETOOLONG: 'the name is too long',
    },
    cannotList: fmt('cannot list the folder: {why}', (why: string) => ({ why })),
    brokenLink: 'a broken link',
    noProfiles: 'the folder holds no .ovpn or .conf file',
  },
  /** An export's warnings: what the written file leaves out or would read back differently. */
  export: {
    inlineRefused: fmt(
      `{path} holds "'<'/{tag}>", which would end the '<'{tag}> block early and make the rest of the file directives`,
      (path: string, tag: string) => ({ path, tag }),
    ),
    valueLeftOut: fmt(
      '"{name}" is left out: its value cannot be written in an .ovpn file',
      (name: string) => ({ name }),
    ),
    notInlined: fmt(
      '"{path}" {binary, select, yes {is binary} other {could not be read}}, so it is referenced by path instead of inlined',
      (path: string, binary: boolean) => ({ path, binary: binary ? 'yes' : 'no' }),
    ),
    proxyAuth: 'the proxy user name and password are not exported (no auth file requested)',
    proxyType: fmt('the proxy type "{type}" is not exported', (type: string) => ({ type })),
    neverDefault: 'ipv4.never-default (split tunnel) is not exported',
    ipv4Dns: 'ipv4 DNS settings are not exported',
    ipv6: 'ipv6 settings are not exported',
    noPrivateKey: 'no private key: add PrivateKey before using the file',
    tableOff: 'the route table is not exported (Table = off)',
    twoTables: 'IPv4 and IPv6 use different route tables; wg-quick has one Table',
    wouldNotImport: fmt('the exported file would not import: {why}', (why: string) => ({ why })),
    notSame: fmt('{setting} would not come back the same', (setting: string) => ({ setting })),
    peersNotSame: 'the peers would not come back the same',
    repairNeeded: fmt('line {line} would need a repair: {why}', (line: number, why: string) => ({
      line: String(line),
      why,
    })),
    dataAdded: fmt('vpn.data "{key}" would be added on import', (key: string) => ({ key })),
    dataUnwritable: fmt('vpn.data "{key}" cannot be written in an .ovpn file', (key: string) => ({
      key,
    })),
    dataChanged: fmt(
      'vpn.data "{key}" would come back as "{got}" instead of "{want}"',
      (key: string, got: string, want: string) => ({ key, got, want }),
    ),
    routesNotSame: 'ipv4 routes would not come back the same',
  },
  /** A file the import pipeline failed past parsing. */
  pipeline: {
    importerFailed: fmt('the importer failed: {why}', (why: string) => ({ why })),
    cannotWriteCerts: fmt('cannot write its certificate files: {why}', (why: string) => ({ why })),
    notImported: fmt('not imported: {why}', (why: string) => ({ why })),
    permissionDenied: fmt(
      'permission-denied: NetworkManager does not let this user add profiles ({text})',
      (text: string) => ({ text }),
    ),
    nmGone: 'nm-not-running: NetworkManager went away',
    noReply: fmt(
      'NetworkManager did not answer; the profile may have been added ({text})',
      (text: string) => ({ text }),
    ),
    nmRefused: fmt('NetworkManager refused the profile: {text}', (text: string) => ({ text })),
    busGone: fmt(
      '{word}: {message} The profile may have been added.',
      (word: string, message: string) => ({ word, message }),
    ),
    addFailed: fmt('adding the profile failed: {why}', (why: string) => ({ why })),
  },
};

export const importErrorStrings = defineStrings('import', english);
