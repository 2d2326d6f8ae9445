import { defineStrings, fmt } from '../i18n/define';

/**
 * The editor's refusals and the errors of saving, exporting and keeping certificate files, in
 * English: the `editor.` ids in locales/. The error words (`edit-refused`, `cert-empty`, ...)
 * stay as they are: scripts and tests read them.
 */
const english = {
  refused: {
    noName: 'A profile needs a name.',
    typeChange: 'The VPN type of a profile cannot be changed; create a new profile instead.',
    wgPersist: 'WireGuard has no "keep the tunnel through server restarts" setting.',
    notIpCidr: fmt(
      '“{text}” is not an {family, select, 4 {IPv4} other {IPv6}} {what, select, route {route destination} other {address with a prefix}}.',
      (text: string, family: 4 | 6, what: 'address' | 'route') => ({
        text,
        family: String(family),
        what,
      }),
    ),
    notIpAddress: fmt(
      '“{text}” is not an {family, select, 4 {IPv4} other {IPv6}} address.',
      (text: string, family: 4 | 6) => ({ text, family: String(family) }),
    ),
    notWgPublicKey: fmt('“{key}” is not a WireGuard public key.', (key: string) => ({ key })),
    notEndpoint: fmt('“{endpoint}” is not an endpoint (host:port).', (endpoint: string) => ({
      endpoint,
    })),
    presharedKey: 'The preshared key is not a WireGuard key.',
    privateKey: 'The private key is not a WireGuard key.',
    openVpnUnknownKey: fmt(
      'The OpenVPN plugin installed here does not know the setting “{key}”; it would refuse to connect with it. Leave that setting as it was.',
      (key: string) => ({ key }),
    ),
    openVpnBadValue: fmt(
      'The OpenVPN setting “{key}” was not saved: {problem}, and the plugin would refuse to connect otherwise.',
      (key: string, problem: string) => ({ key, problem }),
    ),
    openVpnUnknownSecret: fmt(
      'The OpenVPN plugin installed here does not know the secret “{key}”.',
      (key: string) => ({ key }),
    ),
    openConnectBadValue: fmt(
      'The OpenConnect setting “{key}” was not saved: {problem}, and the plugin would not connect otherwise.',
      (key: string, problem: string) => ({ key, problem }),
    ),
    openConnectUnknownSecret: fmt(
      'The OpenConnect profile has no secret “{key}” to set here.',
      (key: string) => ({ key }),
    ),
  },
  /** Why the OpenVPN plugin would not take a value: the `{problem}` above. */
  valueProblem: {
    yesOrNo: 'it takes yes or no',
    range: fmt(
      // Not {min, number}: the limits are the plugin's, as typed in a setting, without grouping.
      'it takes a whole number from {min} to {max}',
      (min: number, max: number) => ({ min: String(min), max: String(max) }),
    ),
    ipv4: 'it takes an IPv4 address',
    number: 'it takes a number',
  },
  nmRefused: fmt('NetworkManager refused the change: {text}', (text: string) => ({ text })),
  secretsUnreadable: fmt(
    'The stored secrets could not be read, so the new one was not saved (it would have replaced them): {why}',
    (why: string) => ({ why }),
  ),
  baseConnection: fmt(
    'The connection “{name}” could not be set to {member, select, yes {start this VPN automatically} other {stop starting this VPN}}: {why} Check that you may change that connection, or change your choice under “Connect this VPN automatically with”.',
    (name: string, member: boolean, why: string) => ({ name, member: member ? 'yes' : 'no', why }),
  ),
  selection: {
    gone: 'NetworkManager no longer has this profile (it was deleted meanwhile), so nothing was changed.',
    noUserNameWireGuard: 'WireGuard profiles have no user name; they authenticate with keys.',
    noUserNameOpenConnect:
      'OpenConnect profiles keep no user name; the server’s login form asks for it when connecting.',
    unknownUserName: fmt(
      'Tunnelbar does not know where the {vpnType} plugin keeps the user name, so it was left as it is; set it in the profile’s editor.',
      (vpnType: string) => ({ vpnType }),
    ),
  },
  cert: {
    notReceived: 'The file could not be received; choose it again.',
    empty: fmt('The file “{name}” is empty.', (name: string) => ({ name })),
    tooLarge: fmt(
      'The file “{name}” is larger than 1 MiB, far too large for a certificate or key; choose the right file.',
      (name: string) => ({ name }),
    ),
    notStored: fmt(
      'The file could not be kept in {dir} ({code}); check that this folder can be written.',
      (dir: string, code: string) => ({ dir, code }),
    ),
    notAbsolute: 'Give the file’s full path, starting with /.',
    readTooLarge: 'This file is larger than 1 MiB, far too large for a certificate or key.',
    folder: 'This is a folder; choose a file.',
    special: fmt(
      'This is {kind}, not a file; choose the certificate or key file itself.',
      (kind: string) => ({ kind }),
    ),
    missing: 'There is no file at this path; check it or choose the file.',
    noPermission:
      'Tunnelbar may not read this file, so it cannot show what it holds (NetworkManager may still be able to use it).',
    unreadable: fmt('This file could not be read ({code}).', (code: string) => ({ code })),
    unknownError: 'unknown error',
    fileEmpty: 'This file is empty.',
    damaged: 'The certificate in this file is damaged; get the file again from your VPN provider.',
    unrecognised:
      'This file holds no certificate or key Tunnelbar recognises (PEM, DER or PKCS#12); check that it is the right file.',
  },
  export: {
    unsupported:
      'Only OpenVPN profiles (as .ovpn) and WireGuard profiles (as wg-quick .conf) can be exported.',
    refused: fmt(
      'The profile was not exported: {why}. Check that file; it is not a certificate or key as it should be.',
      (why: string) => ({ why }),
    ),
    fileExists: fmt(
      '{path} exists already; remove it, or name another file with --output.',
      (path: string) => ({ path }),
    ),
    unavailable:
      'Exporting is not available here: there is no way to choose where to save the file.',
    writeFailed: fmt(
      'The profile could not be saved to {path}: {why}. Choose another place.',
      (path: string, why: string) => ({ path, why }),
    ),
  },
  import: {
    nothingToImport:
      'None of these files is an OpenVPN (.ovpn) or WireGuard (.conf) profile, so nothing was imported. Pick the profile files, or the folder holding them.',
    samePath:
      'Two of the dropped files have the same path; nothing was imported. Drop them one folder at a time.',
    stagingFailed: fmt(
      'The files could not be written to {dir} ({code}); nothing was imported. Check that there is space and that the folder is yours.',
      (dir: string, code: string) => ({ dir, code }),
    ),
    stopped: 'you stopped the import',
    tooLarge: fmt(
      'These files hold {total} MiB, more than the {limit} MiB one import takes; nothing was imported. Import fewer files at a time.',
      (total: string, limit: string) => ({ total, limit }),
    ),
  },
};

export const editorStrings = defineStrings('editor', english);
