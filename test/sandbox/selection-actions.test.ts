import { Variant } from 'dbus-next';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { actOnSelection } from '../../main/editor/selection-actions';
import { generatePrivateKey } from '../../main/vpn/wireguard/key-pair';
import { addWireguardArgs } from './infra/profiles';
import { findProfile } from '../../main/nm/actions';
import type { SettingsDict } from '../../main/nm/dbus-types';
import { IFACE } from '../../main/nm/names';
import { addBulkProfiles } from '../support/bulk-profiles';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';
import { plainSettings } from '../support/plain-settings';

// Actions on a selection of profiles against a real NetworkManager: every profile is read back afterwards, so only the
// named keys may have changed, stored secrets are still there, and deleted ones are gone.

let sb: Sandbox;
let core: Core;
const uuids: Record<string, string> = {};

async function call(name: string, member: string, body: unknown[] = []): Promise<unknown> {
  const profile = findProfile(core.model, uuids[name] ?? name);
  const sig = body.length > 0 ? 's' : undefined;
  const [answer] = await core.bus.call({
    path: profile.path,
    iface: IFACE.settingsConnection,
    member,
    signature: sig,
    body,
  });
  return answer;
}

async function settingsOf(name: string): Promise<Record<string, Record<string, unknown>>> {
  return plainSettings((await call(name, 'GetSettings')) as SettingsDict);
}

function withKey(
  before: Record<string, Record<string, unknown>>,
  setting: string,
  key: string,
  value: unknown,
): Record<string, Record<string, unknown>> {
  const expected = structuredClone(before);
  expected[setting] = { ...expected[setting], [key]: value };
  return expected;
}

beforeAll(async () => {
  sb = await startSandbox();
  // A system-owned password (flags 0): NetworkManager holds it, a selection action's Update2 must keep it.
  uuids.stored = (
    await sb.addOpenvpnProfile('password', { id: 'tb-bulk-stored', passwordFlags: 0 })
  ).uuid;
  uuids.agent = (await sb.addOpenvpnProfile('password', { id: 'tb-bulk-agent' })).uuid;
  uuids.cert = (await sb.addOpenvpnProfile('cert', { id: 'tb-bulk-cert' })).uuid;
  uuids.auto = (
    await sb.addOpenvpnProfile('unreachable', { id: 'tb-bulk-auto', timeoutSeconds: 5 })
  ).uuid;
  await sb.nmcli(['connection', 'modify', 'tb-bulk-auto', 'connection.autoconnect', 'yes']);
  await sb.nmcli(addWireguardArgs('tb-bulk-wg', 'wgbulk0', generatePrivateKey()));
  core = await openCore({ busAddress: sb.busAddress });
  uuids.wg = findProfile(core.model, 'tb-bulk-wg').uuid;
});

afterAll(async () => {
  await (core as Core | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-4000)}`);
});

describe('actions on a selection of profiles, on a real NetworkManager', () => {
  it('sets the user name, keeps the stored password, and refuses WireGuard with a reason', async () => {
    const names = ['stored', 'cert', 'wg'];
    const before = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await settingsOf(n)] as const)),
    );
    const result = await actOnSelection(core, [uuids.stored, uuids.cert, uuids.wg] as string[], {
      kind: 'set-username',
      username: 'bulk-user',
    });
    expect(result.changed).toBe(2);
    expect(result.failures).toEqual([
      { uuid: uuids.wg, id: 'tb-bulk-wg', sentence: expect.stringMatching(/WireGuard/) as string },
    ]);
    for (const name of ['stored', 'cert']) {
      const old = before[name] ?? {};
      const data = (old.vpn?.data as { value: Record<string, string> }).value;
      expect(await settingsOf(name)).toEqual(
        withKey(old, 'vpn', 'data', { sig: 'a{ss}', value: { ...data, username: 'bulk-user' } }),
      );
    }
    expect(await settingsOf('wg')).toEqual(before.wg);
    // Update2 without secrets kept the system-owned password.
    const secrets = (await call('stored', 'GetSecrets', ['vpn'])) as SettingsDict;
    expect(secrets.vpn?.secrets?.value).toEqual({ password: sb.credentials.password });
  });

  it('sets never-default on IPv4 and IPv6, and a second run changes nothing', async () => {
    const names = ['agent', 'wg'];
    const before = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await settingsOf(n)] as const)),
    );
    const targets = [uuids.agent, uuids.wg] as string[];
    const on = { kind: 'never-default', on: true } as const;
    expect(await actOnSelection(core, targets, on)).toEqual({ changed: 2, failures: [] });
    for (const name of names) {
      const old = before[name] ?? {};
      const ipv4 = withKey(old, 'ipv4', 'never-default', { sig: 'b', value: true });
      expect(await settingsOf(name)).toEqual(
        withKey(ipv4, 'ipv6', 'never-default', { sig: 'b', value: true }),
      );
    }
    expect(await actOnSelection(core, targets, on)).toEqual({ changed: 0, failures: [] });
  });

  it('turns autoconnect off only where it was on', async () => {
    const before = await settingsOf('auto');
    const result = await actOnSelection(core, [uuids.auto, uuids.agent] as string[], {
      kind: 'autoconnect',
      on: false,
    });
    expect(result).toEqual({ changed: 1, failures: [] });
    expect(await settingsOf('auto')).toEqual(
      withKey(before, 'connection', 'autoconnect', { sig: 'b', value: false }),
    );
  });

  it('deletes, and reports a uuid NetworkManager does not have', async () => {
    const gone = [uuids.agent, uuids.auto] as string[];
    const missing = '00000000-0000-4000-8000-000000000000';
    const result = await actOnSelection(core, [...gone, missing], { kind: 'delete' });
    expect(result.changed).toBe(2);
    expect(result.failures).toEqual([
      { uuid: missing, id: missing, sentence: expect.stringMatching(/no longer has/) as string },
    ]);
    const listed = await sb.nmcli(['-t', '-f', 'UUID', 'connection', 'show']);
    for (const uuid of gone) expect(listed).not.toContain(uuid);
    expect(listed).toContain(uuids.stored);
    await waitFor('the model to drop the deleted profiles', () =>
      core.model.profiles().every((p) => !gone.includes(p.uuid)),
    );
  });

  it('changes 600 profiles with every call answered and the model still whole', async () => {
    const before = core.model.profiles().length;
    await addBulkProfiles(sb.busAddress, 0, 600, sb.pki.ca);
    await waitFor(
      'the model to hold the new profiles',
      () => core.model.profiles().length === before + 600,
    );
    const bench = core.model.profiles().filter((p) => p.id.startsWith('bench-'));
    const result = await actOnSelection(
      core,
      bench.map((p) => p.uuid),
      { kind: 'set-username', username: 'many' },
    );
    expect(result).toEqual({ changed: 600, failures: [] });
    // Every Update2 made the model fetch the profile again on the same connection: none was lost.
    await waitFor(
      'the model to show every new user name',
      () => core.model.profiles().filter((p) => p.data.username === 'many').length === 600,
    );
    expect(core.model.profiles()).toHaveLength(before + 600);
    const sample = (await call('bench-00599', 'GetSettings')) as SettingsDict;
    expect(sample.vpn?.data?.value).toMatchObject({ username: 'many' });
    expect(sample.vpn?.data).toBeInstanceOf(Variant);
  });
});
