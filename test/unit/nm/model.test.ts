import { Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { NmModel } from '../../../main/nm/model';
import type { TunnelState } from '../../../main/nm/tunnel-state';
import { IFACE } from '../../../main/nm/names';
import { FakeNmBus } from '../../fakes/fake-nm-bus';

async function loaded(
  bus: FakeNmBus,
): Promise<{ model: NmModel; events: [string, TunnelState][] }> {
  const model = new NmModel(bus);
  await model.ready();
  const events: [string, TunnelState][] = [];
  model.on('tunnel', (uuid, state) => events.push([uuid, state]));
  return { model, events };
}

describe('NmModel', () => {
  it('loads VPN profiles of any plugin from one snapshot and leaves other connections out', async () => {
    const bus = new FakeNmBus();
    bus.addVpnProfile(1, 'u1', 'work');
    bus.addVpnProfile(2, 'u2', 'corp', 'org.freedesktop.NetworkManager.openconnect');
    bus.addEthernetProfile(3);
    const { model } = await loaded(bus);
    expect(model.nmRunning).toBe(true);
    expect(
      model
        .profiles()
        .map((p) => [p.id, p.vpnType])
        .sort(),
    ).toEqual([
      ['corp', 'openconnect'],
      ['work', 'openvpn'],
    ]);
    expect(bus.calls.filter((c) => c === 'GetManagedObjects')).toHaveLength(1);
  });

  it('follows an activation through to connected with its address', async () => {
    const bus = new FakeNmBus();
    bus.addVpnProfile(1, 'u1', 'work');
    const { model, events } = await loaded(bus);
    const ac = bus.activeAdded(5, 'u1');
    bus.vpnState(ac, 2, 1);
    bus.vpnState(ac, 3, 1);
    const ip4 = bus.ip4Added(9, '10.8.0.2');
    bus.signal(ac, IFACE.properties, 'PropertiesChanged', 'sa{sv}as', [
      IFACE.active,
      { Ip4Config: new Variant('o', ip4) },
      [],
    ]);
    bus.activeState(ac, 2, 1);
    bus.vpnState(ac, 5, 1);
    expect(events.map(([, s]) => s.kind)).toEqual([
      'connecting',
      'needs-secrets',
      'connecting',
      'connected',
    ]);
    const state = model.tunnelState('u1');
    expect(state.kind === 'connected' && state.ip4?.addresses).toEqual(['10.8.0.2/24']);
  });

  it('keeps the failure reason after NetworkManager removes the active connection', async () => {
    const bus = new FakeNmBus();
    bus.addVpnProfile(1, 'u1', 'work');
    const { model } = await loaded(bus);
    const ac = bus.activeAdded(5, 'u1');
    bus.vpnState(ac, 6, 9);
    bus.activeState(ac, 4, 9);
    bus.removed(ac, [IFACE.active, IFACE.vpnConnection]);
    const state = model.tunnelState('u1');
    expect(state.kind === 'failed' && state.reason.word).toBe('no-secrets');
    // A new attempt clears the old failure.
    bus.activeAdded(6, 'u1');
    expect(model.tunnelState('u1').kind).toBe('connecting');
  });

  it('emits no event for a signal that changes nothing', async () => {
    const bus = new FakeNmBus();
    bus.addVpnProfile(1, 'u1', 'work');
    const { events } = await loaded(bus);
    const ac = bus.activeAdded(5, 'u1');
    bus.vpnState(ac, 3, 1);
    bus.vpnState(ac, 3, 1);
    expect(events).toHaveLength(2);
  });

  it('says NetworkManager is gone, then reloads when a new NetworkManager appears', async () => {
    const bus = new FakeNmBus();
    bus.addVpnProfile(1, 'u1', 'work');
    const { model, events } = await loaded(bus);
    const ac = bus.activeAdded(5, 'u1');
    bus.vpnState(ac, 5, 1);
    const running: boolean[] = [];
    model.on('nm', (r) => running.push(r));
    bus.setOwner(null);
    expect(model.nmRunning).toBe(false);
    expect(model.profiles()).toEqual([]);
    expect(events.at(-1)).toEqual(['u1', { kind: 'disconnected' }]);
    bus.setOwner(':1.99');
    await model.ready();
    expect(running).toEqual([false, true]);
    expect(model.profiles().map((p) => p.id)).toEqual(['work']);
  });

  it('follows profiles added, updated and removed', async () => {
    const bus = new FakeNmBus();
    const { model } = await loaded(bus);
    let changes = 0;
    model.on('profiles', () => changes++);
    const path = bus.addVpnProfile(4, 'u4', 'new');
    bus.signal('/org/freedesktop', IFACE.objectManager, 'InterfacesAdded', 'oa{sa{sv}}', [
      path,
      { [IFACE.settingsConnection]: {} },
    ]);
    await new Promise((r) => setImmediate(r));
    expect(model.profiles().map((p) => p.id)).toEqual(['new']);
    bus.removed(path, [IFACE.settingsConnection]);
    expect(model.profiles()).toEqual([]);
    expect(changes).toBe(2);
  });

  it('replays signals that arrived while the snapshot was loading', async () => {
    const bus = new FakeNmBus();
    bus.addVpnProfile(1, 'u1', 'work');
    const model = new NmModel(bus);
    // Arrives while GetManagedObjects is still on its way.
    bus.activeAdded(5, 'u1');
    await model.ready();
    expect(model.tunnelState('u1').kind).toBe('connecting');
  });
});
