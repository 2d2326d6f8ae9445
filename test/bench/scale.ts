// Bench 5: a provider's whole collection, measured as a user meets it: one run of each command
// in a new process (not the median of warm runs). 5a imports the scale corpus (50 provider
// folders, 7,300 generated .ovpn files, provider-corpus.ts) in one `tunnelbar import`; nmcli
// cannot do that folder in reasonable time (one process per file, each loading every profile
// before it adds one), so its reference is one provider folder file by file, compared per file.
// 5b lists the ~7,200 profiles that import left, against `nmcli -t connection show`.
// 5c is start-up alone against node's own, the floor any Node program pays.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '../sandbox/infra/sandbox';
import { writeProviderCorpus } from '../builders/provider-corpus';
import { CLI } from '../support/run-cli';
import {
  countVpnProfiles,
  deleteVpnProfiles,
  nmcliImportEach,
  tunnelbarImport,
} from './import-runs';
import { countNmcliProfiles, countTunnelbarProfiles } from './list-output';
import { emptyResult, formatMs, type BenchResult } from './report';
import { median, ratio } from './stats';
import { timeCommand } from './timed-command';
import { withSandbox } from './with-sandbox';

const IMPORT_TARGET_MS = 10_000;
const IMPORT_TARGET_MIB = 200;
const LIST_TARGET_MS = 1_000;
const START_TARGET_RATIO = 1.5;
const START_ROUNDS = 11;

function mib(kib: number): number {
  return kib / 1024;
}

async function importCorpus(sb: Sandbox, work: string, result: BenchResult): Promise<number> {
  const corpus = writeProviderCorpus(join(work, 'providers'), sb.pki);
  const expected = corpus.files - corpus.broken;
  const label = corpus.files.toLocaleString('en-US');
  // The reference first, into an empty NetworkManager (nmcli's best case: each of its processes
  // loads every profile there is before it adds one): the first provider's folder, file by file.
  const firstProvider = join(corpus.root, 'provider-00');
  const sample = readdirSync(firstProvider)
    .filter((f) => f.endsWith('.ovpn'))
    .map((f) => join(firstProvider, f));
  const nmcli = await nmcliImportEach(sb.env, sample, join(work, 'home-nmcli'), work);
  await deleteVpnProfiles(sb.busAddress);
  // Exits 1 because of the broken files, which the check below counts.
  const run = await tunnelbarImport(sb.env, corpus.root, join(work, 'home-tb'), work, [], true);
  const inNm = await countVpnProfiles(sb.busAddress);
  const perFileTb = run.ms / corpus.files;
  const perFileNmcli = nmcli.ms / sample.length;
  result.rows.push({
    bench: `5a import ${label} .ovpn files, ${corpus.providers} provider folders`,
    tunnelbar: formatMs(run.ms),
    reference: `${formatMs(perFileNmcli)}/file`,
    ratio: ratio(perFileTb, perFileNmcli),
    how: `tunnelbar: one process, 1 run, ${formatMs(perFileTb)}/file, peak RSS ${mib(run.peakRssKiB).toFixed(0)} MiB; nmcli: ${sample.length} files of one provider, one process each, into an empty NetworkManager (ratio per file)`,
  });
  result.targets.push(
    {
      name: `${label} files import in at most ${IMPORT_TARGET_MS / 1000} s`,
      ok: run.ms <= IMPORT_TARGET_MS,
      detail: formatMs(run.ms),
    },
    {
      name: `and in at most ${IMPORT_TARGET_MIB} MiB`,
      ok: mib(run.peakRssKiB) <= IMPORT_TARGET_MIB,
      detail: `peak RSS ${mib(run.peakRssKiB).toFixed(0)} MiB`,
    },
  );
  result.checks.push({
    name: `tunnelbar added every good file (${expected.toLocaleString('en-US')}) and refused the ${corpus.broken} broken ones`,
    ok: run.added === expected && inNm === expected,
    detail: `${run.added} reported added, ${inNm} in NetworkManager`,
  });
  // Leaves the corpus's profiles for 5b.
  return expected;
}

async function listAll(sb: Sandbox, n: number, result: BenchResult): Promise<void> {
  const out = join(sb.dir, 'bench-list.out');
  const cli = await timeCommand(process.execPath, [CLI, 'list', '--json'], sb.env, out);
  const cliListed = countTunnelbarProfiles(cli.stdout);
  const nmcli = await timeCommand('nmcli', ['-t', 'connection', 'show'], sb.env, out);
  const nmcliListed = countNmcliProfiles(nmcli.stdout);
  const label = n.toLocaleString('en-US');
  result.rows.push({
    bench: `5b list ${label} profiles`,
    tunnelbar: formatMs(cli.ms),
    reference: formatMs(nmcli.ms),
    ratio: ratio(cli.ms, nmcli.ms),
    how: `tunnelbar list --json vs nmcli -t connection show, 1 run each; listed ${cliListed} / ${nmcliListed}`,
  });
  result.targets.push({
    name: `tunnelbar list --json of ${label} profiles in at most ${LIST_TARGET_MS} ms, complete`,
    ok: cli.ms <= LIST_TARGET_MS && cliListed >= n,
    detail: `${formatMs(cli.ms)}, ${cliListed} listed`,
  });
  result.checks.push({
    name: 'tunnelbar listed every profile',
    ok: cliListed >= n,
    detail: `${cliListed} of ${n}`,
  });
}

async function startUp(sb: Sandbox, result: BenchResult): Promise<void> {
  const out = join(sb.dir, 'bench-start.out');
  const tb: number[] = [];
  const node: number[] = [];
  for (let round = 0; round < START_ROUNDS; round++) {
    tb.push((await timeCommand(process.execPath, [CLI, '--help'], sb.env, out)).ms);
    node.push((await timeCommand(process.execPath, ['-e', '0'], sb.env, out)).ms);
  }
  const r = median(tb) / median(node);
  result.rows.push({
    bench: '5c start: tunnelbar --help vs node -e 0',
    tunnelbar: formatMs(median(tb)),
    reference: formatMs(median(node)),
    ratio: ratio(median(tb), median(node)),
    how: `median of ${START_ROUNDS}, alternating; the reference is node itself, not nmcli`,
  });
  result.targets.push({
    name: `start-up at most ${START_TARGET_RATIO} × node's own`,
    ok: r <= START_TARGET_RATIO,
    detail: `${r.toFixed(2)} ×`,
  });
}

export async function scaleBench(): Promise<BenchResult> {
  return withSandbox(async (sb) => {
    const result = emptyResult();
    const work = mkdtempSync(join(tmpdir(), 'tunnelbar-bench-scale-'));
    try {
      await startUp(sb, result);
      const imported = await importCorpus(sb, work, result);
      await listAll(sb, imported, result);
      await deleteVpnProfiles(sb.busAddress);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    result.notes.push(
      "5: the corpus is generated (test/support/provider-corpus.ts): 50 provider styles (inline or separate certificates, tls-auth or tls-crypt, udp and tcp pairs, 1-3 remotes, other platforms' directives), 2 broken files per provider.",
    );
    return result;
  });
}
