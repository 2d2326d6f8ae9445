// Public data types of the sandbox, re-exported by sandbox.ts.
import type { ServerKind } from './names.js';

export type { ServerKind };

export interface OpenvpnServer {
  kind: ServerKind;
  host: string;
  port: number;
  /** Tunnel subnet the server hands addresses out of, e.g. 10.8.0.0/24. */
  subnet: string;
  /** Route the server pushes, e.g. 10.20.0.0/16. */
  pushedRoute: string;
  dns: string;
  domain: string;
  /** IPv6 inside the tunnel too (opt-in, ipv6-vpn.ts); absent: the tunnel carries IPv4 only. */
  ipv6?: OpenvpnIpv6;
}

/** What an OpenVPN server that carries IPv6 hands out and pushes. */
export interface OpenvpnIpv6 {
  /** Its IPv6 pool (`server-ipv6`), e.g. fd00:98::/64. */
  subnet: string;
  /** IPv6 routes it pushes (`route-ipv6`), `::/0` for all IPv6 through the tunnel. */
  pushedRoutes: string[];
  /** An IPv6 DNS server it pushes (NetworkManager-openvpn files it under the tunnel's IPv6). */
  dns: string;
}

export interface Credentials {
  username: string;
  password: string;
  /** The code the challenge server accepts as the answer to its question. */
  otp: string;
  challengeQuestion: string;
}
