import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import {
  baseConnectionViews,
  connectWithOf,
  secondariesChange,
  withSecondary,
  type StoredConnection,
} from '../../../main/editor/secondaries';
import { v } from '../../builders/variant';

const VPN = '11111111-1111-4111-8111-111111111111';
const OTHER_VPN = '22222222-2222-4222-8222-222222222222';

function conn(n: number, type: string, id: string, secondaries?: string[]): StoredConnection {
  const connection: Record<string, Variant> = {
    id: v('s', id),
    uuid: v('s', `uuid-${String(n)}`),
    type: v('s', type),
  };
  if (secondaries !== undefined) connection.secondaries = v('as', secondaries);
  return {
    path: `/org/freedesktop/NetworkManager/Settings/${String(n)}`,
    settings: { connection, ipv4: { method: v('s', 'auto') } },
  };
}

const all = [
  conn(1, '802-11-wireless', 'Home Wi-Fi', [OTHER_VPN, VPN]),
  conn(2, 'vpn', 'office'),
  conn(3, '802-3-ethernet', 'Wired connection 1'),
  conn(4, 'wireguard', 'wg0', [VPN]),
  conn(5, 'loopback', 'lo'),
  conn(6, 'dummy', 'Dummy', [VPN]),
];

describe('base connections', () => {
  it('are every connection but VPNs, WireGuard and loopback, by name', () => {
    expect(baseConnectionViews(all)).toEqual([
      { uuid: 'uuid-6', name: 'Dummy', type: 'dummy' },
      { uuid: 'uuid-1', name: 'Home Wi-Fi', type: '802-11-wireless' },
      { uuid: 'uuid-3', name: 'Wired connection 1', type: '802-3-ethernet' },
    ]);
  });

  it('that start a VPN are those whose secondaries hold its uuid', () => {
    expect(connectWithOf(all, VPN)).toEqual(['uuid-1', 'uuid-6']);
    expect(connectWithOf(all, OTHER_VPN)).toEqual(['uuid-1']);
    expect(connectWithOf(all, 'nobody')).toEqual([]);
  });
});

describe('the secondaries diff', () => {
  it('adds the newly chosen and removes the dropped bases, once each', () => {
    expect(secondariesChange(['a', 'b'], ['b', 'c', 'c'])).toEqual({ add: ['c'], remove: ['a'] });
    expect(secondariesChange(['a'], ['a'])).toEqual({ add: [], remove: [] });
  });

  it('puts the VPN in a base’s list after the VPNs already there, changing nothing else', () => {
    const base = conn(3, '802-3-ethernet', 'Wired', [OTHER_VPN]).settings;
    const out = withSecondary(base, VPN, true);
    expect(out?.connection?.secondaries?.signature).toBe('as');
    expect(out?.connection?.secondaries?.value).toEqual([OTHER_VPN, VPN]);
    expect(out?.connection?.id).toBe(base.connection?.id);
    expect(out?.ipv4).toBe(base.ipv4);
    // The settings read are not modified.
    expect(base.connection?.secondaries?.value).toEqual([OTHER_VPN]);
  });

  it('takes only the VPN out, and sends nothing when the list already is as wanted', () => {
    const base = conn(1, '802-11-wireless', 'Home', [OTHER_VPN, VPN]).settings;
    expect(withSecondary(base, VPN, false)?.connection?.secondaries?.value).toEqual([OTHER_VPN]);
    expect(withSecondary(base, VPN, true)).toBeNull();
    expect(withSecondary(conn(3, 'dummy', 'D').settings, VPN, false)).toBeNull();
  });
});
