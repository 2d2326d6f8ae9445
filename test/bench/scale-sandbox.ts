// `npx tsx test/bench/scale-sandbox.ts [file]`: a sandbox NetworkManager holding bench 5's
// provider corpus (about 7,200 profiles), kept up for profiling and for A/B runs of
// `tunnelbar list` (`node --cpu-prof out/main/cli/tunnelbar.js list --json` with
// DBUS_SYSTEM_BUS_ADDRESS set) without paying the import (one to a few minutes) each time. Writes
// the bus address to `file` once the corpus is in, and stops on Ctrl-C or SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepUpUntilSignalled } from '../sandbox/infra/keep-up';
import { startSandbox } from '../sandbox/infra/sandbox';
import { writeProviderCorpus } from '../builders/provider-corpus';
import { countVpnProfiles, tunnelbarImport } from './import-runs';

async function main(): Promise<void> {
  const addressFile = process.argv[2];
  const sb = await startSandbox();
  const work = mkdtempSync(join(tmpdir(), 'tunnelbar-scale-sandbox-'));
  keepUpUntilSignalled(sb, () => {
    rmSync(work, { recursive: true, force: true });
  });
  const corpus = writeProviderCorpus(join(work, 'providers'), sb.pki);
  const run = await tunnelbarImport(sb.env, corpus.root, join(work, 'home'), work, [], true);
  const profiles = await countVpnProfiles(sb.busAddress);
  console.log(`imported in ${Math.round(run.ms)} ms; ${profiles} VPN profiles in NetworkManager`);
  console.log(`export DBUS_SYSTEM_BUS_ADDRESS=${sb.busAddress}`);
  if (addressFile !== undefined) writeFileSync(addressFile, sb.busAddress);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
