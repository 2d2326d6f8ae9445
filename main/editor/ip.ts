// ipv4 / ipv6 settings ↔ the editor's IpEdit. Reading prefers the new properties (address-data,
// route-data, dns-data); writing an edited list writes the new form and deletes its legacy twin,
// because NetworkManager takes the legacy property when a dict holds both (reference §5.3).

import { Variant } from 'dbus-next';
import type { IpEdit } from '../../preload/editor';
import {
  boolProp,
  mapArrayProp,
  numberProp,
  stringArrayProp,
  stringProp,
  variantValue,
  type VariantMap,
} from '../nm/dbus-types';
import { formatIPv4, formatIPv6, parseIpWithPrefix } from '../vpn/inet';
import { ip4ToNetworkUint32 } from '../vpn/settings-dict';
import { editRefused, sameValue } from './refusal';
import { writeChanged } from './changed-fields';
import { editorStrings as s } from './editor-strings';

export type Family = 4 | 6;

function legacyDns(map: VariantMap | undefined, family: Family): string[] {
  const v = variantValue(map, 'dns');
  if (!Array.isArray(v)) return [];
  if (family === 4) {
    return v
      .filter((x): x is number => typeof x === 'number')
      .map((n) => {
        const b = Buffer.alloc(4);
        b.writeUInt32LE(n >>> 0, 0);
        return formatIPv4(b);
      });
  }
  return v.filter((x): x is Buffer => Buffer.isBuffer(x)).map((b) => formatIPv6(b));
}

export function readIp(map: VariantMap | undefined, family: Family): IpEdit {
  const dnsData = variantValue(map, 'dns-data');
  return {
    method: stringProp(map, 'method') ?? 'auto',
    addresses: mapArrayProp(map, 'address-data').map(
      (a) => `${stringProp(a, 'address') ?? ''}/${String(numberProp(a, 'prefix') ?? 0)}`,
    ),
    dns: Array.isArray(dnsData) ? stringArrayProp(map, 'dns-data') : legacyDns(map, family),
    dnsSearch: stringArrayProp(map, 'dns-search'),
    routes: mapArrayProp(map, 'route-data').map((r) => ({
      dest: `${stringProp(r, 'dest') ?? ''}/${String(numberProp(r, 'prefix') ?? 0)}`,
      nextHop: stringProp(r, 'next-hop') ?? null,
      metric: numberProp(r, 'metric') ?? null,
    })),
    neverDefault: boolProp(map, 'never-default') ?? false,
    ignoreAutoRoutes: boolProp(map, 'ignore-auto-routes') ?? false,
    ignoreAutoDns: boolProp(map, 'ignore-auto-dns') ?? false,
  };
}

/** `addr[/prefix]` in the family, or a refusal naming the field. */
function cidr(
  text: string,
  family: Family,
  what: 'address' | 'route',
): { address: string; prefix: number } {
  const parsed = parseIpWithPrefix(text.trim());
  if (parsed?.family !== family) {
    throw editRefused(s.refused.notIpCidr(text, family, what));
  }
  return { address: parsed.text, prefix: parsed.prefix ?? (family === 4 ? 32 : 128) };
}

function address(text: string, family: Family): string {
  const parsed = parseIpWithPrefix(text.trim());
  if (parsed?.family !== family || parsed.prefix !== null) {
    throw editRefused(s.refused.notIpAddress(text, family));
  }
  return parsed.text;
}

function setOrDelete(out: VariantMap, key: string, value: Variant | null): void {
  if (value === null) Reflect.deleteProperty(out, key);
  else out[key] = value;
}

/** Applies the fields that differ between base and edit onto a copy of the current setting. */
export function applyIp(
  current: VariantMap | undefined,
  base: IpEdit,
  edit: IpEdit,
  family: Family,
): VariantMap {
  const out: VariantMap = { ...current };
  if (!sameValue(base.method, edit.method)) out.method = new Variant('s', edit.method);
  if (!sameValue(base.addresses, edit.addresses)) {
    delete out.addresses;
    delete out['address-labels'];
    const list = edit.addresses.map((a) => cidr(a, family, 'address'));
    setOrDelete(
      out,
      'address-data',
      list.length === 0
        ? null
        : new Variant(
            'aa{sv}',
            list.map((a) => ({
              address: new Variant('s', a.address),
              prefix: new Variant('u', a.prefix),
            })),
          ),
    );
  }
  if (!sameValue(base.routes, edit.routes)) {
    delete out.routes;
    const list = edit.routes.map((r) => {
      const dest = cidr(r.dest, family, 'route');
      const d: VariantMap = {
        dest: new Variant('s', dest.address),
        prefix: new Variant('u', dest.prefix),
      };
      if (r.nextHop !== null && r.nextHop.trim() !== '') {
        d['next-hop'] = new Variant('s', address(r.nextHop, family));
      }
      if (r.metric !== null) d.metric = new Variant('u', r.metric);
      return d;
    });
    setOrDelete(out, 'route-data', list.length === 0 ? null : new Variant('aa{sv}', list));
  }
  if (!sameValue(base.dns, edit.dns)) {
    const list = edit.dns.map((a) => address(a, family));
    // dns-data where this NetworkManager has it (1.42+); else the legacy form every version takes.
    const useData = current !== undefined && 'dns-data' in current;
    delete out.dns;
    delete out['dns-data'];
    if (list.length > 0) {
      if (useData) out['dns-data'] = new Variant('as', list);
      else if (family === 4) out.dns = new Variant('au', list.map(ip4ToNetworkUint32));
      else out.dns = new Variant('aay', list.map(ipv6Bytes));
    }
  }
  if (!sameValue(base.dnsSearch, edit.dnsSearch)) {
    setOrDelete(
      out,
      'dns-search',
      edit.dnsSearch.length === 0 ? null : new Variant('as', edit.dnsSearch),
    );
  }
  const flags = [
    ['never-default', 'neverDefault'],
    ['ignore-auto-routes', 'ignoreAutoRoutes'],
    ['ignore-auto-dns', 'ignoreAutoDns'],
  ] as const;
  writeChanged(out, base, edit, flags, 'b');
  return out;
}

function ipv6Bytes(text: string): Buffer {
  const parsed = parseIpWithPrefix(text);
  if (parsed === null) throw editRefused(s.refused.notIpAddress(text, 6));
  return Buffer.from(parsed.bytes);
}
