// The runs bench 4 times: `tunnelbar import` as one process (with its peak memory), `nmcli
// connection import` once per file, and clearing NetworkManager's VPN profiles between runs so
// every run starts from the same state.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { NmBus } from '../../main/nm/bus';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { mapLimited } from '../../main/nm/limited';
import { IFACE, NM_SETTINGS_PATH } from '../../main/nm/names';
import { CLI } from '../support/run-cli';
import { timeCommand } from './timed-command';

/**
 * Peak RSS from inside the measured process, without touching the product: a module preloaded
 * with --import writes process.resourceUsage().maxRSS (KiB) to a file when the process exits,
 * which the CLI always does through process.exit.
 */
const RSS_PROBE =
  'data:text/javascript,import{writeFileSync}from"node:fs";' +
  'process.on("exit",()=>writeFileSync(process.env.TUNNELBAR_BENCH_RSS_FILE,' +
  'String(process.resourceUsage().maxRSS)))';

export interface CliImportRun {
  ms: number;
  /** Files the JSON report says were added; -1 when the output was not a JSON array. */
  added: number;
  peakRssKiB: number;
}

/**
 * `tunnelbar import <dir> --json` with its own $HOME; rejects unless it exits 0 (all added), or
 * also 1 (some refused) when `someRefused` says the folder holds broken files.
 */
export async function tunnelbarImport(
  env: NodeJS.ProcessEnv,
  dir: string,
  home: string,
  scratch: string,
  nodeFlags: readonly string[] = [],
  someRefused = false,
): Promise<CliImportRun> {
  const rssFile = join(scratch, 'bench-import.rss');
  const run = await timeCommand(
    process.execPath,
    [...nodeFlags, '--import', RSS_PROBE, CLI, 'import', dir, '--json'],
    { ...env, HOME: home, TUNNELBAR_BENCH_RSS_FILE: rssFile },
    join(scratch, 'bench-import.out'),
    someRefused ? [0, 1] : [0],
  );
  let added = -1;
  try {
    const entries: unknown = JSON.parse(run.stdout);
    if (Array.isArray(entries)) {
      added = entries.filter((e) => (e as { ok?: unknown }).ok === true).length;
    }
  } catch {
    // Reported as a failed check.
  }
  return { ms: run.ms, added, peakRssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

export interface NmcliImportRun {
  /** The processes' wall times added up (they run one after the other). */
  ms: number;
  added: number;
  firstError: string;
}

/** `nmcli connection import type openvpn file F`, one process per file, one after the other. */
export async function nmcliImportEach(
  env: NodeJS.ProcessEnv,
  files: readonly string[],
  home: string,
  scratch: string,
): Promise<NmcliImportRun> {
  const out = join(scratch, 'bench-nmcli.out');
  let ms = 0;
  let added = 0;
  let firstError = '';
  for (const file of files) {
    try {
      const run = await timeCommand(
        'nmcli',
        ['connection', 'import', 'type', 'openvpn', 'file', file],
        { ...env, HOME: home },
        out,
      );
      ms += run.ms;
      if (run.stdout.includes('successfully added')) added++;
    } catch (err) {
      if (firstError === '') firstError = err instanceof Error ? err.message : String(err);
    }
  }
  return { ms, added, firstError };
}

/** Calls `fn` for every vpn and wireguard profile's path; returns how many there were. */
async function eachVpnProfile(
  busAddress: string,
  fn: (bus: NmBus, path: string) => Promise<void>,
): Promise<number> {
  const bus = await NmBus.connect(busAddress);
  try {
    const [paths] = (await bus.call({
      path: NM_SETTINGS_PATH,
      iface: IFACE.settings,
      member: 'ListConnections',
    })) as [string[]];
    const found = await mapLimited(paths, 48, async (path) => {
      const [settings] = (await bus.call({
        path,
        iface: IFACE.settingsConnection,
        member: 'GetSettings',
      })) as [SettingsDict];
      const type: unknown = settings.connection?.type?.value;
      if (type !== 'vpn' && type !== 'wireguard') return 0;
      await fn(bus, path);
      return 1;
    });
    return found.reduce<number>((a, b) => a + b, 0);
  } finally {
    bus.close();
  }
}

/** Deletes every vpn and wireguard profile; returns how many there were. */
export function deleteVpnProfiles(busAddress: string): Promise<number> {
  return eachVpnProfile(busAddress, async (bus, path) => {
    await bus.call({ path, iface: IFACE.settingsConnection, member: 'Delete' });
  });
}

/**
 * How many vpn and wireguard profiles NetworkManager holds, read from the bus: with thousands,
 * `nmcli connection show` lists only part of them.
 */
export function countVpnProfiles(busAddress: string): Promise<number> {
  return eachVpnProfile(busAddress, () => Promise.resolve());
}
