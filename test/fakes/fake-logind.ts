// logind as far as the reconnect policy hears of it: org.freedesktop.login1 owned on the
// sandbox's bus (root may own it, as the host's policy file says) and its PrepareForSleep signal.
import * as dbus from 'dbus-next';
import { openConnection } from '../../main/dbus/connection';

export class FakeLogind {
  private constructor(private readonly bus: dbus.MessageBus) {}

  static async start(address: string): Promise<FakeLogind> {
    const bus = await openConnection(address, 5_000, (cause) => new Error(cause));
    const reply = await bus.requestName('org.freedesktop.login1', 0);
    if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) {
      bus.disconnect();
      throw new Error(`could not own org.freedesktop.login1 (reply ${String(reply)})`);
    }
    return new FakeLogind(bus);
  }

  /**
   * Emits PrepareForSleep and resolves once the bus daemon has passed it on: the daemon handles
   * one connection's messages in order, so when its reply to a later call arrives the signal sits
   * in every listener's queue, ahead of anything sent after this resolves (a tunnel's drop).
   */
  async prepareForSleep(sleeping: boolean): Promise<void> {
    this.bus.send(
      new dbus.Message({
        type: dbus.MessageType.SIGNAL,
        path: '/org/freedesktop/login1',
        interface: 'org.freedesktop.login1.Manager',
        member: 'PrepareForSleep',
        signature: 'b',
        body: [sleeping],
      }),
    );
    await this.bus.call(
      new dbus.Message({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'GetId',
      }),
    );
  }

  stop(): void {
    this.bus.disconnect();
  }
}
