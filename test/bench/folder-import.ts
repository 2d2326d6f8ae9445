// Bench 4: importing a provider's folder of .ovpn files with inline certificates (ca, cert, key,
// tls-crypt, as providers ship them). Tunnelbar's one-shot `tunnelbar import <dir>` (one process,
// pipelined AddConnection2 over one bus connection) against `nmcli connection import` run once
// per file, the way people script it today, in the same sandbox; then 2,000 files with
// Tunnelbar alone: time and peak memory (max RSS of the CLI process). Every run starts with no
// VPN profile in NetworkManager and its own $HOME, and its result is counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOvpnFolder } from '../builders/import-files';
import type { Sandbox } from '../sandbox/infra/sandbox';
import { deleteVpnProfiles, nmcliImportEach, tunnelbarImport } from './import-runs';
import { emptyResult, formatMs, type BenchResult } from './report';
import { median, ratio } from './stats';
import { withSandbox } from './with-sandbox';

const TARGET_SPEEDUP = 20;
/** The live heap stays near 10 MiB whatever the number of files (seen with --trace-gc at 5,000). */
const HEAP_CAP_MIB = 40;

function mib(kib: number): string {
  return `${(kib / 1024).toFixed(0)} MiB`;
}

interface Ctx {
  sb: Sandbox;
  work: string;
  homes: number;
}

function home(ctx: Ctx): string {
  return join(ctx.work, `home-${++ctx.homes}`);
}

async function compare(ctx: Ctx, n: number, rounds: number, result: BenchResult): Promise<void> {
  const { sb, work } = ctx;
  const folder = writeOvpnFolder(join(work, `files-${n}`), n, sb.pki);
  const label = n.toLocaleString('en-US');
  // Untimed: page cache for node, nmcli and their libraries, and NetworkManager's first keyfiles.
  await tunnelbarImport(sb.env, folder.dir, home(ctx), work);
  await deleteVpnProfiles(sb.busAddress);
  const tb: number[] = [];
  let fewest = Infinity;
  let rss = 0;
  for (let round = 0; round < rounds; round++) {
    const run = await tunnelbarImport(sb.env, folder.dir, home(ctx), work);
    tb.push(run.ms);
    fewest = Math.min(fewest, run.added);
    rss = Math.max(rss, run.peakRssKiB);
    await deleteVpnProfiles(sb.busAddress);
  }
  const nmcli = await nmcliImportEach(sb.env, folder.files, home(ctx), work);
  const nmcliProfiles = await deleteVpnProfiles(sb.busAddress);
  const t = median(tb);
  result.rows.push({
    bench: `4a import ${label} .ovpn files, inline certificates`,
    tunnelbar: formatMs(t),
    reference: formatMs(nmcli.ms),
    ratio: ratio(t, nmcli.ms),
    how: `tunnelbar: one process, median of ${rounds}, peak RSS ${mib(rss)}; nmcli: one process per file, 1 run`,
  });
  result.targets.push({
    name: `one-shot import of ${label} files at least ${TARGET_SPEEDUP} times faster than nmcli file by file`,
    ok: nmcli.ms / t >= TARGET_SPEEDUP,
    detail: `${(nmcli.ms / t).toFixed(1)} times faster`,
  });
  result.checks.push(
    {
      name: `tunnelbar import added all ${label} files in every run`,
      ok: fewest === n,
      detail: `fewest added: ${fewest}`,
    },
    {
      name: `nmcli imported all ${label} files`,
      ok: nmcli.added === n && nmcliProfiles === n,
      detail: `${nmcli.added} reported, ${nmcliProfiles} in NetworkManager${nmcli.firstError === '' ? '' : `; first error: ${nmcli.firstError}`}`,
    },
  );
}

async function large(ctx: Ctx, n: number, result: BenchResult): Promise<void> {
  const { sb, work } = ctx;
  const folder = writeOvpnFolder(join(work, `files-${n}`), n, sb.pki);
  const label = n.toLocaleString('en-US');
  const run = await tunnelbarImport(sb.env, folder.dir, home(ctx), work);
  const inNm = await deleteVpnProfiles(sb.busAddress);
  result.rows.push({
    bench: `4b import ${label} .ovpn files, inline certificates`,
    tunnelbar: formatMs(run.ms),
    reference: '',
    ratio: NaN,
    how: `one process, 1 run; peak RSS ${mib(run.peakRssKiB)}; ${formatMs(run.ms / n)} per file`,
  });
  result.checks.push({
    name: `tunnelbar import added all ${label} files`,
    ok: run.added === n && inNm === n,
    detail: `${run.added} reported, ${inNm} in NetworkManager`,
  });
  // Peak RSS follows V8's heap sizing more than what is live; a capped heap shows what must be.
  const capped = await tunnelbarImport(sb.env, folder.dir, home(ctx), work, [
    `--max-old-space-size=${HEAP_CAP_MIB}`,
  ]).catch(() => null);
  const cappedInNm = await deleteVpnProfiles(sb.busAddress);
  result.rows.push({
    bench: `4c the same, JS heap capped at ${HEAP_CAP_MIB} MiB`,
    tunnelbar: capped === null ? 'failed' : formatMs(capped.ms),
    reference: '',
    ratio: NaN,
    how: `node --max-old-space-size=${HEAP_CAP_MIB}; peak RSS ${capped === null ? 'n/a' : mib(capped.peakRssKiB)}`,
  });
  result.targets.push({
    name: `memory bounded: ${label} files import with the JS heap capped at ${HEAP_CAP_MIB} MiB`,
    ok: capped?.added === n && cappedInNm === n,
    detail: `${capped?.added ?? 0} reported, ${cappedInNm} in NetworkManager`,
  });
}

export async function folderImportBench(
  compared: number,
  rounds: number,
  alone: number,
): Promise<BenchResult> {
  return withSandbox(async (sb) => {
    const result = emptyResult();
    const ctx: Ctx = { sb, work: mkdtempSync(join(tmpdir(), 'tunnelbar-bench-import-')), homes: 0 };
    try {
      await compare(ctx, compared, rounds, result);
      await large(ctx, alone, result);
    } finally {
      rmSync(ctx.work, { recursive: true, force: true });
    }
    result.notes.push(
      '4: profiles are saved to disk (keyfiles) by both tools; each nmcli process loads every profile NetworkManager has before it adds one, so its cost per file grows as the folder goes in.',
      '4: peak RSS is process.resourceUsage().maxRSS of the tunnelbar process, written at exit by a module preloaded with node --import (nothing in the product measures itself).',
    );
    return result;
  });
}
