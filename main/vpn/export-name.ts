// The file name an export suggests: the profile's name as a file name, `<name>.ovpn`; for wg-quick
// `<ifname>.conf`, because wg-quick takes the interface name from the file name and refuses one
// that is not 1 to 15 of [A-Za-z0-9_=+.-].

const WG_IFNAME = /^[A-Za-z0-9_=+.-]{1,15}$/;

/** A profile name as a file name: no `/`, no control characters, not hidden, never empty. */
export function fileNameOf(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\]/g, '-')
    .trim()
    .replace(/^\.+/, '');
  return cleaned === '' ? 'vpn' : cleaned.slice(0, 200);
}

export function ovpnFileName(name: string): string {
  return `${fileNameOf(name)}.ovpn`;
}

/** The interface name wg-quick would use: the profile's own when valid, else one from its name. */
export function wgInterfaceName(name: string, interfaceName: string | undefined): string {
  if (interfaceName !== undefined && WG_IFNAME.test(interfaceName)) return interfaceName;
  const derived = name.replace(/[^A-Za-z0-9_=+.-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  const short = derived.slice(0, 15).replace(/-+$/, '');
  return WG_IFNAME.test(short) ? short : 'wg0';
}

export function wgFileName(name: string, interfaceName: string | undefined): string {
  return `${wgInterfaceName(name, interfaceName)}.conf`;
}
