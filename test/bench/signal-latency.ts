// Bench 2: how soon Tunnelbar knows. (a) inside the process: signal in, model event out, over
// every state change of a certificate VPN brought up and down. (b) against the reference: from
// the moment ActivateConnection is sent, until Tunnelbar's model says connected, until
// `tunnelbar watch --json` prints it, and until `nmcli monitor` prints its line for it. nmcli
// monitor has no line for a VPN's own state; the one it prints when the VPN comes up is
// "'<id>' is now the primary connection" (NetworkManager makes an activated VPN primary).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { activate, deactivate, findProfile, waitForSettled } from '../../main/nm/actions';
import type { NmModel } from '../../main/nm/model';
import type { TunnelState } from '../../main/nm/tunnel-state';
import { CLI } from '../support/run-cli';
import { LineProcess } from '../support/line-process';
import { emptyResult, formatMs, type BenchResult } from './report';
import { StampedModel } from './stamped-model';
import { median, quantile, ratio } from './stats';
import { withSandbox } from './with-sandbox';

const STEP_TIMEOUT_MS = 30_000;
const MEDIAN_TARGET_MS = 5;
const WARM_UP_ROUNDS = 5;
/** How long a warm-up round waits for the watcher's line before trying again. */
const WARM_UP_WAIT_MS = 3_000;

/** performance.now() at the model's 'connected' event for `uuid`; rejects if it fails instead. */
function connectedAt(model: NmModel, uuid: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onTunnel = (changed: string, state: TunnelState): void => {
      if (changed !== uuid) return;
      if (state.kind === 'connected') {
        model.off('tunnel', onTunnel);
        resolve(performance.now());
      } else if (state.kind === 'failed') {
        model.off('tunnel', onTunnel);
        reject(new Error(`the VPN failed: ${state.reason.word}`));
      }
    };
    model.on('tunnel', onTunnel);
  });
}

interface RoundTimes {
  model: number;
  watch: number;
  nmcli: number;
}

async function oneRound(
  stamped: StampedModel,
  monitor: LineProcess,
  watcher: LineProcess,
  id: string,
  uuid: string,
  waitMs = STEP_TIMEOUT_MS,
): Promise<RoundTimes> {
  const { bus, model } = stamped;
  const profile = findProfile(model, uuid);
  const primaryLine = `'${id}' is now the primary connection`;
  const nmcli = monitor.waitFor((t) => t === primaryLine, monitor.mark, STEP_TIMEOUT_MS);
  const watch = watcher.waitFor(
    (t) => t.includes(`"uuid":"${uuid}"`) && t.includes('"state":"connected"'),
    watcher.mark,
    waitMs,
  );
  const seen = Promise.all([connectedAt(model, uuid), watch, nmcli]);
  // If activate() throws, these still settle later (by timeout); that must not crash the bench.
  seen.catch(() => undefined);
  const sent = performance.now();
  await activate(bus, profile);
  const [modelAt, watchLine, nmcliLine] = await seen;
  await deactivate(bus, model, profile);
  await waitForSettled(model, uuid, { until: 'down', timeoutMs: STEP_TIMEOUT_MS });
  // Let NetworkManager remove the tun device before the next round asks for a new one.
  await sleep(200);
  return { model: modelAt - sent, watch: watchLine.at - sent, nmcli: nmcliLine.at - sent };
}

/**
 * Untimed rounds until `tunnelbar watch` reports one: the plugin's first start, JIT and page
 * cache are out of the way, and the watcher, which prints nothing until something changes, is
 * known to have loaded its model (on a busy machine that can take longer than a connect).
 */
