// Lockdown's host routes to the VPN servers on NetworkManager's active links (see route-data.ts
// for why), and, when the local network is blocked, the unreachable routes for each link's own
// subnets (lan-routes.ts). Each link with a gateway gets, in its applied connection only
// (Device.Reapply: gone when the link reconnects, NetworkManager restarts or the machine reboots,
// never written to a profile), one host route per server address through that gateway. Tunnelbar
// puts them back when a link activates (the app, from NetworkManager's signals) and at `lockdown
// on`/`status` (the CLI); `lockdown off` takes them away again.
import { Variant } from 'dbus-next';
import type { LanBlockView, LanChoice, ServerRoutesView } from '../../preload/privacy-types';
import { isDBusError } from '../dbus/connection';
import { TunnelbarError } from '../errors/tunnelbar-error';
import {
  mapArrayProp,
  numberProp,
  stringProp,
  type SettingsDict,
  type VariantMap,
} from '../nm/dbus-types';
import { IFACE } from '../nm/names';
import { gatewayOf } from '../nm/ip-config';
import { managerPaths, type LockdownBus } from './nm-lockdown';
import { LOCKDOWN_INTERFACE } from './settings';
import { routedAddresses, serverRouteDests, withServerRoutes, type Family } from './route-data';
import { errorStrings as e } from '../errors/error-strings';
import { lanPlan, lanRoutesIn, NO_LAN_PLAN, withLanRoutes, type LanPlan } from './lan-routes';

const DEVICE_IFACE = 'org.freedesktop.NetworkManager.Device';
const DEVICE_ACTIVATED = 100;
/** NM_ACTIVATION_STATE_FLAG_EXTERNAL: configured outside NetworkManager, not ours to reapply. */
const AC_EXTERNAL = 0x80;
/** Tunnels themselves (tun, WireGuard) never carry the way to a VPN server. */
const TUNNEL_TYPES = new Set([16 /* tun */, 29 /* wireguard */]);
const PERMISSION_ERRORS = new Set([
  'org.freedesktop.NetworkManager.PermissionDenied',
  'org.freedesktop.NetworkManager.Device.PermissionDenied',
]);
/** Reapply's answer when the applied connection changed since we read it: read it again. */
const VERSION_MISMATCH = 'org.freedesktop.NetworkManager.Device.VersionIdMismatch';

export function serverRoutesPermissionDenied(): TunnelbarError {
  return new TunnelbarError('permission-denied', e.lockdown.routesPermissionDenied);
}

async function nmCall(bus: LockdownBus, work: Promise<unknown[]>): Promise<unknown[]> {
  try {
    return await work;
  } catch (err) {
    if (isDBusError(err, PERMISSION_ERRORS)) throw serverRoutesPermissionDenied();
    // Left as it is: the caller reads the applied connection again.
    if (isDBusError(err, VERSION_MISMATCH)) throw err;
    if (isDBusError(err))
      throw new TunnelbarError('nm-refused', e.lockdown.routesRefused(err.text));
    throw err;
  }
}

async function getAll(bus: LockdownBus, path: string, iface: string): Promise<VariantMap> {
  const [props] = await bus.call({
    path,
    iface: IFACE.properties,
    member: 'GetAll',
    signature: 's',
    body: [iface],
  });
  return props as VariantMap;
}

interface LinkFamily {
  gateway: string | null;
  onLink: { address: string; prefix: number }[];
}

interface Link {
  path: string;
  interface: string;
  families: Record<Family, LinkFamily>;
}

async function linkFamily(
  bus: LockdownBus,
  configPath: string | undefined,
  family: Family,
): Promise<LinkFamily> {
  const none: LinkFamily = { gateway: null, onLink: [] };
  if (configPath === undefined || configPath === '/') return none;
  const props = await getAll(bus, configPath, family === 4 ? IFACE.ip4Config : IFACE.ip6Config);
  const onLink = mapArrayProp(props, 'AddressData').map((a) => ({
    address: stringProp(a, 'address') ?? '',
    prefix: numberProp(a, 'prefix') ?? 0,
  }));
  return { gateway: gatewayOf(props), onLink };
}

/** The activated links NetworkManager configures itself, with their gateways. */
async function activeLinks(bus: LockdownBus): Promise<Link[]> {
  const links: Link[] = [];
  for (const path of await managerPaths(bus, 'Devices')) {
    const dev = await getAll(bus, path, DEVICE_IFACE).catch(() => null);
    if (dev === null || numberProp(dev, 'State') !== DEVICE_ACTIVATED) continue;
    const name = stringProp(dev, 'Interface') ?? '';
    if (name === LOCKDOWN_INTERFACE || TUNNEL_TYPES.has(numberProp(dev, 'DeviceType') ?? 0))
      continue;
    const ac = stringProp(dev, 'ActiveConnection');
    if (ac === undefined || ac === '/') continue;
    const acProps = await getAll(bus, ac, IFACE.active).catch(() => null);
    if (acProps === null || ((numberProp(acProps, 'StateFlags') ?? 0) & AC_EXTERNAL) !== 0)
      continue;
    const [v4, v6] = await Promise.all([
      linkFamily(bus, stringProp(dev, 'Ip4Config'), 4),
      linkFamily(bus, stringProp(dev, 'Ip6Config'), 6),
    ]);
    links.push({ path, interface: name, families: { 4: v4, 6: v6 } });
  }
  return links;
}

