// A stand-in for NetworkManager's settings service, for the import pipeline's unit tests: it takes
// AddConnection2 calls, answers them after a delay of the test's choosing (so answers can come
// out of order), refuses the profiles a test names, counts the calls in flight, and answers
// ListConnections, GetSettings and GetSecrets from tables.

import { DBusError } from 'dbus-next';
import type { CallOptions } from '../../main/nm/bus';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { stringProp } from '../../main/nm/dbus-types';
import type { NmCaller } from '../../main/nm/settings-calls';

export interface AddCall {
  id: string;
  uuid: string;
  settings: SettingsDict;
  flags: number;
}

export class FakeImportBus implements NmCaller {
  readonly added: AddCall[] = [];
  readonly members: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** connection.id → the D-Bus error AddConnection2 answers with. */
  refuse = new Map<string, DBusError>();
  /** Settings object path → GetSecrets' answer. */
  secrets = new Map<string, SettingsDict>();
  /** Settings object path → GetSettings' answer (ListConnections lists them). */
  connections = new Map<string, SettingsDict>();
  /** Milliseconds before answering the call for a connection.id (default 0). */
  delayFor: (id: string) => number = () => 0;

  async call(opts: CallOptions): Promise<unknown[]> {
    this.members.push(opts.member);
    if (opts.member === 'GetSecrets') {
      const found = this.secrets.get(opts.path);
      if (found === undefined) {
        throw new DBusError('org.freedesktop.NetworkManager.Settings.Connection.NoSecrets', 'none');
      }
      return [found];
    }
    if (opts.member === 'ListConnections') return [[...this.connections.keys()]];
    if (opts.member === 'GetSettings') {
      const found = this.connections.get(opts.path);
      if (found === undefined) {
        throw new DBusError('org.freedesktop.DBus.Error.UnknownObject', opts.path);
      }
      return [found];
    }
    if (opts.member !== 'AddConnection2') throw new Error(`unexpected call ${opts.member}`);
    const [settings, flags] = opts.body as [SettingsDict, number];
    const id = stringProp(settings.connection, 'id') ?? '';
    const uuid = stringProp(settings.connection, 'uuid') ?? '';
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, this.delayFor(id)));
      const refusal = this.refuse.get(id);
      if (refusal !== undefined) throw refusal;
      this.added.push({ id, uuid, settings, flags });
      return [`/org/freedesktop/NetworkManager/Settings/${this.added.length}`, {}];
    } finally {
      this.inFlight--;
    }
  }
}

export function invalidProperty(text: string): DBusError {
  return new DBusError('org.freedesktop.NetworkManager.Settings.Connection.InvalidProperty', text);
}
