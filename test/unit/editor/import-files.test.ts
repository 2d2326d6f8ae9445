// Importing picked or dropped files: staging in a private folder (paths that escape it refused,
// modes, cleanup), the whole call over a fake NetworkManager (what is kept afterwards), the
// report's sentences and the coalescing of progress events.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDroppedFiles } from '../../../main/import/dropped-files';
import {
  importStopped,
  libraryCalls,
  type LibraryContext,
} from '../../../main/contract/library-calls';
import { coalescedProgress } from '../../../main/import/progress';
import { fileReport, importReportView, noteSentence } from '../../../main/import/window-report';
import {
  cleanupStaging,
  importInputs,
  MAX_IMPORT_BYTES,
  stagedPath,
  stageFiles,
} from '../../../main/import/staging';
import { stringMapProp } from '../../../main/nm/dbus-types';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import type { DroppedFile } from '../../../preload/library';
import { FIXTURES } from '../../fixtures/corpus';
import { FakeImportBus } from '../../fakes/fake-import-bus';

let home = '';
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'tunnelbar-import-files-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const certDir = (): string => join(home, '.cert/nm-openvpn');
const b64 = (text: string | Buffer): string => Buffer.from(text).toString('base64');
const dropped = (path: string, text: string | Buffer): DroppedFile => ({ path, base64: b64(text) });
const CA = readFileSync(join(FIXTURES, 'ovpn/ca.crt'));

function ovpn(remote: string, extra = ''): string {
  return `client\ndev tun\nremote ${remote} 1194 udp\nauth-user-pass\nca ca.crt\n${extra}`;
}

const WG = `[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nAddress = 10.9.0.2/24\n\n[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\nAllowedIPs = 0.0.0.0/0\nEndpoint = wg.example.net:51820\n`;

function stagingFolders(): string[] {
  return existsSync(certDir()) ? readdirSync(certDir()).filter((n) => n.startsWith('import-')) : [];
}