function familyKey(family: Family): 'ipv4' | 'ipv6' {
  return family === 4 ? 'ipv4' : 'ipv6';
}

/** Lockdown's routes on one link and family: the servers through the gateway, the LAN plan. */
interface Wanted {
  servers: string[];
  lan: LanPlan;
}

/** What is on the links afterwards. */
export interface LinkRoutes {
  routes: ServerRoutesView[];
  lanBlocks: LanBlockView[];
}

/**
 * Sets one link's lockdown routes to exactly `wanted` (per family; nothing wanted removes them).
 * Returns what is installed afterwards. Reapplies only when something changes.
 */
async function setLinkRoutes(
  bus: LockdownBus,
  link: Link,
  wanted: Record<Family, Wanted>,
): Promise<LinkRoutes> {
  for (let attempt = 0; ; attempt++) {
    const [applied, version] = (await nmCall(
      bus,
      bus.call({
        path: link.path,
        iface: DEVICE_IFACE,
        member: 'GetAppliedConnection',
        signature: 'u',
        body: [0],
      }),
    )) as [SettingsDict, bigint];
    const settings: SettingsDict = { ...applied };
    let changed = false;
    const result: LinkRoutes = { routes: [], lanBlocks: [] };
    for (const family of [4, 6] as const) {
      const key = familyKey(family);
      const ip = settings[key];
      if (ip === undefined) continue;
      const routes = mapArrayProp(ip, 'route-data');
      const gateway = link.families[family].gateway;
      const next = withLanRoutes(
        withServerRoutes(routes, family, wanted[family].servers, gateway),
        family,
        wanted[family].lan,
      );
      const before = serverRouteDests(routes, family);
      const after = serverRouteDests(next, family);
      const lanBefore = lanRoutesIn(routes, family);
      const lanAfter = lanRoutesIn(next, family);
      if (
        before.join() !== after.join() ||
        JSON.stringify(lanBefore) !== JSON.stringify(lanAfter)
      ) {
        changed = true;
        // route-data replaces the legacy `routes` list, which would only repeat the old routes.
        const rest = Object.fromEntries(Object.entries(ip).filter(([k]) => k !== 'routes'));
        settings[key] = { ...rest, 'route-data': new Variant('aa{sv}', next) };
      }
      if (gateway !== null && after.length > 0)
        result.routes.push({ interface: link.interface, gateway, addresses: after });
      if (lanAfter.blocked.length > 0)
        result.lanBlocks.push({ interface: link.interface, ...lanAfter });
    }
    if (!changed) return result;
    try {
      await nmCall(
        bus,
        bus.call({
          path: link.path,
          iface: DEVICE_IFACE,
          member: 'Reapply',
          signature: 'a{sa{sv}}tu',
          body: [settings, version, 0],
        }),
      );
      return result;
    } catch (err) {
      // Someone else reapplied meanwhile: once more on what is applied now.
      if (isDBusError(err, VERSION_MISMATCH) && attempt < 2) continue;
      if (isDBusError(err))
        throw new TunnelbarError('nm-refused', e.lockdown.routesRefused(err.text));
      throw err;
    }
  }
}

function wantedFor(
  link: Link,
  family: Family,
  addresses: readonly string[],
  lan: LanChoice,
): Wanted {
  const { onLink, gateway } = link.families[family];
  return {
    servers: routedAddresses(addresses, family, onLink),
    lan: lanPlan(lan, family, onLink, gateway, addresses),
  };
}

/**
 * Every active link with a gateway gets a host route to each server address of its family that
 * is not on one of its own subnets; routes to addresses no longer wanted are removed. With the
 * local network blocked, each link's own subnets become unreachable but for its gateway and the
 * servers on them; allowed, those routes are removed.
 */
export async function applyServerRoutes(
  bus: LockdownBus,
  addresses: readonly string[],
  lan: LanChoice,
): Promise<LinkRoutes> {
  const out: LinkRoutes = { routes: [], lanBlocks: [] };
  for (const link of await activeLinks(bus)) {
    const wanted = {
      4: wantedFor(link, 4, addresses, lan),
      6: wantedFor(link, 6, addresses, lan),
    };
    const done = await setLinkRoutes(bus, link, wanted);
    out.routes.push(...done.routes);
    out.lanBlocks.push(...done.lanBlocks);
  }
  return out;
}

/** Removes lockdown's routes from every active link (what `off` leaves is what was there). */
export async function removeServerRoutes(bus: LockdownBus): Promise<void> {
  const none: Wanted = { servers: [], lan: NO_LAN_PLAN };
  for (const link of await activeLinks(bus)) await setLinkRoutes(bus, link, { 4: none, 6: none });
}
