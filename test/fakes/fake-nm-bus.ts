import { EventEmitter } from 'node:events';
import { DBusError, Message, MessageType } from 'dbus-next';
import type { BusEvents, CallOptions } from '../../main/nm/bus';
import type { ManagedObjects, SettingsDict } from '../../main/nm/dbus-types';
import { IFACE } from '../../main/nm/names';
import { v } from '../builders/variant';

export const NM_OWNER = ':1.7';

/** A stand-in for NetworkManager on a bus, for the model's unit tests: objects, settings, signals. */
export class FakeNmBus extends EventEmitter<BusEvents> {
  nmOwner: string | null = NM_OWNER;
  objects: ManagedObjects = {};
  settings = new Map<string, SettingsDict>();
  calls: string[] = [];

  call(opts: CallOptions): Promise<unknown[]> {
    this.calls.push(opts.member);
    if (opts.member === 'GetManagedObjects')
      return Promise.resolve([structuredClone(this.objects)]);
    if (opts.member === 'GetSettings') {
      const s = this.settings.get(opts.path);
      if (s === undefined)
        return Promise.reject(new DBusError('org.freedesktop.DBus.Error.UnknownObject', 'gone'));
      return Promise.resolve([s]);
    }
    return Promise.reject(new DBusError('org.freedesktop.DBus.Error.UnknownMethod', opts.member));
  }

  addVpnProfile(
    n: number,
    uuid: string,
    id: string,
    serviceType = 'org.freedesktop.NetworkManager.openvpn',
  ): string {
    const path = `/org/freedesktop/NetworkManager/Settings/${n}`;
    this.objects[path] = { [IFACE.settingsConnection]: { Unsaved: v('b', false) } };
    this.settings.set(path, {
      connection: { id: v('s', id), uuid: v('s', uuid), type: v('s', 'vpn') },
      vpn: {
        'service-type': v('s', serviceType),
        data: v('a{ss}', { remote: 'vpn.example:1194' }),
      },
    });
    return path;
  }

  addEthernetProfile(n: number): void {
    const path = `/org/freedesktop/NetworkManager/Settings/${n}`;
    this.objects[path] = { [IFACE.settingsConnection]: {} };
    this.settings.set(path, {
      connection: { id: v('s', 'Wired'), uuid: v('s', 'eth'), type: v('s', '802-3-ethernet') },
    });
  }

  signal(path: string, iface: string, member: string, signature: string, body: unknown[]): void {
    const msg = new Message({
      type: MessageType.SIGNAL,
      path,
      interface: iface,
      member,
      signature,
      body,
    });
    msg.sender = this.nmOwner ?? '';
    this.emit('signal', msg);
  }

  activeAdded(n: number, uuid: string, opts: { ip4Path?: string } = {}): string {
    const path = `/org/freedesktop/NetworkManager/ActiveConnection/${n}`;
    this.signal('/org/freedesktop', IFACE.objectManager, 'InterfacesAdded', 'oa{sa{sv}}', [
      path,
      {
        [IFACE.active]: {
          Uuid: v('s', uuid),
          Id: v('s', uuid),
          Type: v('s', 'vpn'),
          State: v('u', 1),
          Ip4Config: v('o', opts.ip4Path ?? '/'),
          Ip6Config: v('o', '/'),
        },
        [IFACE.vpnConnection]: { VpnState: v('u', 1), Banner: v('s', '') },
      },
    ]);
    return path;
  }

  ip4Added(n: number, address: string): string {
    const path = `/org/freedesktop/NetworkManager/IP4Config/${n}`;
    this.signal('/org/freedesktop', IFACE.objectManager, 'InterfacesAdded', 'oa{sa{sv}}', [
      path,
      {
        [IFACE.ip4Config]: {
          AddressData: v('aa{sv}', [{ address: v('s', address), prefix: v('u', 24) }]),
          Gateway: v('s', ''),
        },
      },
    ]);
    return path;
  }

  removed(path: string, ifaces: string[]): void {
    this.signal('/org/freedesktop', IFACE.objectManager, 'InterfacesRemoved', 'oas', [
      path,
      ifaces,
    ]);
  }

  vpnState(path: string, state: number, reason: number): void {
    this.signal(path, IFACE.vpnConnection, 'VpnStateChanged', 'uu', [state, reason]);
  }

  activeState(path: string, state: number, reason: number): void {
    this.signal(path, IFACE.active, 'StateChanged', 'uu', [state, reason]);
  }

  setOwner(owner: string | null): void {
    this.nmOwner = owner;
    this.emit('nmOwner', owner);
  }
}
