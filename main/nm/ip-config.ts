import {
  mapArrayProp,
  numberProp,
  stringArrayProp,
  stringProp,
  variantValue,
  type VariantMap,
} from './dbus-types';
import type { IpConfigView as IpConfig, RouteView as Route } from '../../preload/tunnel-types';
import { formatIPv6 } from '../vpn/inet';

export type { IpConfig, Route };

function addresses(props: VariantMap): string[] {
  return mapArrayProp(props, 'AddressData').flatMap((entry) => {
    const address = stringProp(entry, 'address');
    const prefix = numberProp(entry, 'prefix');
    return address === undefined ? [] : [prefix === undefined ? address : `${address}/${prefix}`];
  });
}

function routes(props: VariantMap): Route[] {
  return mapArrayProp(props, 'RouteData').flatMap((entry) => {
    const dest = stringProp(entry, 'dest');
    const prefix = numberProp(entry, 'prefix');
    if (dest === undefined) return [];
    return [
      {
        dest: prefix === undefined ? dest : `${dest}/${prefix}`,
        nextHop: stringProp(entry, 'next-hop') ?? null,
        metric: numberProp(entry, 'metric') ?? null,
      },
    ];
  });
}

function ipv4Dns(props: VariantMap): string[] {
  return mapArrayProp(props, 'NameserverData').flatMap((entry) => {
    const address = stringProp(entry, 'address');
    return address === undefined ? [] : [address];
  });
}

/** IP6Config in 1.42 has no NameserverData, only `aay` Nameservers. */
function ipv6Dns(props: VariantMap): string[] {
  const raw = variantValue(props, 'Nameservers');
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) =>
    entry instanceof Uint8Array && entry.length === 16 ? [formatIPv6(entry)] : [],
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * No gateway: absent, empty, or the unspecified address. NetworkManager 1.42 says `::` for a VPN
 * whose IPv6 default route is on its device without a next hop (an OpenVPN tunnel that carries
 * IPv6): a default route it has, a gateway it has not (the route itself is in `routes`).
 */
export function gatewayOf(props: VariantMap): string | null {
  const gateway = stringProp(props, 'Gateway');
  if (gateway === undefined || gateway === '' || gateway === '::' || gateway === '0.0.0.0')
    return null;
  return gateway;
}

export function parseIpConfig(props: VariantMap, family: 4 | 6): IpConfig {
  return {
    addresses: addresses(props),
    gateway: gatewayOf(props),
    routes: routes(props),
    dns: family === 4 ? ipv4Dns(props) : ipv6Dns(props),
    domains: unique([...stringArrayProp(props, 'Domains'), ...stringArrayProp(props, 'Searches')]),
  };
}
