// `tunnelbar import` as a user runs it, against a real NetworkManager: a provider folder of 200
// files with one broken, duplicates, --dry-run, --json, and a user NetworkManager refuses. Each
// run has its own $HOME, so the certificate files it writes can be counted.
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportEntry } from '../../main/cli/import-format';
import { fixturePath, manifest } from '../fixtures/corpus';
import { brokenLine, fileName, writeOvpnFolder } from '../builders/import-files';
import { runCli } from '../support/run-cli';
import { startSandbox, type Sandbox } from './infra/sandbox';

let sb: Sandbox;
let work = '';
let homes = 0;

beforeAll(async () => {
  sb = await startSandbox();
  work = mkdtempSync(join(tmpdir(), 'tunnelbar-import-cli-'));
  chmodSync(work, 0o755);
});

afterAll(async () => {
  await (sb as Sandbox | undefined)?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-4000)}`);
});

/** A fresh $HOME; made (and given to `owner`) only when the run is not as root. */
function newHome(owner?: { uid: number; gid: number }): { home: string; env: NodeJS.ProcessEnv } {
  const home = join(work, `home-${++homes}`);
  if (owner !== undefined) {
    mkdirSync(home);
    chownSync(home, owner.uid, owner.gid);
  }
  return { home, env: { ...sb.env, HOME: home } };
}

function corpusFile(name: string): string {
  const entry = manifest.find((e) => e.file === name);
  if (entry === undefined) throw new Error(`not in the corpus: ${name}`);
  return fixturePath(entry);
}

function certFiles(home: string): string[] {
  const dir = join(home, '.cert/nm-openvpn');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

async function profileCount(): Promise<number> {
  const out = await sb.nmcli(['-t', '-f', 'TYPE', 'connection', 'show']);
  return out.split('\n').filter((l) => l === 'vpn' || l === 'wireguard').length;
}

const parse = (stdout: string): ImportEntry[] => JSON.parse(stdout) as ImportEntry[];

describe('tunnelbar import', () => {
  it('imports a folder of 200 files with one broken: 199 profiles, one error, no stray file', async () => {
    const folder = writeOvpnFolder(join(work, 'provider'), 200, sb.pki, 137);
    const { home, env } = newHome();
    const before = await profileCount();
    const r = await runCli(['import', folder.dir, '--json'], env);
    expect(r.code, r.stderr).toBe(1);
    const entries = parse(r.stdout);
    expect(entries).toHaveLength(200);
    const failed = entries.filter((e) => !e.ok);
    expect(failed).toEqual([
      {
        file: join(folder.dir, fileName(137)),
        ok: false,
        error: `${join(folder.dir, fileName(137))}:${brokenLine()}: "proto" expects a protocol such as "udp" or "tcp", not "sctp"`,
        line: brokenLine(),
      },
    ]);
    expect(await profileCount()).toBe(before + 199);
    // ca, cert, key and tls-crypt for each imported file, named by its profile's UUID.
    const uuids = entries.flatMap((e) => (e.ok ? [e.uuid] : []));
    const expected = uuids.flatMap((u) =>
      ['ca', 'cert', 'key', 'tls-crypt'].map((t) => `${u}-${t}.pem`),
    );
    expect(certFiles(home)).toEqual(expected.sort());
  });

  it('reports a second import of the same file as a duplicate; --allow-duplicates makes a twin', async () => {
    const file = corpusFile('ovpn/inline-all.ovpn');
    const { home, env } = newHome();
    const first = parse((await runCli(['import', file, '--json'], env)).stdout);
    const [added] = first;
    if (added?.ok !== true) throw new Error(JSON.stringify(first));
    const before = await profileCount();
    const filesBefore = certFiles(home);

    const again = await runCli(['import', file, '--json'], env);
    expect(again.code).toBe(1);
    expect(parse(again.stdout)).toEqual([
      {
        file,
        ok: false,
        error: `${file}: duplicate of "inline-all" (${added.uuid}), not added; --allow-duplicates adds it anyway`,
        line: null,
        duplicateOf: added.uuid,
      },
    ]);
    expect(await profileCount()).toBe(before);
    expect(certFiles(home)).toEqual(filesBefore);

    const twin = await runCli(['import', file, '--json', '--allow-duplicates'], env);
    expect(twin.code, twin.stderr).toBe(0);
    const [entry] = parse(twin.stdout);
    expect(entry).toMatchObject({ ok: true, id: 'inline-all' });
    expect(entry?.ok === true && entry.uuid !== added.uuid).toBe(true);
    expect(await profileCount()).toBe(before + 1);
  });

  it('--dry-run prints the settings, without secrets, and adds and writes nothing', async () => {
    const wg = corpusFile('wg/wg0.conf');
    const ovpn = corpusFile('ovpn/inline-all.ovpn');
    const { home, env } = newHome();
    const before = await profileCount();
    const r = await runCli(['import', wg, ovpn, '--dry-run', '--allow-duplicates', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const [w, o] = parse(r.stdout);
    expect(w).toMatchObject({ ok: true, dryRun: true, id: 'wg0', type: 'wireguard' });
    expect(o).toMatchObject({ ok: true, dryRun: true, id: 'inline-all', type: 'openvpn' });
    // wg0.conf's PrivateKey and PresharedKey.
    expect(r.stdout).not.toContain('QGKrJqwqWHbp');
    expect(r.stdout).not.toContain('8Sn37Jyaa');
    expect(await profileCount()).toBe(before);
    expect(existsSync(home)).toBe(false);

    const human = await runCli(['import', ovpn, '--dry-run', '--allow-duplicates'], env);
    expect(human.stdout).toContain(`${ovpn}: would add "inline-all" (openvpn); nothing written`);
    expect(human.stdout).toMatch(/^ {4}vpn\.data\.remote: inline\.example\.net:1194:udp$/m);
    expect(human.stdout).toMatch(/^1 file: 1 would be added$/m);
  });

  it('prints one line per file with warnings indented, and --json entries of the documented shape', async () => {
    const file = corpusFile('ovpn/basic-tls.ovpn');
    const { env } = newHome();
    const human = await runCli(['import', file, '--allow-duplicates'], env);
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file}: added "basic-tls" \\([0-9a-f-]{36}\\)$`));
    expect(lines.slice(1, -1).every((l) => l.startsWith('  warning, line '))).toBe(true);
    expect(lines.at(-1)).toBe('1 file: 1 added');
    // A pipe is no terminal: no progress bar.
    expect(human.stderr).toBe('');

    const json = await runCli(['import', file, '--allow-duplicates', '--json'], env);
    const [entry] = parse(json.stdout);
    expect(Object.keys(entry ?? {})).toEqual(['file', 'ok', 'uuid', 'id', 'warnings', 'repairs']);
    if (entry?.ok !== true) throw new Error(json.stdout);
    expect(entry.repairs).toEqual([]);
    expect(entry.warnings.find((w) => w.directive === 'verb')).toMatchObject({
      line: 17,
      message: '"verb" has no effect on a client run by NetworkManager',
    });
  });

  it('leaves no file behind when NetworkManager refuses to add (permission denied), exit 2', async () => {
    const folder = writeOvpnFolder(join(work, 'denied'), 3, sb.pki);
    const nobody = { uid: 65534, gid: 65534 };
    const { home, env } = newHome(nobody);
    const before = await profileCount();
    const r = await runCli(['import', folder.dir, '--json'], env, '', 30_000, nobody);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(/^import stopped: permission-denied: /m);
    const entries = parse(r.stdout);
    expect(entries.map((e) => e.ok)).toEqual([false, false, false]);
    expect(await profileCount()).toBe(before);
    expect(certFiles(home)).toEqual([]);
  });

  it('says which arguments are wrong, exit 2', async () => {
    const r = await runCli(['import', '--json'], sb.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"import" needs at least one file or folder/);
  });
});
