// `npm run bench`: Tunnelbar side by side with nmcli, the reference, in one run (about 3-5 min,
// as root, with the sandbox's packages). Each bench starts its own sandbox and stops it.
//
// How to read the output:
// - One table. "tunnelbar" and "nmcli" hold the same measurement for each tool; "ratio" is
//   tunnelbar / nmcli, so below 1 means Tunnelbar is faster (or sends less). Empty: no nmcli
//   counterpart, or nothing to divide by (0 vs 0 messages).
// - 1: `--version` of each tool, i.e. process start-up alone. 1a: wall time of
//   `tunnelbar list --json` vs `nmcli -t connection show`, process start to exit, with N
//   in-memory OpenVPN profiles in NetworkManager; 1a minus 1 is the loading itself. 1b:
//   openCore() until the model is loaded, inside this process (no Node start-up, warm JIT),
//   against the same nmcli time. "INCOMPLETE: <tool>" in "how": some run of that tool listed
//   fewer than N profiles, so its time is of less work.
// - 2a: from a NetworkManager signal reaching the core to the model's 'tunnel' event, over every
//   state change of a certificate VPN brought up and down (median and p95). 2b: from sending
//   ActivateConnection until "connected" is known: by Tunnelbar's model (in process), by
//   `tunnelbar watch --json` (a child process, like nmcli) and by `nmcli monitor`.
// - 3: messages each long-running client sent on the bus in a quiet 10 s, counted by a bus
//   monitor (the daemon's own view), cross-checked with the core's own count.
// - 4a: `tunnelbar import <folder>` of 200 .ovpn files with inline certificates (one process)
//   against `nmcli connection import` run once per file (the processes' times added up); 4b:
//   2,000 files with Tunnelbar alone; 4c: the same with node's heap capped, which passes only if
//   the import does not hold the files. "peak RSS" is the tunnelbar process's maximum resident
//   memory. Every run starts with no VPN profile in NetworkManager.
// - 5: a provider's whole collection, one run each as a user meets it (scale.ts): 5a imports
//   7,300 generated files in 50 provider folders (nmcli's reference: one provider's folder, file
//   by file, compared per file), 5b lists what it left, 5c is start-up against node's own.
// - "Targets" are the goals: met or NOT MET. They never fail the run.
// - "Checks" make sure the work timed was really done and the measuring is sound (Tunnelbar
//   listed every profile, also into a slow pipe; every event traced; the monitor sees what it
//   should). A FAILED check or an error makes the run exit 1, after the whole table.
// - "Notes" say how numbers were obtained, and what the reference did wrong, if anything.
// The machine may be shared and has two cores: the load average is printed, and times are
// medians of alternating rounds. Compare ratios rather than absolute times between runs.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { coldLoadBench } from './cold-load';
import { folderImportBench } from './folder-import';
import { idleTrafficBench } from './idle-traffic';
import { render, type BenchResult } from './report';
import { scaleBench } from './scale';
import { signalLatencyBench } from './signal-latency';

const PROFILE_COUNTS = [1_000, 2_000] as const;
const LOAD_ROUNDS = 5;
const LATENCY_ROUNDS = 20;
const IDLE_WINDOW_MS = 10_000;
const IMPORT_COMPARED = 200;
const IMPORT_ROUNDS = 3;
const IMPORT_ALONE = 2_000;

const benches: { name: string; run: () => Promise<BenchResult> }[] = [
  { name: '1 cold load', run: () => coldLoadBench(PROFILE_COUNTS, LOAD_ROUNDS) },
  { name: '2 signal latency', run: () => signalLatencyBench(LATENCY_ROUNDS) },
  { name: '3 idle traffic', run: () => idleTrafficBench(IDLE_WINDOW_MS) },
  {
    name: '4 folder import',
    run: () => folderImportBench(IMPORT_COMPARED, IMPORT_ROUNDS, IMPORT_ALONE),
  },
  { name: '5 scale', run: () => scaleBench() },
];

/** `npm run bench -- 4 5` runs benches 4 and 5 only; no argument runs them all. */
function chosen(): typeof benches {
  const wanted = process.argv.slice(2);
  if (wanted.length === 0) return benches;
  return benches.filter((b) => wanted.includes(b.name.split(' ')[0] ?? ''));
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadBefore = load();
  const results: BenchResult[] = [];
  const errors: string[] = [];
  for (const bench of chosen()) {
    process.stderr.write(`bench ${bench.name}...\n`);
    try {
      results.push(await bench.run());
    } catch (err) {
      errors.push(
        `${bench.name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `Tunnelbar vs nmcli, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, ` +
      `load ${loadBefore} before / ${load()} after, ${seconds} s\n`,
  );
  console.log(render(results, errors));
  const failed = results.some((r) => r.checks.some((c) => !c.ok));
  return errors.length > 0 || failed ? 1 : 0;
}

main().then(
  (code) => {
    // Exit rather than wait for the event loop to empty: a bench that failed half-way may leave a
    // timer behind (a wait with a timeout). Only once stdout has drained, or a pipe (| tee) would
    // lose the table's tail.
    process.stdout.write('', () => process.exit(code));
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
