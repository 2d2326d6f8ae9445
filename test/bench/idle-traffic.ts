// Bench 3: what an idle Tunnelbar costs the bus. A loaded core with its secret agent registered
// (what the tray keeps running all day) and an idle `nmcli monitor` (the reference's long-running
// watcher) sit side by side for a while; we count the messages each sends, as the bus daemon
// sees them.
//
// The brief suggested the daemon's Debug.Stats counters. On dbus-daemon 1.14 they are no totals:
// IncomingMessages / OutgoingMessages are the current length of the connection's queues (0 when
// drained). checkCounters() shows it on each run, and the counting is done by a bus monitor.
import { setTimeout as sleep } from 'node:timers/promises';
import { openCore, type Core } from '../../main/core';
import { NmBus } from '../../main/nm/bus';
import type { Sandbox } from '../sandbox/infra/sandbox';
import { BusMonitor } from '../support/bus-monitor';
import { connectionStats, uniqueNameOfPid } from './bus-stats';
import { LineProcess } from '../support/line-process';
import { emptyResult, type BenchResult, type Verdict } from './report';
import { ratio } from './stats';
import { withSandbox } from './with-sandbox';

const PROBE_CALLS = 10;
const PROBE_MEMBER = 'ListNames';

async function probeCalls(probe: NmBus): Promise<void> {
  for (let i = 0; i < PROBE_CALLS; i++) {
    await probe.call({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      iface: 'org.freedesktop.DBus',
      member: PROBE_MEMBER,
    });
  }
}

/**
 * Makes PROBE_CALLS calls from the probe connection and reports which Debug.Stats counter moved
 * by that much (none, on dbus 1.14), and whether the monitor saw exactly those calls.
 */
async function checkCounters(
  probe: NmBus,
  monitor: BusMonitor,
): Promise<{ check: Verdict; note: string }> {
  const before = await connectionStats(probe, probe.uniqueName);
  const from = await monitor.mark(probe);
  await probeCalls(probe);
  const to = await monitor.mark(probe);
  const after = await connectionStats(probe, probe.uniqueName);
  const seen = monitor
    .between(from, to)
    .filter((m) => m.sender === probe.uniqueName && m.member === PROBE_MEMBER).length;
  const delta = (key: string, value: number): number => value - (before.get(key) ?? 0);
  const moved = [...after]
    .filter(([key, value]) => delta(key, value) !== 0)
    .map(([key, value]) => `${key} ${delta(key, value) > 0 ? '+' : ''}${delta(key, value)}`);
  // Only message counters qualify (byte high-water marks move too, by the size of the calls).
  const counting = [...after].filter(
    ([key, value]) => key.endsWith('Messages') && delta(key, value) >= PROBE_CALLS,
  );
  const note =
    `3: after ${PROBE_CALLS} calls (and 2 markers, 1 stats call), Debug.Stats counters moved: ${moved.join(', ') || 'none'}; ` +
    (counting.length === 0
      ? 'none counts messages received from a connection (IncomingMessages is a queue length), so a bus monitor counts them.'
      : `${counting.map(([k]) => k).join(', ')} may count them; the bus monitor still does the counting.`);
  return {
    check: {
      name: `the bus monitor sees exactly the ${PROBE_CALLS} calls a probe connection makes`,
      ok: seen === PROBE_CALLS,
      detail: `saw ${seen}`,
    },
    note,
  };
}

async function measureIdle(
  sb: Sandbox,
  core: Core,
  nmcliMonitor: LineProcess,
  windowMs: number,
): Promise<BenchResult> {
  const result = emptyResult();
  const probe = await NmBus.connect(sb.busAddress);
  let monitor: BusMonitor | null = null;
  try {
    const tb = core.bus.uniqueName;
    const nmcli = await uniqueNameOfPid(probe, nmcliMonitor.pid);
    monitor = await BusMonitor.start(sb.busAddress, sb.env, [tb, nmcli, probe.uniqueName], probe);
    const counters = await checkCounters(probe, monitor);
    result.checks.push(counters.check);
    result.notes.push(counters.note);

    const from = await monitor.mark(probe);
    const sentBefore = core.bus.messagesSent;
    await sleep(windowMs);
    const sentByOwnCount = core.bus.messagesSent - sentBefore;
    const to = await monitor.mark(probe);
    const window = monitor.between(from, to);
    const tbSent = window.filter((m) => m.sender === tb).length;
    const nmcliSent = window.filter((m) => m.sender === nmcli).length;
    const seconds = Math.round(windowMs / 1000);
    result.rows.push({
      bench: `3 idle ${seconds} s: messages sent`,
      tunnelbar: String(tbSent),
      reference: String(nmcliSent),
      ratio: ratio(tbSent, nmcliSent),
      how: 'core + agent vs nmcli monitor; bus monitor count',
    });
    result.targets.push({
      name: `an idle core sends 0 messages in ${seconds} s`,
      ok: tbSent === 0,
      detail: `sent ${tbSent}`,
    });
    result.checks.push({
      name: "the bus monitor's count for the core agrees with NmBus.messagesSent",
      ok: sentByOwnCount === tbSent,
      detail: `monitor ${tbSent}, NmBus ${sentByOwnCount}`,
    });
    return result;
  } finally {
    await monitor?.stop();
    probe.close();
  }
}

export async function idleTrafficBench(windowMs: number): Promise<BenchResult> {
  return withSandbox(async (sb) => {
    const nmcliMonitor = new LineProcess('nmcli monitor', 'nmcli', ['monitor'], sb.env);
    let core: Core | null = null;
    try {
      await nmcliMonitor.waitFor((t) => t === 'NetworkManager is running', 0, 30_000);
      core = await openCore({
        busAddress: sb.busAddress,
        agent: { identifier: 'tunnelbar.bench', prompter: null, sessionBusAddress: null },
      });
      return await measureIdle(sb, core, nmcliMonitor, windowMs);
    } finally {
      await core?.close();
      await nmcliMonitor.stop();
    }
  });
}
