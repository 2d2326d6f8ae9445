import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { createProfile, getProfileEdit, saveProfileEdit } from '../../main/editor/service';
import { findProfile } from '../../main/nm/actions';
import { profileFromSettings, type Profile } from '../../main/nm/profile';
import { blankEdit } from '../../renderer/editor/blank';
import { runCli } from '../support/run-cli';
import { settingsByUuid } from './infra/dummy-connection';
import { startOcserv, type OcservServer } from './infra/ocserv-server';
import { addOpenConnectArgs, parseAddedUuid } from './infra/profiles';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';

// After a login through NetworkManager, what NetworkManager keeps of an OpenConnect profile: its
// keyfile and its secrets (nmcli -s). A login's session secrets (cookie, gateway, gwcert) must not
// be there on a profile Tunnelbar made or saved; on one made by nmcli (flags 0) NetworkManager
// writes them in plain text until Tunnelbar saves it once.

let sb: Sandbox;
let oc: OcservServer;
let core: Core;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sb = await startSandbox();
  oc = await startOcserv(sb);
  core = await openCore({ busAddress: sb.busAddress });
  // The agent runs here, NetworkManager in its namespace: the login must see the server as NM does.
  const wrapper = join(sb.dir, 'openconnect-in-nm-namespace');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${sb.names.nmNetns} openconnect "$@"\n`);
  chmodSync(wrapper, 0o755);
  env = { ...sb.env, TUNNELBAR_OPENCONNECT: wrapper };
});

afterAll(async () => {
  await (core as Core | undefined)?.close();
  await (oc as OcservServer | undefined)?.stop();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

/** Logs in through `tunnelbar up --ask` (certificate accepted, user name, password), then down. */
async function loginAndDown(uuid: string): Promise<void> {
  const r = await runCli(['up', uuid, '--ask'], env, `yes\n${oc.username}\n${oc.password}\n`);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/connected 10\.30\.0\.\d+/);
  const down = await runCli(['down', uuid], env);
  expect(down.code, down.stderr).toBe(0);
}

/**
 * The keys of the profile's keyfile's [vpn-secrets] section: what is on disk in plain text (only
 * the names, so a failure never prints a cookie).
 */
function keyfileSecretKeys(uuid: string): string[] {
  for (const name of readdirSync(sb.keyfileDir)) {
    const text = readFileSync(join(sb.keyfileDir, name), 'utf8');
    if (!text.includes(`uuid=${uuid}`)) continue;
    const section = /^\[vpn-secrets\]\n((?:[^[\n].*\n?)*)/m.exec(text)?.[1] ?? '';
    return [...section.matchAll(/^([^=\s]+)=/gm)].map((m) => m[1] ?? '');
  }
  throw new Error(`no keyfile for ${uuid}`);
}

/** The keys of the profile's secrets as NetworkManager holds them (nmcli escapes ", " in values). */
async function heldSecretKeys(uuid: string): Promise<string[]> {
  const out = await sb.nmcli(['-s', '-g', 'vpn.secrets', 'connection', 'show', uuid]);
  return [...out.matchAll(/(?:^|(?<!\\), )([^\s=,]+) = /g)].map((m) => m[1] ?? '');
}

/** The login's session secrets that must not be kept. */
const SESSION = ['cookie', 'gateway', 'gwcert'];
const sessionIn = (keys: string[]): string[] => keys.filter((k) => SESSION.includes(k));

async function profileOf(uuid: string): Promise<Profile> {
  const path = await waitFor('the profile in the model', () => {
    try {
      return findProfile(core.model, uuid).path;
    } catch {
      return undefined;
    }
  });
  const p = profileFromSettings(path, await settingsByUuid(core.bus, uuid));
  if (p === null) throw new Error(`${uuid} is not a VPN`);
  return p;
}

describe('OpenConnect session secrets after a login through NetworkManager', () => {
  it('a profile made by Tunnelbar’s editor keeps no cookie, gateway or gwcert', async () => {
    const blank = blankEdit({
      kind: 'other',
      serviceType: 'org.freedesktop.NetworkManager.openconnect',
    });
    if (blank.vpn.kind !== 'plugin') throw new Error('not a plugin profile');
    const uuid = await createProfile(core.bus, {
      ...blank,
      name: `tb-ocnew-${sb.id}`,
      vpn: { ...blank.vpn, data: { gateway: oc.gateway, protocol: 'anyconnect' } },
    });
    await loginAndDown(uuid);
    expect(sessionIn(keyfileSecretKeys(uuid))).toEqual([]);
    expect(sessionIn(await heldSecretKeys(uuid))).toEqual([]);
  });

  it('a profile made by nmcli keeps them until Tunnelbar saves it once, then no longer', async () => {
    const out = await sb.nmcli(addOpenConnectArgs(`tb-ocnmcli-${sb.id}`, { gateway: oc.gateway }));
    const uuid = parseAddedUuid(out);
    // No flags: NetworkManager writes what the agent returned into the keyfile (why the fix exists).
    await loginAndDown(uuid);
    expect(sessionIn(keyfileSecretKeys(uuid)).sort()).toEqual(SESSION);
    expect(sessionIn(await heldSecretKeys(uuid))).toContain('cookie');

    // Saved by the editor with nothing changed: the flags are added, the keyfile rewritten.
    const profile = await profileOf(uuid);
    const { edit } = await getProfileEdit(core.bus, profile);
    await saveProfileEdit(core.bus, profile, edit, edit);
    expect(sessionIn(keyfileSecretKeys(uuid))).toEqual([]);

    await loginAndDown(uuid);
    expect(sessionIn(keyfileSecretKeys(uuid))).toEqual([]);
    expect(sessionIn(await heldSecretKeys(uuid))).toEqual([]);
  });
});
