import { EventEmitter } from 'node:events';
import * as dbus from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../../main/nm/backoff';
import { NmBus } from '../../../main/nm/bus';
import { NM_BUS_NAME } from '../../../main/nm/names';

// The owner lookup of NmBus (issue 11, item 9): GetNameOwner's reply and a NameOwnerChanged can
// arrive in one read of the socket, where dbus-next handles both before any promise continues.

const OLD_NM = ':1.5';
const NEW_NM = ':1.9';

function ownerChanged(oldOwner: string, newOwner: string): dbus.Message {
  const msg = new dbus.Message({
    type: dbus.MessageType.SIGNAL,
    path: '/org/freedesktop/DBus',
    interface: 'org.freedesktop.DBus',
    member: 'NameOwnerChanged',
    signature: 'sss',
    body: [NM_BUS_NAME, oldOwner, newOwner],
  });
  msg.sender = 'org.freedesktop.DBus';
  return msg;
}

/**
 * A dbus-next MessageBus with the bus daemon behind it: AddMatch succeeds; GetNameOwner answers
 * `owner` and, in the same turn (the same read), delivers `sameRead` as a signal.
 */
class OneReadBus extends EventEmitter {
  name = ':1.100';
  readonly _connection = { stream: new EventEmitter() };
  constructor(
    private readonly owner: string | null,
    private readonly sameRead: dbus.Message,
  ) {
    super();
  }
  call(msg: dbus.Message): Promise<{ body: unknown[] } | null> {
    if (msg.member !== 'GetNameOwner') return Promise.resolve(null);
    const reply =
      this.owner === null
        ? Promise.reject(
            new dbus.DBusError('org.freedesktop.DBus.Error.NameHasNoOwner', 'no owner'),
          )
        : Promise.resolve({ body: [this.owner] });
    // dbus-next settles the call, then handles the next message of the read, synchronously.
    this.emit('message', this.sameRead);
    return reply;
  }
  addMethodHandler(): void {}
  removeMethodHandler(): void {}
  send(): void {}
  disconnect(): void {}
}

function connectOver(raw: OneReadBus): Promise<NmBus> {
  return NmBus.connect('unix:path=/nowhere', 1_000, {
    open: () => Promise.resolve(raw as unknown as dbus.MessageBus),
  });
}

describe('NetworkManager owner at connect', () => {
  it('NetworkManager leaving in the same read as the lookup: it is gone', async () => {
    const bus = await connectOver(new OneReadBus(OLD_NM, ownerChanged(OLD_NM, '')));
    expect(bus.nmOwner).toBeNull();
    bus.close();
  });

  it('NetworkManager starting in the same read as "no owner": it is there', async () => {
    const bus = await connectOver(new OneReadBus(null, ownerChanged('', NEW_NM)));
    expect(bus.nmOwner).toBe(NEW_NM);
    bus.close();
  });

  it('with no change meanwhile, the lookup answers', async () => {
    const unrelated = ownerChanged(OLD_NM, OLD_NM);
    unrelated.body = ['org.example.Other', '', ':1.3'];
    const bus = await connectOver(new OneReadBus(OLD_NM, unrelated));
    expect(bus.nmOwner).toBe(OLD_NM);
    bus.close();
  });
});

describe('calls in flight', () => {
  it('many at once (a pipelined load) raise no "possible leak" warning', async () => {
    const bus = await connectOver(new OneReadBus(OLD_NM, ownerChanged(OLD_NM, OLD_NM)));
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.name);
    };
    process.on('warning', onWarning);
    try {
      const calls = Array.from({ length: 60 }, () =>
        bus.call({ path: '/', iface: 'org.example.X', member: 'Y' }),
      );
      await Promise.all(calls);
      await new Promise((r) => setImmediate(r));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      bus.close();
    }
  });
});

/** Answers everything as OneReadBus does, except `Hang`, which never answers. */
class HangingBus extends OneReadBus {
  override call(msg: dbus.Message): Promise<{ body: unknown[] } | null> {
    if (msg.member === 'Hang') return new Promise(() => undefined);
    return super.call(msg);
  }
}

describe('a call cut off by close()', () => {
  it('fails as "closed", not as a lost bus (a CLI ending its run lost nothing)', async () => {
    const bus = await connectOver(new HangingBus(OLD_NM, ownerChanged(OLD_NM, OLD_NM)));
    const hanging = bus.call({ path: '/', iface: 'org.example.X', member: 'Hang' });
    bus.close();
    await expect(hanging).rejects.toMatchObject({ word: 'bus-closed' });
  });
});

describe('reconnect backoff', () => {
  it('starts at 0.5 s, doubles, stops at 30 s, and is jittered to between half and all', () => {
    const top = (attempt: number) => reconnectDelay(attempt, () => 1);
    const bottom = (attempt: number) => reconnectDelay(attempt, () => 0);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(top)).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect([0, 1, 6, 50].map(bottom)).toEqual([250, 500, 15000, 15000]);
  });
});
