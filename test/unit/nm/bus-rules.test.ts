import { EventEmitter } from 'node:events';
import type * as dbus from 'dbus-next';
import { describe, expect, it } from 'vitest';
import { NmBus } from '../../../main/nm/bus';

// What each kind of NmBus connection asks the bus daemon to send it. A connection that only
// calls NetworkManager (the import) must not subscribe to its state signals: adding thousands of
// profiles makes NetworkManager send a PropertiesChanged with the whole list of connections for
// each, which cost the import about a third of its time at 7,300 files.

class RecordingBus extends EventEmitter {
  name = ':1.100';
  readonly _connection = { stream: new EventEmitter() };
  readonly rules: string[] = [];
  call(msg: dbus.Message): Promise<{ body: unknown[] } | null> {
    if (msg.member === 'AddMatch') this.rules.push(String(msg.body[0]));
    if (msg.member === 'GetNameOwner') return Promise.resolve({ body: [':1.5'] });
    return Promise.resolve(null);
  }
  addMethodHandler(): void {}
  removeMethodHandler(): void {}
  send(): void {}
  disconnect(): void {}
}

async function rulesOf(nmSignals?: boolean): Promise<string[]> {
  const raw = new RecordingBus();
  const bus = await NmBus.connect('unix:path=/nowhere', 1_000, {
    open: () => Promise.resolve(raw as unknown as dbus.MessageBus),
    ...(nmSignals === undefined ? {} : { nmSignals }),
  });
  bus.close();
  return raw.rules;
}

describe('match rules', () => {
  it("by default: NetworkManager's state signals and its coming and going", async () => {
    const rules = await rulesOf();
    expect(rules.some((r) => r.includes("member='PropertiesChanged'"))).toBe(true);
    expect(rules.some((r) => r.includes('ObjectManager'))).toBe(true);
    expect(rules.some((r) => r.includes("member='NameOwnerChanged'"))).toBe(true);
  });

  it('calls only: nothing but NetworkManager coming and going', async () => {
    const rules = await rulesOf(false);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toContain("member='NameOwnerChanged'");
    expect(rules[0]).toContain("arg0='org.freedesktop.NetworkManager'");
  });
});
