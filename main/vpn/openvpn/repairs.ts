// Repairs: lines that make nmcli reject the whole file although a translation exists that keeps the
// connection working and is never less safe than the file. Each one is reported; a file with a
// repair is no longer compared with nmcli (which fails on it).
//
// The repairs, and why each is safe:
// - `compress stub` becomes `compress=yes`. OpenVPN parses a bare `--compress` as exactly
//   `--compress stub` (the "stub" algorithm with swapped framing): the same bytes on the wire and no
//   compression in either case. The only difference is that `stub` also tells the server it
//   supports nothing but stubs; OpenVPN 2.6's default `allow-compression no` refuses a pushed
//   compression algorithm anyway.
// - `compress stub-v2` is dropped, for TUN devices only. stub-v2 framing never compresses and adds a
//   byte only to packets whose first byte is 0x50; IPv4 and IPv6 packets start with 0x4_ or 0x6_,
//   so on a TUN device the packets are byte for byte those of no compression, and servers that use
//   stub-v2 usually push it anyway. On a TAP device Ethernet frames can start with 0x50, so there
//   the file stays rejected.
// - `route NET MASK vpn_gateway [METRIC]` becomes the route without a gateway: the routes of a VPN
//   profile are installed through the tunnel, which is what vpn_gateway means.
// - `route remote_host 255.255.255.255 net_gateway` is dropped: NetworkManager itself adds the host
//   route to the VPN server through the underlying connection.
// - `route NET MASK net_gateway [METRIC]` is dropped: a NetworkManager profile cannot route around
//   the tunnel, so that traffic goes through the VPN instead of bypassing it. Nothing leaks; what
//   may be lost is reachability of that network (typically a LAN), and the report says so.
// Not repaired: `compress migrate` (a server option), routes to or via host names (they would
// need resolving at import time), unsupported inline blocks such as <connection> or <auth-user-pass>.

import { checkCount, type OvpnState } from './state';
import type { DirectiveContext } from './directive-kit';
import { utf8safeUnescape } from '../text';
import { importErrorStrings as m } from '../import-errors-strings';

export function handleCompress(p: readonly string[], c: DirectiveContext): string | null {
  const n = checkCount(p, 0, 1);
  if (n !== null) return n;
  const v = p[1];
  if (v === undefined) c.st.set('compress', 'yes', c.line);
  else if (v === 'lzo' || v === 'lz4' || v === 'lz4-v2') c.st.set('compress', v, c.line);
  else if (v === 'stub') {
    c.st.set('compress', 'yes', c.line);
    c.repair(m.repair.compressStub);
  } else if (v === 'stub-v2') {
    c.st.stubV2Line = c.line;
    c.repair(m.repair.compressStubV2);
  } else return m.repair.compressValue(v);
  return null;
}

/** True when the profile uses a TAP device (the rule the plugin applies at connect time). */
export function usesTap(st: OvpnState): boolean {
  const devType = st.data['dev-type'];
  if (devType !== undefined) return devType === 'tap';
  return utf8safeUnescape(st.data.dev ?? '').startsWith('tap');
}

/** The stub-v2 repair does not hold for TAP: the error nmcli gives, or null. */
export function recheckStubV2(st: OvpnState): { line: number; message: string } | null {
  if (st.stubV2Line === null || !usesTap(st)) return null;
  return {
    line: st.stubV2Line,
    message: m.repair.stubV2Tap,
  };
}
