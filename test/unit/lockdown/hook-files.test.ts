// Installing lockdown's dispatcher hook: the checks that keep a root script from running files
// someone else can change, the script written, and its paths quoted for sh. Real files: a
// temporary folder stands for dispatcher.d; /bin/sh stands for node and the CLI, a root-owned
// file in root-owned folders on every system (a node from nvm in a home folder would not be).
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TunnelbarError } from '../../../main/errors/tunnelbar-error';
import {
  DEFAULT_DISPATCHER_DIR,
  DISPATCHER_DIR_ENV,
  dispatcherDir,
  installHook,
  isHookInstalled,
  notRootOnly,
  removeHook,
} from '../../../main/lockdown/hook-files';
import { HOOK_NAME, hookScript, shQuote } from '../../../main/lockdown/hook-script';

let dir: string;
const node = realpathSync('/bin/sh');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tb-hook-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(work: Promise<unknown>): Promise<TunnelbarError> {
  const err: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TunnelbarError);
  return err as TunnelbarError;
}

describe('the dispatcher folder', () => {
  it('is NetworkManager’s unless the test-only variable names another', () => {
    expect(dispatcherDir({})).toBe(DEFAULT_DISPATCHER_DIR);
    expect(dispatcherDir({ [DISPATCHER_DIR_ENV]: '' })).toBe(DEFAULT_DISPATCHER_DIR);
    expect(dispatcherDir({ [DISPATCHER_DIR_ENV]: '/x/d' })).toBe('/x/d');
  });
});

describe('the script', () => {
  it('execs the absolute node and CLI with the dispatcher’s two arguments', () => {
    const text = hookScript('/usr/bin/node', '/opt/tunnelbar/tunnelbar.js');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toMatch(
      /^exec '\/usr\/bin\/node' '\/opt\/tunnelbar\/tunnelbar\.js' lockdown hook-run "\$1" "\$2"$/m,
    );
  });

  it('quotes paths with spaces, quotes and dollars so sh passes them as they are', () => {
    const odd = "/opt/it's $HOME `x` here/tunnelbar.js";
    expect(shQuote("a'b")).toBe(`'a'\\''b'`);
    // /bin/echo stands for node: the script's words reach it unchanged.
    const script = join(dir, 'hook.sh');
    writeFileSync(script, hookScript('/bin/echo', odd), { mode: 0o755 });
    const out = execFileSync('sh', [script, 'eth $0', 'dhcp4-change']).toString();
    expect(out).toBe(`${odd} lockdown hook-run eth $0 dhcp4-change\n`);
    // Events lockdown has nothing to do for end in the script: nothing is run.
    expect(execFileSync('sh', [script, '', 'connectivity-change']).toString()).toBe('');
    expect(execFileSync('sh', [script, 'tun0', 'vpn-up']).toString()).toBe('');
  });
});

describe('install', () => {
  it('refuses a user who is not root, writing nothing', async () => {
    const err = await refusal(installHook(dir, { nodePath: node, cliPath: node }, false));
    expect(err.word).toBe('permission-denied');
    expect(err.message).toMatch(/sudo tunnelbar lockdown hook install/);
    expect(existsSync(join(dir, HOOK_NAME))).toBe(false);
  });

  it('refuses a CLI file in a folder others can write to, naming it, writing nothing', async () => {
    const cli = join(dir, 'tunnelbar.js');
    writeFileSync(cli, '');
    chmodSync(dir, 0o777);
    expect(await notRootOnly([cli])).toContain(realpathSync(dir));
    const err = await refusal(installHook(dir, { nodePath: node, cliPath: cli }, true));
    expect(err.word).toBe('hook-unsafe');
    expect(err.message).toContain(realpathSync(dir));
    expect(existsSync(join(dir, HOOK_NAME))).toBe(false);
  });

  it('refuses a file others can write to, and one loaded beside the CLI', async () => {
    const cli = join(dir, 'tunnelbar-full.js');
    writeFileSync(cli, '');
    chmodSync(cli, 0o666);
    expect(await notRootOnly([cli])).toContain(realpathSync(cli));
    const err = await refusal(
      installHook(dir, { nodePath: node, cliPath: node, loaded: [cli] }, true),
    );
    expect(err.word).toBe('hook-unsafe');
  });

  it('a missing dispatcher folder is said, not created', async () => {
    const missing = join(dir, 'nope');
    const err = await refusal(installHook(missing, { nodePath: node, cliPath: node }, true));
    expect(err.word).toBe('hook-failed');
    expect(existsSync(missing)).toBe(false);
  });

  it('root-only files: the script in no-wait.d (0755), linked from the folder; remove undoes it', async () => {
    expect(await notRootOnly([node])).toEqual([]);
    const script = await installHook(dir, { nodePath: node, cliPath: node }, true);
    expect(script).toBe(join(dir, 'no-wait.d', HOOK_NAME));
    expect(statSync(script).mode & 0o7777).toBe(0o755);
    expect(readFileSync(script, 'utf8')).toBe(hookScript(node, node));
    expect(readlinkSync(join(dir, HOOK_NAME))).toBe(join('no-wait.d', HOOK_NAME));
    expect(await isHookInstalled(dir)).toBe(true);
    // Installing again replaces it.
    await installHook(dir, { nodePath: node, cliPath: node }, true);
    expect(await isHookInstalled(dir)).toBe(true);

    const denied = await refusal(removeHook(dir, false));
    expect(denied.word).toBe('permission-denied');
    expect(await removeHook(dir, true)).toBe(true);
    expect(existsSync(script)).toBe(false);
    expect(existsSync(join(dir, HOOK_NAME))).toBe(false);
    expect(await isHookInstalled(dir)).toBe(false);
    expect(await removeHook(dir, true)).toBe(false);
  });

  it('remove leaves a script of the same name that is not Tunnelbar’s', async () => {
    const other = join(dir, HOOK_NAME);
    writeFileSync(other, '#!/bin/sh\necho mine\n');
    expect(await isHookInstalled(dir)).toBe(false);
    expect(await removeHook(dir, true)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });
});
