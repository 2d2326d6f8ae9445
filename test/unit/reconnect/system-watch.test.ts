import { EventEmitter } from 'node:events';
import { Message, MessageType, Variant } from 'dbus-next';
import { describe, expect, it } from 'vitest';
import type { BusEvents, CallOptions } from '../../../main/nm/bus';
import { LOGIN1_NAME, SystemWatch, type WatchBus } from '../../../main/reconnect/system-watch';

const LOGIND = ':1.7';
const NM = ':1.2';

/** The system bus as SystemWatch uses it: match rules, owner lookups, and NetworkManager's state. */
class FakeBus extends EventEmitter<BusEvents> implements WatchBus {
  readonly nmOwner = NM;
  readonly rules: string[] = [];
  login1: string | null = LOGIND;

  call(opts: CallOptions): Promise<unknown[]> {
    switch (opts.member) {
      case 'AddMatch':
        this.rules.push(String(opts.body?.[0]));
        return Promise.resolve([]);
      case 'GetNameOwner':
        return this.login1 === null
          ? Promise.reject(new Error('no owner'))
          : Promise.resolve([this.login1]);
      case 'GetAll':
        return Promise.resolve([
          {
            State: new Variant('u', 70),
            Connectivity: new Variant('u', 4),
            PrimaryConnection: new Variant('o', '/ac/2'),
          },
        ]);
      default:
        return Promise.reject(new Error(`unexpected ${opts.member}`));
    }
  }
}

function sleepSignal(sender: string, sleeping: boolean): Message {
  return new Message({
    type: MessageType.SIGNAL,
    sender,
    path: '/org/freedesktop/login1',
    interface: 'org.freedesktop.login1.Manager',
    member: 'PrepareForSleep',
    signature: 'b',
    body: [sleeping],
  });
}

function nmProps(changed: Record<string, Variant>): Message {
  return new Message({
    type: MessageType.SIGNAL,
    sender: NM,
    path: '/org/freedesktop/NetworkManager',
    interface: 'org.freedesktop.DBus.Properties',
    member: 'PropertiesChanged',
    signature: 'sa{sv}as',
    body: ['org.freedesktop.NetworkManager', changed, []],
  });
}

async function started(tunnels: readonly string[] = []) {
  const bus = new FakeBus();
  const watch = await SystemWatch.start(bus, (path) => tunnels.includes(path));
  const sleeps: boolean[] = [];
  const nets: [boolean, boolean][] = [];
  watch.on('sleep', (s) => sleeps.push(s));
  watch.on('network', (up, moved) => nets.push([up, moved]));
  return { bus, watch, sleeps, nets };
}

describe('SystemWatch', () => {
  it('adds its match rules for logind once, and reads the network state', async () => {
    const { bus, watch } = await started();
    expect(bus.rules).toHaveLength(2);
    expect(bus.rules.join('\n')).toContain(`sender='${LOGIN1_NAME}'`);
    expect(watch.networkUp).toBe(true);
  });

  it("hears PrepareForSleep only from logind's owner: nobody else can fake a suspend", async () => {
    const { bus, sleeps } = await started();
    bus.emit('foreignSignal', sleepSignal(':1.99', true));
    expect(sleeps).toEqual([]);
    bus.emit('foreignSignal', sleepSignal(LOGIND, true));
    bus.emit('foreignSignal', sleepSignal(LOGIND, false));
    expect(sleeps).toEqual([true, false]);
  });

  it("follows logind's owner as it changes", async () => {
    const { bus, sleeps } = await started();
    const owner = (name: string, old: string, now: string): Message =>
      new Message({
        type: MessageType.SIGNAL,
        sender: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'NameOwnerChanged',
        signature: 'sss',
        body: [name, old, now],
      });
    bus.emit('foreignSignal', owner(LOGIN1_NAME, LOGIND, ':1.40'));
    bus.emit('foreignSignal', sleepSignal(LOGIND, true));
    bus.emit('foreignSignal', sleepSignal(':1.40', true));
    expect(sleeps).toEqual([true]);
  });

  it('says when the network goes and comes back, and when it moves to another connection', async () => {
    const { bus, nets, watch } = await started(['/ac/9']);
    bus.emit('signal', nmProps({ State: new Variant('u', 20) }));
    expect(watch.networkUp).toBe(false);
    bus.emit('signal', nmProps({ State: new Variant('u', 70) }));
    // A VPN becoming the primary connection is not a move; it going away again neither.
    bus.emit('signal', nmProps({ PrimaryConnection: new Variant('o', '/ac/9') }));
    bus.emit('signal', nmProps({ PrimaryConnection: new Variant('o', '/ac/2') }));
    bus.emit('signal', nmProps({ PrimaryConnection: new Variant('o', '/ac/5') }));
    bus.emit('signal', nmProps({ Connectivity: new Variant('u', 1) }));
    expect(nets).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [false, false],
    ]);
  });

  it('stops listening when stopped', async () => {
    const { bus, sleeps, watch } = await started();
    watch.stop();
    expect(bus.listenerCount('foreignSignal') + bus.listenerCount('signal')).toBe(0);
    bus.emit('foreignSignal', sleepSignal(LOGIND, true));
    expect(sleeps).toEqual([]);
  });
});
