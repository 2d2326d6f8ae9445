import { DBusError } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../../../main/nm/bus';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import { NmModel } from '../../../main/nm/model';
import { IFACE } from '../../../main/nm/names';
import { FakeNmBus } from '../../fakes/fake-nm-bus';

/** GetSettings answers a moment later, so calls pile up as on a busy bus; counts them in flight. */
class SlowBus extends FakeNmBus {
  inFlight = 0;
  most = 0;
  reads = 0;
  failNext: Error | null = null;

  override async call(opts: CallOptions): Promise<unknown[]> {
    if (opts.member !== 'GetSettings') return super.call(opts);
    this.inFlight++;
    this.reads++;
    this.most = Math.max(this.most, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, 1));
      const failure = this.failNext;
      this.failNext = null;
      if (failure !== null) throw failure;
      return await super.call(opts);
    } finally {
      this.inFlight--;
    }
  }
}

function added(bus: FakeNmBus, path: string): void {
  bus.signal('/org/freedesktop', IFACE.objectManager, 'InterfacesAdded', 'oa{sa{sv}}', [
    path,
    { [IFACE.settingsConnection]: {} },
  ]);
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(check()).toBe(true);
}

describe('NmModel re-reading profiles after signals', () => {
  it('reads a burst of 1,000 new profiles with a bounded number of calls in flight', async () => {
    const bus = new SlowBus();
    const model = new NmModel(bus);
    await model.ready();
    for (let n = 1; n <= 1000; n++) added(bus, bus.addVpnProfile(n, `u${n}`, `vpn-${n}`));
    await until(() => model.profiles().length === 1000);
    // Under the bus's 128 pending replies, with room for the app's own calls.
    expect(bus.most).toBeLessThanOrEqual(24);
    expect(bus.most).toBeGreaterThan(1);
  });

  it('reads a profile changed many times in a row once more, not once per signal', async () => {
    const bus = new SlowBus();
    const path = bus.addVpnProfile(1, 'u1', 'work');
    const model = new NmModel(bus);
    await model.ready();
    const before = bus.calls.length;
    for (let i = 0; i < 50; i++) bus.signal(path, IFACE.settingsConnection, 'Updated', '', []);
    await until(() => bus.inFlight === 0 && bus.calls.length > before);
    await new Promise((r) => setTimeout(r, 20));
    // One read running when the rest came, and one more after it for the latest settings.
    expect(bus.calls.length - before).toBeLessThanOrEqual(2);
    expect(model.profiles().map((p) => p.id)).toEqual(['work']);
  });

  it('keeps a profile whose re-read failed (it was not removed, only unreadable for a moment)', async () => {
    const bus = new SlowBus();
    const path = bus.addVpnProfile(1, 'u1', 'work');
    const model = new NmModel(bus);
    const warnings: string[] = [];
    model.on('warning', (text) => warnings.push(text));
    await model.ready();
    bus.failNext = new DBusError('org.freedesktop.DBus.Error.LimitsExceeded', 'too many replies');
    bus.signal(path, IFACE.settingsConnection, 'Updated', '', []);
    await until(() => warnings.length > 0 && bus.inFlight === 0);
    expect(model.profiles().map((p) => p.id)).toEqual(['work']);
  });

  it('says nothing of a re-read cut off because the process closed its own bus', async () => {
    const bus = new SlowBus();
    const path = bus.addVpnProfile(1, 'u1', 'work');
    const model = new NmModel(bus);
    const warnings: string[] = [];
    model.on('warning', (text) => warnings.push(text));
    await model.ready();
    const before = bus.reads;
    bus.failNext = new TunnelbarError('bus-closed', 'closed');
    bus.signal(path, IFACE.settingsConnection, 'Updated', '', []);
    await until(() => bus.reads > before && bus.inFlight === 0);
    await new Promise((r) => setTimeout(r, 10));
    expect(warnings).toEqual([]);
  });
});
