// Plain types of lockdown and DNS, shared by main, the CLI's --json and the renderer.

/** A VPN profile's server, as lockdown resolved it. */
export interface ServerAddressesView {
  uuid: string;
  id: string;
  /** The host name or address the profile names (one entry per remote). */
  host: string;
  /** What it resolved to; empty when it could not be resolved. */
  addresses: string[];
  /** Why it could not be resolved (that profile cannot connect under lockdown); null when it was. */
  error: string | null;
}

/** Lockdown's host routes to the VPN servers on one link and family (through its gateway). */
export interface ServerRoutesView {
  /** The link (interface name) whose applied connection carries them. */
  interface: string;
  gateway: string;
  /** The server addresses routed, sorted. */
  addresses: string[];
}

/**
 * Whether lockdown lets traffic to the networks this machine is directly on (router, printer)
 * through: `allow`, or `block` (the default: only the gateway and VPN servers on them stay open).
 */
export type LanChoice = 'allow' | 'block';

/**
 * What lockdown turned on without a choice takes (the CLI's `on`, the tray, the window's box at
 * first). Blocked: "nothing leaves but through a VPN, or to the local network if the person
 * allows it". Blocking is never less private than allowing, even where it does not hold without
 * Tunnelbar (README, "Lockdown (kill switch)"): there the local network is open, as with allow.
 */
export const DEFAULT_LAN: LanChoice = 'block';

/** What lockdown's `block` choice put on one link and family. */
export interface LanBlockView {
  interface: string;
  /** The link's own subnets made unreachable (`10.0.0.0/24`), sorted. */
  blocked: string[];
  /** The addresses on them still open: the gateway, VPN servers on the link. Sorted. */
  open: string[];
}

/** `tunnelbar lockdown status --json`, and the app's lockdown view. */
export interface LockdownView {
  /** Lockdown's connection profile exists in NetworkManager (it autoconnects, so it holds). */
  on: boolean;
  /** NetworkManager has it active now: its routes are installed. */
  active: boolean;
  /** The lockdown connection's uuid, null when off. */
  uuid: string | null;
  /** Every VPN profile's servers, resolved now (a profile that cannot be resolved cannot connect). */
  servers: ServerAddressesView[];
  /** The names of the profiles with a server that could not be resolved, once each. */
  unresolved: string[];
  /** The host routes to the servers now in place (none while off). */
  routes: ServerRoutesView[];
  /** Why the routes could not be put in place (a refused permission, for one); null when they were. */
  routesError: string | null;
  /** The local network choice lockdown holds; null while lockdown is off. */
  lan: LanChoice | null;
  /** The local subnets blocked now (none while the local network is allowed or lockdown is off). */
  lanBlocks: LanBlockView[];
  /**
   * Lockdown's NetworkManager dispatcher hook is installed (`sudo tunnelbar lockdown hook
   * install`): its routes come back after a link reactivates and a block left after a restart
   * is removed, without Tunnelbar running.
   */
  hook: boolean;
}

/** One entry of NetworkManager's DnsManager Configuration. */
export interface DnsEntryView {
  nameservers: string[];
  domains: string[];
  /** The link (interface name); empty when NetworkManager gives none. */
  interface: string;
  priority: number;
  vpn: boolean;
  /** Whether queries for names outside every routing domain reach these servers. */
  general: boolean;
}

/** A VPN that carries all traffic is up, but another link's resolver still gets queries. */
export interface DnsLeakView {
  uuid: string;
  id: string;
  /** The links whose resolvers still get queries. */
  leakingInterfaces: string[];
}

/** `tunnelbar dns --json` and the status panel's DNS section. */
export interface DnsView {
  /** NetworkManager's DNS mode (`default`, `systemd-resolved`, `dnsmasq`, `none`). */
  mode: string;
  rcManager: string;
  entries: DnsEntryView[];
  leaks: DnsLeakView[];
}

/** A profile's DNS choice in the editor. */
export type DnsRouting = 'profile' | 'all-through-vpn' | 'own-domains';
