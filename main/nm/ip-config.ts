import {
  mapArrayProp,
  numberProp,
  stringArrayProp,
  stringProp,
  variantValue,
  type VariantMap,
} from './dbus-types';
import type { IpConfigView as IpConfig, RouteView as Route } from '../../preload/tunnel-types';

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

/** Formats 16 raw bytes as an IPv6 address in its shortest form. */
export function formatIpv6(bytes: Uint8Array): string {
  if (bytes.length !== 16) return '';
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  // The longest run of two or more zero groups becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLen).join(':');
  return `${head}::${tail}`;
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
    entry instanceof Uint8Array && entry.length === 16 ? [formatIpv6(entry)] : [],
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function parseIpConfig(props: VariantMap, family: 4 | 6): IpConfig {
  const gateway = stringProp(props, 'Gateway');
  return {
    addresses: addresses(props),
    gateway: gateway === undefined || gateway === '' ? null : gateway,
    routes: routes(props),
    dns: family === 4 ? ipv4Dns(props) : ipv6Dns(props),
    domains: unique([...stringArrayProp(props, 'Domains'), ...stringArrayProp(props, 'Searches')]),
  };
}
