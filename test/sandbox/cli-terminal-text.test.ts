import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startSandbox, type Sandbox } from './infra/sandbox';

// The CLI's human output of a profile, a file and a file line that carry terminal escape
// sequences, as a user runs it against a real NetworkManager: every control character reaches the
// terminal escaped (main/cli/terminal-text.ts), and --json stays exact.

/** Sets the window title and clears the screen; the newline would forge a line of its own. */
const HOSTILE = 'evil\u001b]0;owned\u0007\u001b[2J\u202e\nfake: connected';
const ESCAPED = 'evil\\x1b]0;owned\\x07\\x1b[2J\\u202e\\nfake: connected';
/* eslint-disable no-control-regex -- looking for control characters is the point */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/* eslint-enable no-control-regex */

let sb: Sandbox;
let hostile: { uuid: string; id: string };
let dir = '';

beforeAll(async () => {
  sb = await startSandbox();
  hostile = await sb.addOpenvpnProfile('cert', { id: HOSTILE });
  dir = mkdtempSync(join(tmpdir(), 'tunnelbar-terminal-text-'));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

describe('untrusted text on the terminal', () => {
  it('list, up, status and down show a hostile name escaped, and --json exact', async () => {
    const list = await runCli(['list'], sb.env);
    expect(list.stdout).not.toMatch(RAW);
    expect(list.stdout).toContain(`${ESCAPED}\topenvpn\tdisconnected\t${hostile.uuid}\n`);
    const json = JSON.parse((await runCli(['list', '--json'], sb.env)).stdout) as { id: string }[];
    expect(json.map((e) => e.id)).toContain(HOSTILE);

    const up = await runCli(['up', hostile.uuid], sb.env);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(new RegExp(`^${ESCAPED.replace(/[\\[\]]/g, '\\$&')}: connected `));
    const status = await runCli(['status'], sb.env);
    expect(status.stdout).toContain(`${ESCAPED} (${hostile.uuid}): connected`);
    const down = await runCli(['down', hostile.uuid], sb.env);
    expect(down.code).toBe(0);
    for (const r of [up, status, down]) expect(r.stdout + r.stderr).not.toMatch(RAW);
  });

  it('export names the file it wrote escaped', async () => {
    const out = join(dir, `${HOSTILE}.ovpn`);
    const r = await runCli(['export', hostile.uuid, '--output', out], sb.env);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain(`saved to ${join(dir, ESCAPED)}.ovpn`);
  });

  it('import shows a hostile file name and file line escaped', async () => {
    const file = join(dir, `${HOSTILE}.ovpn`);
    writeFileSync(file, `client\nremote 10.99.0.1 1195\nsetenv X \u001b[2J\u001b]0;owned\u0007\n`);
    const r = await runCli(['import', '--dry-run', file], sb.env);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain(join(dir, ESCAPED));
  });
});