async function warmUp(
  stamped: StampedModel,
  monitor: LineProcess,
  watcher: LineProcess,
  id: string,
  uuid: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await oneRound(stamped, monitor, watcher, id, uuid, WARM_UP_WAIT_MS);
      return;
    } catch (err) {
      if (attempt === WARM_UP_ROUNDS) throw err;
      // The VPN may still be up when only the watcher's line was missing.
      const profile = findProfile(stamped.model, uuid);
      await deactivate(stamped.bus, stamped.model, profile);
      await waitForSettled(stamped.model, uuid, { until: 'down', timeoutMs: STEP_TIMEOUT_MS });
    }
  }
}

export async function signalLatencyBench(rounds: number): Promise<BenchResult> {
  return withSandbox(async (sb) => {
    const { uuid, id } = await sb.addOpenvpnProfile('cert');
    const monitor = new LineProcess('nmcli monitor', 'nmcli', ['monitor'], sb.env);
    const watcher = new LineProcess(
      'tunnelbar watch',
      process.execPath,
      [CLI, 'watch', '--json'],
      sb.env,
    );
    let stamped: StampedModel | null = null;
    try {
      stamped = await StampedModel.open(sb.busAddress);
      await monitor.waitFor((t) => t === 'NetworkManager is running', 0, STEP_TIMEOUT_MS);
      await warmUp(stamped, monitor, watcher, id, uuid);
      stamped.reset();
      const times: RoundTimes[] = [];
      for (let round = 0; round < rounds; round++) {
        times.push(await oneRound(stamped, monitor, watcher, id, uuid));
      }
      const lat = stamped.latencies;
      const med = median(lat);
      const nmcli = median(times.map((t) => t.nmcli));
      const model = median(times.map((t) => t.model));
      const watch = median(times.map((t) => t.watch));
      // Both tools see the same connect: the median of per-round gaps is sharper than a gap of medians.
      const lead = (gap: (t: RoundTimes) => number): string => {
        const ms = median(times.map(gap));
        return `${ms >= 0 ? '+' : '-'}${formatMs(Math.abs(ms))}`;
      };
      const result = emptyResult();
      const events = `${lat.length} events, ${rounds} up/down`;
      result.rows.push(
        {
          bench: '2a signal -> model event, median',
          tunnelbar: formatMs(med),
          reference: '',
          ratio: NaN,
          how: events,
        },
        {
          bench: '2a signal -> model event, p95',
          tunnelbar: formatMs(quantile(lat, 0.95)),
          reference: '',
          ratio: NaN,
          how: events,
        },
        {
          bench: '2b Activate -> connected seen, model',
          tunnelbar: formatMs(model),
          reference: formatMs(nmcli),
          ratio: ratio(model, nmcli),
          how: `median of ${rounds}; nmcli line minus model: ${lead((t) => t.nmcli - t.model)}`,
        },
        {
          bench: '2b Activate -> connected seen, watch',
          tunnelbar: formatMs(watch),
          reference: formatMs(nmcli),
          ratio: ratio(watch, nmcli),
          how: `watch --json line; nmcli line minus watch line: ${lead((t) => t.nmcli - t.watch)}`,
        },
      );
      result.targets.push({
        name: `signal -> model event under ${MEDIAN_TARGET_MS} ms median`,
        ok: med < MEDIAN_TARGET_MS,
        detail: `median ${formatMs(med)}, p95 ${formatMs(quantile(lat, 0.95))}, max ${formatMs(quantile(lat, 1))}`,
      });
      result.checks.push({
        name: 'every tunnel event in the timed rounds came from a signal',
        ok: lat.length >= rounds * 2 && stamped.unattributed === 0,
        detail: `${lat.length} timed, ${stamped.unattributed} without a signal`,
      });
      result.notes.push(
        '2a starts when NmBus hands the signal to its listeners: dbus-next has already read and unmarshalled it by then, which this does not include.',
        '2b nmcli monitor prints no VPN state; its line for the VPN coming up is "\'<id>\' is now the primary connection".',
      );
      return result;
    } finally {
      stamped?.close();
      await Promise.all([monitor.stop(), watcher.stop()]);
    }
  });
}
