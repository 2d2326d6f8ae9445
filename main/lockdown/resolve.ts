// Resolves the VPN profiles' servers, all at once, each lookup bounded in time: lockdown reports
// the profiles it could not resolve (those cannot connect while lockdown is on).
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Profile } from '../nm/profile';
import { serverHosts } from './server-hosts';
import type { ServerAddresses } from './types';

export type Lookup = (host: string) => Promise<string[]>;

const LOOKUP_TIMEOUT_MS = 5000;

/** The system resolver (getaddrinfo, as openvpn uses), every address of both families. */
export const systemLookup: Lookup = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
};

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms / 1000} s`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

async function resolveHost(
  host: string,
  lookup: Lookup,
): Promise<Omit<ServerAddresses, 'uuid' | 'id'>> {
  if (isIP(host) !== 0) return { host, addresses: [host], error: null };
  try {
    const addresses = await withTimeout(lookup(host), LOOKUP_TIMEOUT_MS);
    if (addresses.length > 0) return { host, addresses, error: null };
    return { host, addresses: [], error: `${host} could not be resolved (no address)` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { host, addresses: [], error: `${host} could not be resolved (${code})` };
  }
}

/** One entry per profile and host; a profile naming no server gets an entry saying so. */
export async function resolveServers(
  profiles: readonly Profile[],
  lookup: Lookup = systemLookup,
): Promise<ServerAddresses[]> {
  const cache = new Map<string, ReturnType<typeof resolveHost>>();
  const entries = profiles.flatMap((p) => {
    const hosts = serverHosts(p);
    if (hosts.length === 0) {
      const none = { host: '', addresses: [], error: 'the profile names no server' };
      return [Promise.resolve({ uuid: p.uuid, id: p.id, ...none })];
    }
    return hosts.map(async (host) => {
      // Thousands of profiles often share a few servers: one lookup each.
      let pending = cache.get(host);
      if (pending === undefined) {
        pending = resolveHost(host, lookup);
        cache.set(host, pending);
      }
      return { uuid: p.uuid, id: p.id, ...(await pending) };
    });
  });
  return Promise.all(entries);
}
