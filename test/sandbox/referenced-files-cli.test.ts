// Files a profile names, and files the CLI writes, as a user meets them: `tunnelbar import
// --dry-run` of an .ovpn whose `ca` is a FIFO or /dev/zero answers at once with the reason; an
// http-proxy auth file outside the .ovpn's folder is not read; the proxy password never lands in
// vpn.data; `tunnelbar export` without --output never follows a dangling link at its name.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportEntry } from '../../main/cli/import-format';
import { ovpnFileName } from '../../main/vpn/export-name';
import { runCli } from '../support/run-cli';
import { startSandbox, type Sandbox } from './infra/sandbox';

let sb: Sandbox;
let work = '';

beforeAll(async () => {
  sb = await startSandbox();
  work = mkdtempSync(join(tmpdir(), 'tunnelbar-referenced-'));
});

afterAll(async () => {
  await (sb as Sandbox | undefined)?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-4000)}`);
});

/** An .ovpn in its own folder under `work`; returns its path. */
function ovpn(folder: string, name: string, lines: string[]): string {
  const dir = join(work, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const env = (): NodeJS.ProcessEnv => ({ ...sb.env, HOME: join(work, 'home') });
const entries = (stdout: string): ImportEntry[] => JSON.parse(stdout) as ImportEntry[];

describe('tunnelbar import --dry-run with a ca that is not a file', () => {
  it.each([
    ['a FIFO', 'fifo', 'it is a named pipe (FIFO), not a regular file'],
    ['/dev/zero', '/dev/zero', 'it is a character device, not a regular file'],
  ])('%s: answers at once, naming the file and why', async (_what, ca, why) => {
    const fifo = join(work, 'fifo-ca', 'ca.crt');
    mkdirSync(join(work, 'fifo-ca'), { recursive: true });
    if (ca === 'fifo' && !existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const caPath = ca === 'fifo' ? fifo : ca;
    const file = ovpn('fifo-ca', `${ca === 'fifo' ? 'fifo' : 'zero'}.ovpn`, [
      'client',
      'remote vpn.example.com 1194',
      `ca ${caPath}`,
    ]);
    const started = Date.now();
    // Before the fix this never finished (read of a FIFO without writer, or of endless zeros).
    const r = await runCli(['import', '--dry-run', '--json', file], env(), '', 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code, r.stderr).toBe(1);
    const [entry] = entries(r.stdout);
    expect(entry).toMatchObject({ ok: false, line: 3 });
    expect(entry?.ok === false ? entry.error : '').toBe(
      `${file}:3: the file named by "ca" cannot be used: cannot read ${caPath}: ${why}`,
    );
  });
});

describe('http-proxy auth files', () => {
  /** A client profile whose line 4 is `http-proxy proxy.example.com 3128 <authFile>`. */
  const proxyOvpn = (folder: string, name: string, authFile: string): string =>
    ovpn(folder, name, [
      'client',
      'remote vpn.example.com 443 tcp',
      `ca ${sb.pki.ca}`,
      `http-proxy proxy.example.com 3128 ${authFile}`,
    ]);

  it('are not read outside the .ovpn folder: a warning names the line, nothing is used', async () => {
    writeFileSync(join(work, 'secret.txt'), 'root-user\nroot-password\n');
    const file = proxyOvpn('proxy-outside', 'outside.ovpn', '../secret.txt');
    const r = await runCli(['import', '--dry-run', '--json', file], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('root-user');
    expect(r.stdout).not.toContain('root-password');
    const [entry] = entries(r.stdout);
    expect(entry?.ok === true ? entry.warnings : []).toContainEqual({
      line: 4,
      directive: 'http-proxy',
      message:
        'the proxy authentication file "../secret.txt" is not read: it is not in the folder of this file, so the proxy user name and password are not imported',
    });
  });

  it('beside the .ovpn: the user name goes to vpn.data, the password never does', async () => {
    const dir = join(work, 'proxy-beside');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'auth.txt'), 'proxy-user\nproxy-pa55word\n');
    const file = proxyOvpn('proxy-beside', 'tb-proxy-beside.ovpn', 'auth.txt');
    const r = await runCli(['import', '--json', file], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('proxy-pa55word');
    try {
      const data = await sb.nmcli(['-g', 'vpn.data', 'connection', 'show', 'tb-proxy-beside']);
      expect(data).toContain('http-proxy-username = proxy-user');
      expect(data).toContain('http-proxy-password-flags = 1');
      expect(data).not.toContain('proxy-pa55word');
    } finally {
      await sb.nmcli(['connection', 'delete', 'tb-proxy-beside']);
    }
  });
});

describe('tunnelbar export without --output', () => {
  it('refuses a dangling link at its name and creates nothing where it points', async () => {
    const profile = await sb.addOpenvpnProfile('cert');
    const dir = join(work, 'export-link');
    mkdirSync(dir, { recursive: true });
    const name = ovpnFileName(profile.id);
    const victim = join(work, 'victim.ovpn');
    symlinkSync(victim, join(dir, name));
    try {
      const r = await runCli(['export', profile.id], env(), '', 90_000, null, dir);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `export-file-exists: ${join(dir, name)} exists already; remove it, or name another file with --output.`,
      );
      expect(existsSync(victim)).toBe(false);
      expect(lstatSync(join(dir, name)).isSymbolicLink()).toBe(true);

      // Without the link the same command writes the file, private to its owner.
      rmSync(join(dir, name));
      const ok = await runCli(['export', profile.id], env(), '', 90_000, null, dir);
      expect(ok.code, ok.stderr).toBe(0);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    } finally {
      await sb.nmcli(['connection', 'delete', profile.uuid]);
    }
  });
});
