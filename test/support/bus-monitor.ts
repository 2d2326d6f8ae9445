// Counts the messages given connections send, as the bus daemon sees them: `dbus-monitor
// --profile` turns into a bus monitor (org.freedesktop.DBus.Monitoring.BecomeMonitor), which the
// daemon hands a copy of every message matching its rules, method calls to the daemon itself
// included, in the order it routes them. One line per message: type, time, serial, sender, ...
//
// Windows are delimited by marker calls from a probe connection, not by time: dbus-monitor
// stamps a message when it reads it, which on a busy machine can be well after the daemon
// routed it. Whatever the daemon routed between two markers is printed between them.
import type { NmBus } from '../../main/nm/bus';
import { LineProcess } from './line-process';

const TIMEOUT_MS = 10_000;
const RETRY_MS = 200;
const MARKER = 'GetId';

export interface MonitoredMessage {
  sender: string;
  /** Method or signal name; '' for replies and errors. */
  member: string;
}

function parse(line: string): MonitoredMessage | null {
  if (line.startsWith('#')) return null;
  const [type, , , sender, , , , member] = line.split('\t');
  if (type === undefined || sender === undefined) return null;
  return { sender, member: type === 'mc' || type === 'sig' ? (member ?? '') : '' };
}

export class BusMonitor {
  private constructor(private readonly proc: LineProcess) {}

  /** Starts monitoring `senders`; `probe` must be one of them (it sends the markers). */
  static async start(
    busAddress: string,
    env: NodeJS.ProcessEnv,
    senders: readonly string[],
    probe: NmBus,
  ): Promise<BusMonitor> {
    const rules = senders.map((s) => `sender='${s}'`);
    const proc = new LineProcess(
      'dbus-monitor',
      'dbus-monitor',
      ['--address', busAddress, '--profile', ...rules],
      env,
    );
    const monitor = new BusMonitor(proc);
    try {
      await monitor.mark(probe);
    } catch (err) {
      await proc.stop();
      throw err;
    }
    return monitor;
  }

  /**
   * Makes `probe` send a marker call and resolves with the index of its line once printed.
   * Right after start, dbus-monitor may not be a monitor yet, hence the repeats.
   */
  async mark(probe: NmBus): Promise<number> {
    const deadline = Date.now() + TIMEOUT_MS;
    const isMarker = (t: string): boolean => {
      const msg = parse(t);
      return msg?.sender === probe.uniqueName && msg.member === MARKER;
    };
    for (;;) {
      const from = this.proc.mark;
      await probe.call({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        iface: 'org.freedesktop.DBus',
        member: MARKER,
      });
      try {
        const line = await this.proc.waitFor(isMarker, from, RETRY_MS);
        return this.proc.lines().indexOf(line);
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
  }

  /** Messages printed strictly between two marker lines (indexes from mark()). */
  between(fromMarker: number, toMarker: number): MonitoredMessage[] {
    return this.proc
      .lines()
      .slice(fromMarker + 1, toMarker)
      .map((l) => parse(l.text))
      .filter((m): m is MonitoredMessage => m !== null);
  }

  stop(): Promise<void> {
    return this.proc.stop();
  }
}