async function refusalOf(work: Promise<unknown>): Promise<TunnelbarError> {
  const err: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TunnelbarError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

describe('staging', () => {
  it('refuses paths leading out of the folder, before anything is written', async () => {
    for (const bad of ['../x.ovpn', 'a/../../x.ovpn', '/etc/x.ovpn', 'a//b.ovpn', './x', 'a\0b']) {
      expect(() => stagedPath('/tmp/stage', bad)).toThrow(TunnelbarError);
    }
    expect(stagedPath('/tmp/stage', 'provider/de.ovpn')).toBe('/tmp/stage/provider/de.ovpn');
    const err = await refusalOf(
      stageFiles(home, [dropped('ok.ovpn', 'client'), dropped('../evil.ovpn', 'client')]),
    );
    expect(err.word).toBe('import-path-refused');
    expect(err.message).toContain('../evil.ovpn');
    expect(stagingFolders()).toEqual([]);
    expect(existsSync(join(certDir(), 'evil.ovpn'))).toBe(false);
  });

  it('writes folders 0700 and files 0600 under ~/.cert/nm-openvpn, keeping the layout', async () => {
    const staged = await stageFiles(home, [
      dropped('provider/de.ovpn', 'client'),
      dropped('provider/keys/ca.crt', CA),
    ]);
    expect(staged.dir.startsWith(`${certDir()}/import-`)).toBe(true);
    expect(statSync(staged.dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(staged.dir, 'provider/keys')).mode & 0o777).toBe(0o700);
    const ca = join(staged.dir, 'provider/keys/ca.crt');
    expect(statSync(ca).mode & 0o777).toBe(0o600);
    expect(readFileSync(ca).equals(CA)).toBe(true);
    expect(staged.inputs).toEqual(['provider']);
  });

  it('refuses two files with one path and a batch over the size cap, leaving nothing', async () => {
    const twice = await refusalOf(
      stageFiles(home, [dropped('a.ovpn', 'client'), dropped('a.ovpn', 'client')]),
    );
    expect(twice.word).toBe('import-staging-failed');
    expect(twice.message).toMatch(/same path/);
    const big = 'A'.repeat(4 * 1024 * 1024);
    const many = Array.from({ length: 90 }, (_, i) => ({ path: `f${i}.crt`, base64: big }));
    const tooLarge = await refusalOf(stageFiles(home, many));
    expect(tooLarge.word).toBe('import-too-large');
    expect(tooLarge.message).toContain(`${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
    expect(stagingFolders()).toEqual([]);
  });

  it('imports top-level folders and loose profile files only, hidden entries skipped', () => {
    const files = [
      'b.ovpn',
      'ca.crt',
      'wg0.CONF',
      'prov/x.ovpn',
      'prov/y.ovpn',
      '.git/config',
      '._a.ovpn',
    ];
    expect(importInputs(files.map((p) => dropped(p, '')))).toEqual(['b.ovpn', 'prov', 'wg0.CONF']);
  });

  it('cleanup keeps only the files named, and removes folders left empty', async () => {
    const staged = await stageFiles(home, [
      dropped('p/a.ovpn', 'client'),
      dropped('p/certs/ca.crt', CA),
      dropped('p/other/readme.txt', 'hello'),
    ]);
    const ca = join(staged.dir, 'p/certs/ca.crt');
    expect(await cleanupStaging(staged, new Set([ca]))).toEqual([ca]);
    expect(readdirSync(join(staged.dir, 'p'))).toEqual(['certs']);
    await cleanupStaging(staged, new Set());
    expect(existsSync(staged.dir)).toBe(false);
  });
});

describe('importDroppedFiles over a fake NetworkManager', () => {
  const fakeCore = (bus = new FakeImportBus()): { bus: FakeImportBus & { nmOwner: string } } => ({
    bus: Object.assign(bus, { nmOwner: ':1.7' }),
  });

  it('adds each profile, reports the broken one, keeps the CA the profiles use and nothing else', async () => {
    const core = fakeCore();
    const progress: [number, number][] = [];
    const report = await importDroppedFiles(
      core,
      [
        dropped('provider/de.ovpn', ovpn('de.example.net')),
        dropped('provider/fr.ovpn', ovpn('fr.example.net', 'script-security 2\n')),
        dropped('provider/ca.crt', CA),
        dropped('provider/notes.txt', 'not a profile'),
        dropped('provider/wg-home.conf', WG),
        dropped('provider/broken.ovpn', 'client\nproto sctp\nremote x.example.net\n'),
      ],
      home,
      (done, total) => progress.push([done, total]),
    );
    expect(report).toMatchObject({ total: 4, added: 3, duplicates: 0, failed: 1, fatal: null });
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['provider/broken.ovpn', 'failed'],
      ['provider/de.ovpn', 'added'],
      ['provider/fr.ovpn', 'added'],
      ['provider/wg-home.conf', 'added'],
    ]);
    expect(report.files[0]?.error).toMatch(/^provider\/broken\.ovpn:2: .*sctp/);
    expect(report.files[2]?.warnings.join('\n')).toMatch(/^Line 6 \(script-security\): /m);
    // What NetworkManager was given: the CA where it stays, inside the staging folder.
    const [staging] = stagingFolders();
    const keptCa = join(certDir(), staging ?? '', 'provider/ca.crt');
    const data = core.bus.added.map((a) => stringMapProp(a.settings.vpn, 'data').ca);
    expect(data.filter((d) => d !== undefined)).toEqual([keptCa, keptCa]);
    expect(readFileSync(keptCa).equals(CA)).toBe(true);
    expect(readdirSync(join(certDir(), staging ?? '', 'provider'))).toEqual(['ca.crt']);
    expect(progress.at(0)).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
  });

  it('removes the whole staging folder when no profile was added', async () => {
    const report = await importDroppedFiles(
      fakeCore(),
      [dropped('x/broken.ovpn', 'proto sctp\n'), dropped('x/ca.crt', CA)],
      home,
      () => undefined,
    );
    expect(report.failed).toBe(1);
    expect(stagingFolders()).toEqual([]);
  });

  it('refuses when NetworkManager is not running or nothing is a profile, writing nothing', async () => {
    const bus = Object.assign(new FakeImportBus(), { nmOwner: null });
    const down = await refusalOf(
      importDroppedFiles(
        { bus },
        [dropped('a.ovpn', ovpn('a.example.net'))],
        home,
        () => undefined,
      ),
    );
    expect(down.word).toBe('nm-not-running');
    const none = await refusalOf(
      importDroppedFiles(fakeCore(), [dropped('ca.crt', CA)], home, () => undefined),
    );
    expect(none.word).toBe('nothing-to-import');
    expect(stagingFolders()).toEqual([]);
  });

  it('stops on profiles:import-stop: files under way finish, the others are reported not tried', async () => {
    const core = fakeCore();
    const ctx: LibraryContext = {
      core: core as unknown as LibraryContext['core'],
      home,
      chooseExportPath: undefined,
      onImportProgress: () => undefined,
      imports: new Set(),
    };
    const calls = libraryCalls(ctx);
    // The person presses Stop while NetworkManager adds the first profile.
    let stopped = false;
    core.bus.delayFor = () => {
      if (!stopped) {
        stopped = true;
        void calls['profiles:import-stop']();
      }
      return 5;
    };
    const files = Array.from({ length: 200 }, (_, i) =>
      dropped(`p/vpn-${String(i).padStart(3, '0')}.ovpn`, ovpn(`h${String(i)}.example.net`)),
    );
    const report = await calls['profiles:import-files']({
      files: [...files, dropped('p/ca.crt', CA)],
    });
    expect(report.fatal).toBe('You stopped the import.');
    expect(report.added).toBeGreaterThan(0);
    expect(report.added).toBeLessThan(200);
    expect(report.added + report.failed).toBe(200);
    expect(core.bus.added).toHaveLength(report.added);
    const notTried = report.files.filter((f) => f.status === 'failed');
    expect(notTried.every((f) => f.error?.includes(importStopped()) === true)).toBe(true);
    // The added profiles still have their CA; the import is no longer listed as under way.
    expect(stagingFolders()).toHaveLength(1);
    expect(ctx.imports.size).toBe(0);
  });
});

describe('the report', () => {
  it('words notes as sentences and takes the staging folder out of every text', () => {
    const dir = '/home/u/.cert/nm-openvpn/import-abc';
    expect(
      noteSentence(
        { line: 3, directive: 'ca', message: `the file "${dir}/p/ca.crt" cannot be read` },
        dir,
      ),
    ).toBe('Line 3 (ca): The file "p/ca.crt" cannot be read.');
    expect(
      noteSentence({ line: null, directive: null, message: 'another profile is named x' }),
    ).toBe('Another profile is named x.');
    const failed = fileReport(
      {
        status: 'failed',
        stage: 'parse',
        index: 0,
        file: 'p/a.ovpn',
        error: { file: 'p/a.ovpn', line: 7, message: 'unknown protocol "sctp"' },
      },
      dir,
    );
    expect(failed).toEqual({
      file: 'p/a.ovpn',
      status: 'failed',
      uuid: null,
      id: null,
      warnings: [],
      repairs: [],
      error: 'p/a.ovpn:7: unknown protocol "sctp"',
    });
    const duplicate = fileReport({
      status: 'duplicate',
      index: 1,
      file: 'b.ovpn',
      kind: 'openvpn',
      duplicateOf: { uuid: 'u-1', id: 'office' },
      warnings: [],
      repairs: [{ line: 4, directive: 'compress', message: 'compress stub is repaired' }],
    });
    expect(duplicate).toMatchObject({ status: 'duplicate', uuid: 'u-1', id: 'office' });
    expect(duplicate.repairs).toEqual(['Line 4 (compress): Compress stub is repaired.']);
    const summary = {
      total: 2,
      added: 0,
      planned: 0,
      duplicates: 1,
      failed: 1,
      fatal: 'permission denied',
    };
    expect(importReportView(summary, [])).toMatchObject({ fatal: 'Permission denied.' });
  });
});

describe('progress coalescing', () => {
  it('sends a few events for thousands of files: the first, one per 1% or 50 ms, the last', () => {
    let t = 0;
    const sent: number[] = [];
    const progress = coalescedProgress((done) => sent.push(done), { now: () => t });
    progress(0, 5000);
    for (let done = 1; done <= 5000; done++) progress(done, 5000);
    expect(sent.length).toBeLessThanOrEqual(102);
    expect(sent[0]).toBe(0);
    expect(sent.at(-1)).toBe(5000);
    // Slow files: one event each once 50 ms have passed.
    const slow: number[] = [];
    const timed = coalescedProgress((done) => slow.push(done), { now: () => t });
    for (let done = 0; done <= 5000; done += 1) {
      t += 10;
      timed(done, 1_000_000);
    }
    expect(slow.length).toBeGreaterThan(900);
    expect(slow.length).toBeLessThanOrEqual(1001);
  });
});
