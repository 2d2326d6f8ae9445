// NetworkManager's DNS configuration as it computed it (DnsManager's Mode, RcManager and
// Configuration), read once per call: the status panel re-reads it when a tunnel changes.
import type { CallOptions } from '../nm/bus';
import {
  boolProp,
  mapArrayProp,
  numberProp,
  stringArrayProp,
  stringProp,
  type VariantMap,
} from '../nm/dbus-types';
import type { DnsEntryView } from '../../preload/privacy-types';

export const DNS_MANAGER_PATH = '/org/freedesktop/NetworkManager/DnsManager';
const DNS_MANAGER_IFACE = 'org.freedesktop.NetworkManager.DnsManager';

export interface DnsBus {
  call(opts: CallOptions): Promise<unknown[]>;
}

export interface DnsConfiguration {
  mode: string;
  rcManager: string;
  entries: Omit<DnsEntryView, 'general'>[];
}

export async function readDnsConfiguration(bus: DnsBus): Promise<DnsConfiguration> {
  const [props] = (await bus.call({
    path: DNS_MANAGER_PATH,
    iface: 'org.freedesktop.DBus.Properties',
    member: 'GetAll',
    signature: 's',
    body: [DNS_MANAGER_IFACE],
  })) as [VariantMap];
  return {
    mode: stringProp(props, 'Mode') ?? '',
    rcManager: stringProp(props, 'RcManager') ?? '',
    entries: mapArrayProp(props, 'Configuration').map((entry) => ({
      nameservers: stringArrayProp(entry, 'nameservers'),
      domains: stringArrayProp(entry, 'domains'),
      interface: stringProp(entry, 'interface') ?? '',
      priority: numberProp(entry, 'priority') ?? 0,
      vpn: boolProp(entry, 'vpn') ?? false,
    })),
  };
}
