import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { run } from './infra/exec';
import { startKeyring, type Keyring } from './infra/keyring';
import { startOcserv, type OcservServer } from './infra/ocserv-server';
import { addOpenConnectArgs } from './infra/profiles';
import { startSandbox, type Sandbox } from './infra/sandbox';

// An OpenConnect form's password in a real gnome-keyring, where NetworkManager-openconnect's own
// auth dialog (GNOME Shell's, nm-applet's) keeps it: its schema, vpn_uuid + auth_id (the form's
// id) + label (the field's name). A password saved by that dialog fills Tunnelbar's login, and
// one Tunnelbar saves is found there by the dialog's own search.

let sb: Sandbox;
let keyring: Keyring;
let oc: OcservServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [sb, keyring] = await Promise.all([startSandbox(), startKeyring()]);
  oc = await startOcserv(sb);
  const wrapper = join(sb.dir, 'openconnect-in-nm-namespace');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${sb.names.nmNetns} openconnect "$@"\n`);
  chmodSync(wrapper, 0o755);
  env = {
    ...sb.env,
    DBUS_SESSION_BUS_ADDRESS: keyring.address,
    TUNNELBAR_OPENCONNECT: wrapper,
  };
});

afterAll(async () => {
  await (oc as OcservServer | undefined)?.stop();
  await Promise.all([
    (sb as Sandbox | undefined)?.stop(),
    (keyring as Keyring | undefined)?.stop(),
  ]);
});

afterEach((ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
  console.log(`--- keyring log ---\n${readFileSync(keyring.logFile, 'utf8').slice(-3000)}`);
});

/** A new OpenConnect profile for the plain ocserv; returns its uuid. */
async function addProfile(name: string): Promise<string> {
  const flags = { 'cookie-flags': '2', 'gateway-flags': '2', 'gwcert-flags': '2' };
  await sb.nmcli(addOpenConnectArgs(name, { gateway: oc.gateway, ...flags }));
  return (await sb.nmcli(['-g', 'connection.uuid', 'connection', 'show', name])).trim();
}

/** The attributes NetworkManager-openconnect's dialog stores and searches a form password by. */
function pluginAttributes(uuid: string): string[] {
  return ['vpn_uuid', uuid, 'auth_id', 'main', 'label', 'password'];
}

const inPool = (text: string): boolean => /connected 10\.30\.0\.\d+/.test(text);

describe("OpenConnect passwords in the plugin's own keyring schema", () => {
  it("a password the plugin's dialog saved fills Tunnelbar's login", async () => {
    const name = `tb-ockr-a-${sb.id}`;
    const uuid = await addProfile(name);
    const schema = ['xdg:schema', 'org.freedesktop.NetworkManager.Connection.Openconnect'];
    await run(
      'secret-tool',
      ['store', '--label=OpenConnect: saved by the plugin', ...schema, ...pluginAttributes(uuid)],
      { env: keyring.env, input: oc.password, timeoutMs: 10_000 },
    );
    // No line for the password: without the saved one the input ends and the login is cancelled.
    const r = await runCli(['up', name, '--ask'], env, `yes\n${oc.username}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(inPool(r.stdout)).toBe(true);
    expect(r.stderr).not.toContain('Password:');
    await runCli(['down', name], env);
  });

  it("up --ask --save keeps the password where the plugin's dialog looks for it", async () => {
    const name = `tb-ockr-b-${sb.id}`;
    const uuid = await addProfile(name);
    const input = `yes\n${oc.username}\n${oc.password}\n`;
    const r = await runCli(['up', name, '--ask', '--save'], env, input);
    expect(r.code, r.stderr).toBe(0);
    await runCli(['down', name], env);
    const found = await run('secret-tool', ['lookup', ...pluginAttributes(uuid)], {
      env: keyring.env,
      timeoutMs: 10_000,
    });
    expect(found).toBe(oc.password);
  });
});
