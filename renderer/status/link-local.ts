import type { IpConfigView } from '../../preload/contract';

function isLinkLocal(text: string): boolean {
  return text.toLowerCase().startsWith('fe80:');
}

/**
 * An IPv6 configuration without what the kernel gives every interface by itself (fe80:: address
 * and route); null when nothing else is left, so a tunnel that carries no IPv6 does not show an
 * IPv6 section.
 */
export function withoutLinkLocal(config: IpConfigView | null): IpConfigView | null {
  if (config === null) return null;
  const addresses = config.addresses.filter((a) => !isLinkLocal(a));
  const routes = config.routes.filter((r) => !isLinkLocal(r.dest));
  const empty =
    addresses.length === 0 &&
    routes.length === 0 &&
    config.gateway === null &&
    config.dns.length === 0 &&
    config.domains.length === 0;
  return empty ? null : { ...config, addresses, routes };
}
