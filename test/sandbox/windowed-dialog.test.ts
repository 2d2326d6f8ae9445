import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { encodeVpnMap } from './infra/profiles';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { installTestPlugin, type TestPlugin } from './infra/test-plugin';
import { waitFor } from './infra/wait';

// A plugin whose auth dialog has no external UI mode, end to end: NetworkManager's GetSecrets
// reaches `tunnelbar up --ask`, whose agent runs the dialog with its own window (a script here),
// and the password it prints reaches the plugin's Connect. CancelGetSecrets ends the dialog.

const PASSWORD = 'windowed-S3cret';
let sb: Sandbox;
let plugin: TestPlugin;
let env: NodeJS.ProcessEnv;
let profile: string;

beforeAll(async () => {
  sb = await startSandbox();
  plugin = await installTestPlugin(sb);
  env = { ...sb.env, TUNNELBAR_VPN_PLUGIN_DIRS: plugin.pluginDir };
  profile = `tb-windowed-${sb.id}`;
  await sb.nmcli([
    'connection',
    'add',
    'type',
    'vpn',
    'con-name',
    profile,
    'vpn-type',
    plugin.serviceType,
    'connection.autoconnect',
    'no',
    // Agent-owned: NetworkManager asks the agent, which has nothing saved and must ask.
    'vpn.data',
    encodeVpnMap({ gateway: 'vpn.example.test', 'password-flags': '1' }),
  ]);
});

afterAll(async () => {
  await (sb as Sandbox | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
  await sb.nmcli(['connection', 'down', profile]).catch(() => undefined);
});

const dialogFile = (name: string): string => join(plugin.pluginDir, '..', name);

/** Whether a process runs (a zombie left for a reaper counts as ended). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${String(pid)}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('a plugin auth dialog without external UI mode', () => {
  it('runs with its own window; what it prints reaches the plugin through NetworkManager', async () => {
    plugin.setDialog(`printf 'password\\n${PASSWORD}\\n\\n\\n'
while IFS= read -r line; do [ "$line" = QUIT ] && exit 0; done
exit 3`);
    const r = await runCli(['up', profile, '--ask', '--timeout', '30'], env, '');
    // The test plugin refuses to connect, after Connect recorded what NetworkManager gave it.
    expect(r.code).toBe(1);
    const got = JSON.parse(readFileSync(plugin.resultFile, 'utf8')) as {
      keys: string[];
      passwordSha256: string;
    };
    expect(got.keys).toEqual(['password']);
    expect(got.passwordSha256).toBe(createHash('sha256').update(PASSWORD).digest('hex'));
    const args = readFileSync(dialogFile('dialog.args'), 'utf8').split('\n');
    expect(args.slice(0, 6)).toEqual([
      '-u',
      expect.any(String),
      '-n',
      profile,
      '-s',
      plugin.serviceType,
    ]);
    expect(args).toContain('-i');
    expect(args).not.toContain('--external-ui-mode');
    expect(readFileSync(dialogFile('dialog.stdin'), 'utf8')).toContain(
      'DATA_KEY=gateway\nDATA_VAL=vpn.example.test\n',
    );
    expect(r.stderr).not.toContain(PASSWORD);
  });

  it('a withdrawn request (the attempt taken down) ends the dialog while it waits', async () => {
    const pidFile = dialogFile('dialog.pid');
    plugin.setDialog(`echo $$ > '${pidFile}'\nsleep 600 & wait`);
    const up = runCli(['up', profile, '--ask', '--timeout', '60'], env, '');
    await waitFor('the dialog to start', () => existsSync(pidFile), 30_000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(pid)).toBe(true);
    // Deactivating withdraws the secret request: NetworkManager sends CancelGetSecrets.
    await sb.nmcli(['connection', 'down', profile]);
    await waitFor('the dialog to end', () => !alive(pid), 10_000);
    const r = await up;
    expect(r.code).toBe(1);
  });
});
