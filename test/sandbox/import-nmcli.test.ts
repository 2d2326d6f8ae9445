// Every corpus file imported twice into a real NetworkManager, by `nmcli connection import` and by
// Tunnelbar's import pipeline (all files in one run over one bus connection), then both profiles
// read back after NetworkManager normalised them and compared setting by setting, certificate and
// key files by content. Each tool has its own $HOME, where it writes inline blocks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../main/import/pipeline';
import type { ExistingProfile } from '../../main/import/existing-index';
import type { FileOutcome } from '../../main/import/types';
import { collectTargets } from '../../main/import/walk';
import { NmBus } from '../../main/nm/bus';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { IFACE, NM_SETTINGS_PATH } from '../../main/nm/names';
import { fixturePath, manifest, type ManifestEntry } from '../fixtures/corpus';
import { nmcliImport, storedProfile, type NmcliImport } from './infra/import-compare';
import { startSandbox, type Sandbox } from './infra/sandbox';

let sb: Sandbox;
let bus: NmBus;
let work = '';
const mine = new Map<string, FileOutcome>();
const theirs = new Map<string, NmcliImport>();

beforeAll(async () => {
  sb = await startSandbox();
  bus = await NmBus.connect(sb.busAddress);
  work = mkdtempSync(join(tmpdir(), 'tunnelbar-import-nmcli-'));
  const targets = await collectTargets(manifest.map(fixturePath));
  await runImport(
    targets,
    { bus, existing: [] },
    {
      home: join(work, 'tunnelbar-home'),
      onEvent: (e) => {
        if (e.type === 'file') mine.set(targets[e.outcome.index]?.path ?? '', e.outcome);
      },
    },
  );
  for (const entry of manifest) {
    const path = fixturePath(entry);
    theirs.set(path, await nmcliImport(sb.env, join(work, 'nmcli-home'), entry.type, path));
  }
}, 300_000);

afterAll(async () => {
  // beforeAll may have failed half-way.
  (bus as NmBus | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-4000)}`);
});

function results(entry: ManifestEntry): { t: FileOutcome; n: NmcliImport } {
  const t = mine.get(fixturePath(entry));
  const n = theirs.get(fixturePath(entry));
  if (t === undefined || n === undefined) throw new Error(`no result for ${entry.file}`);
  return { t, n };
}

describe('the corpus: the import pipeline vs nmcli connection import', () => {
  it('imported every file once, none as a duplicate of another', () => {
    expect(mine.size).toBe(manifest.length);
    const duplicates = [...mine.values()].filter((o) => o.status === 'duplicate');
    expect(duplicates).toEqual([]);
  });

  it.each(manifest.filter((e) => e.expect === 'ok'))('$file: the same profile', async (entry) => {
    const { t, n } = results(entry);
    expect(n.ok, n.output).toBe(true);
    expect(t.status, JSON.stringify(t)).toBe('added');
    if (t.status !== 'added' || n.uuid === null) return;
    expect(await storedProfile(bus, t.uuid)).toEqual(await storedProfile(bus, n.uuid));
  });

  it.each(manifest.filter((e) => e.expect === 'error'))('$file: an error for both', (entry) => {
    const { t, n } = results(entry);
    expect(n.ok, n.output).toBe(false);
    expect(t).toMatchObject({ status: 'failed', stage: 'parse' });
    if (t.status === 'failed') expect(t.error.line).toBe(entry.line ?? null);
  });

  it.each(manifest.filter((e) => e.expect === 'repaired'))(
    '$file: repaired by Tunnelbar, rejected by nmcli (not compared)',
    (entry) => {
      const { t, n } = results(entry);
      expect(n.ok, n.output).toBe(false);
      expect(t.status).toBe('added');
      if (t.status === 'added') expect(t.repairs.length).toBeGreaterThan(0);
    },
  );

  it('finds each profile nmcli made to be a duplicate of the file it came from', async () => {
    const ok = manifest.filter((e) => e.expect === 'ok');
    const existing: ExistingProfile[] = [];
    for (const n of theirs.values()) {
      if (n.uuid === null) continue;
      const [path] = await bus.call({
        path: NM_SETTINGS_PATH,
        iface: IFACE.settings,
        member: 'GetConnectionByUuid',
        signature: 's',
        body: [n.uuid],
      });
      const [settings] = await bus.call({
        path: String(path),
        iface: IFACE.settingsConnection,
        member: 'GetSettings',
      });
      existing.push({
        path: String(path),
        uuid: n.uuid,
        id: '',
        settings: settings as SettingsDict,
      });
    }
    const found: FileOutcome[] = [];
    await runImport(
      await collectTargets(ok.map(fixturePath)),
      { bus, existing },
      {
        home: join(work, 'again'),
        dryRun: true,
        onEvent: (e) => {
          if (e.type === 'file') found.push(e.outcome);
        },
      },
    );
    const notFound = found.filter((o) => o.status !== 'duplicate').map((o) => o.file);
    expect(notFound).toEqual([]);
  });
});
