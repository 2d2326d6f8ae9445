import { z } from 'zod';
import { boundedRecord } from './bounded-record';
import { uuidSchema } from './uuid-schema';

/**
 * The connection editor's part of the contract: the editable view of one profile. Plain data, no
 * Variants; stored secrets never travel to the renderer, only secrets the user typed travel back.
 * Main turns a (base → edit) difference into an Update2 that changes only those fields.
 */

const short = z.string().max(256);
const u32 = z.number().int().min(0).max(0xffff_ffff);
const port = z.number().int().min(0).max(65_535);
/** NetworkManager-openvpn knows about a hundred vpn.data keys; other plugins fewer. */
const MAX_DATA_KEYS = 1024;
/** A plugin has a few secrets (password, key password, proxy password, a code). */
const MAX_NEW_SECRETS = 256;

export const routeEditSchema = z.object({
  /** `address/prefix`; without a prefix, a host route. */
  dest: z.string().max(64),
  nextHop: z.string().max(64).nullable(),
  metric: u32.nullable(),
});
export type RouteEdit = z.infer<typeof routeEditSchema>;

export const ipEditSchema = z.object({
  method: z.string().max(32),
  /** `address/prefix` each. */
  addresses: z.array(z.string().max(64)).max(256),
  dns: z.array(z.string().max(64)).max(64),
  dnsSearch: z.array(short).max(64),
  routes: z.array(routeEditSchema).max(1024),
  /** "Use this connection only for resources on its network". */
  neverDefault: z.boolean(),
  ignoreAutoRoutes: z.boolean(),
  ignoreAutoDns: z.boolean(),
});
export type IpEdit = z.infer<typeof ipEditSchema>;

export const pluginEditSchema = z.object({
  kind: z.literal('plugin'),
  /** e.g. org.freedesktop.NetworkManager.openvpn; OpenVPN is a plugin with a page of its own. */
  serviceType: z.string().min(1).max(256),
  /** vpn.data as it is, including keys the editor has no field for and the `*-flags` keys. */
  data: boundedRecord(z.string().min(1).max(256), z.string().max(65_536), MAX_DATA_KEYS),
  /** Secrets the user typed now (vpn.secrets keys); empty keeps the stored ones. */
  newSecrets: boundedRecord(z.string().min(1).max(256), z.string().max(65_536), MAX_NEW_SECRETS),
});
export type PluginEdit = z.infer<typeof pluginEditSchema>;

export const wgPeerEditSchema = z.object({
  publicKey: z.string().max(64),
  /** A preshared key the user typed now; null keeps the stored one. */
  newPresharedKey: z.string().max(64).nullable(),
  allowedIps: z.array(z.string().max(64)).max(1024),
  endpoint: z.string().max(300).nullable(),
  keepalive: port.nullable(),
});
export type WgPeerEdit = z.infer<typeof wgPeerEditSchema>;

export const wgPrivateKeySchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep') }),
  /** Main makes a new key pair; the private key never reaches the renderer. */
  z.object({ action: z.literal('generate') }),
  z.object({ action: z.literal('set'), key: z.string().max(64) }),
]);
export type WgPrivateKeyEdit = z.infer<typeof wgPrivateKeySchema>;

export const wireguardEditSchema = z.object({
  kind: z.literal('wireguard'),
  privateKey: wgPrivateKeySchema,
  /** 0: a random port. */
  listenPort: port,
  /** 0: off. */
  fwmark: u32,
  /** 0: the default. */
  mtu: u32,
  peers: z.array(wgPeerEditSchema).max(1024),
});
export type WireguardEdit = z.infer<typeof wireguardEditSchema>;

const connectionUuid = uuidSchema;

export const profileEditSchema = z.object({
  name: z.string().min(1).max(256),
  autoconnect: z.boolean(),
  /**
   * connection.autoconnect-retries: how often NetworkManager retries an automatic connection
   * that failed; -1 its global default (4), 0 for ever.
   */
  autoconnectRetries: z.number().int().min(-1).max(1_000_000),
  /**
   * vpn.persistent ("Keep the tunnel through server restarts"): NetworkManager keeps the VPN
   * active while the plugin reconnects by itself. Plugin VPNs only (WireGuard has no such key).
   */
  persistent: z.boolean(),
  /** connection.permissions empty; off means only this user (`user:<login>:`). */
  allUsers: z.boolean(),
  /**
   * "Connect this VPN automatically with": the base connections (Wi-Fi, Ethernet, ...) whose
   * connection.secondaries hold this VPN's uuid. NetworkManager keeps it on them, not on the VPN.
   */
  connectWith: z.array(connectionUuid).max(1024),
  vpn: z.discriminatedUnion('kind', [pluginEditSchema, wireguardEditSchema]),
  ipv4: ipEditSchema,
  ipv6: ipEditSchema,
  /**
   * Where this VPN's DNS goes (preload/privacy-types.ts, main/dns/profile-dns.ts): read from
   * ipv4's dns-priority and dns-search; when changed, only those two keys of ipv4 and ipv6 are
   * written, on top of the search domains of the IP pages.
   */
  dnsRouting: z.enum(['profile', 'all-through-vpn', 'own-domains']),
});
export type ProfileEdit = z.infer<typeof profileEditSchema>;

/** A connection a VPN can be started with: every profile NetworkManager has that is not a VPN. */
export interface BaseConnectionView {
  uuid: string;
  /** connection.id */
  name: string;
  /** connection.type as NetworkManager names it: `802-3-ethernet`, `802-11-wireless`, ... */
  type: string;
}

/** What `profile:get` answers. */
export interface ProfileEditView {
  uuid: string;
  edit: ProfileEdit;
  /** WireGuard: the public key of the stored private key (null when none or unreadable). */
  publicKey: string | null;
  /** What "Connect this VPN automatically with" offers, by name. */
  baseConnections: BaseConnectionView[];
}
