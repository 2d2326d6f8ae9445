import { userInfo } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import {
  createProfile,
  getProfileEdit,
  listBaseConnections,
  saveProfileEdit,
} from '../../main/editor/service';
import { findProfile } from '../../main/nm/actions';
import { boolProp, numberProp, stringArrayProp } from '../../main/nm/dbus-types';
import { profileFromSettings, type Profile } from '../../main/nm/profile';
import type { ProfileEdit } from '../../preload/editor';
import { addDummyConnection, settingsByUuid } from './infra/dummy-connection';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { plainSettings } from '../support/plain-settings';

// "Available to all users" and "Connect this VPN automatically with" through the editor service,
// against a real NetworkManager: what it holds afterwards is read back with GetSettings.

/** A VPN that is not in this sandbox: the base's list names it, and it must stay there. */
const OTHER_VPN = '0f2c7a4e-6d1b-4c39-9a57-3e8b5f0d2c11';

let sb: Sandbox;
let core: Core;
let vpnUuid: string;
let dummyUuid: string;

/** The profile as NetworkManager has it now (the model follows by signal, a little later). */
async function current(uuid: string): Promise<Profile> {
  const p = profileFromSettings(findProfile(core.model, uuid).path, await settingsOf(uuid));
  if (p === null) throw new Error(`${uuid} is not a VPN`);
  return p;
}

async function settingsOf(uuid: string) {
  return settingsByUuid(core.bus, uuid);
}

async function save(change: (edit: ProfileEdit) => ProfileEdit): Promise<void> {
  const { edit } = await getProfileEdit(core.bus, await current(vpnUuid));
  await saveProfileEdit(core.bus, await current(vpnUuid), edit, change(edit));
}

beforeAll(async () => {
  sb = await startSandbox();
  vpnUuid = (await sb.addOpenvpnProfile('password', { id: 'tb-general' })).uuid;
  core = await openCore({ busAddress: sb.busAddress });
  dummyUuid = await addDummyConnection(core.bus, 'tb-dummy-base', 'tbdummy0', [OTHER_VPN]);
});

afterAll(async () => {
  await (core as Core | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-4000)}`);
});

describe('the General page’s settings on a real NetworkManager', () => {
  it('offers every connection that is not a VPN', async () => {
    const bases = await listBaseConnections(core.bus);
    expect(bases).toContainEqual({ uuid: dummyUuid, name: 'tb-dummy-base', type: 'dummy' });
    expect(bases.map((b) => b.name)).toContain(sb.names.baseProfile);
    expect(bases.map((b) => b.uuid)).not.toContain(vpnUuid);
  });

  it('connect with: the base’s secondaries gain the VPN, and lose it again', async () => {
    const before = plainSettings(await settingsOf(dummyUuid));
    await save((edit) => ({ ...edit, connectWith: [dummyUuid] }));

    const after = await settingsOf(dummyUuid);
    expect(stringArrayProp(after.connection, 'secondaries')).toEqual([OTHER_VPN, vpnUuid]);
    // Nothing else of the base changed.
    const expected = structuredClone(before);
    expected.connection = {
      ...expected.connection,
      secondaries: { sig: 'as', value: [OTHER_VPN, vpnUuid] },
    };
    expect(plainSettings(after)).toEqual(expected);
    const view = await getProfileEdit(core.bus, await current(vpnUuid));
    expect(view.edit.connectWith).toEqual([dummyUuid]);

    await save((edit) => ({ ...edit, connectWith: [] }));
    expect(plainSettings(await settingsOf(dummyUuid))).toEqual(before);
    const cleared = await getProfileEdit(core.bus, await current(vpnUuid));
    expect(cleared.edit.connectWith).toEqual([]);
  });

  it('available to all users round-trips to connection.permissions', async () => {
    const before = plainSettings(await settingsOf(vpnUuid));
    expect((await getProfileEdit(core.bus, await current(vpnUuid))).edit.allUsers).toBe(true);

    await save((edit) => ({ ...edit, allUsers: false }));
    const mine = await settingsOf(vpnUuid);
    expect(stringArrayProp(mine.connection, 'permissions')).toEqual([
      `user:${userInfo().username}:`,
    ]);
    expect((await getProfileEdit(core.bus, await current(vpnUuid))).edit.allUsers).toBe(false);

    await save((edit) => ({ ...edit, allUsers: true }));
    expect(plainSettings(await settingsOf(vpnUuid))).toEqual(before);
  });

  it('a new private profile is started by the base chosen', async () => {
    const { edit } = await getProfileEdit(core.bus, await current(vpnUuid));
    const uuid = await createProfile(core.bus, {
      ...edit,
      name: 'tb-general-new',
      allUsers: false,
      connectWith: [dummyUuid],
    });
    const created = await settingsOf(uuid);
    expect(stringArrayProp(created.connection, 'permissions')).toEqual([
      `user:${userInfo().username}:`,
    ]);
    const base = await settingsOf(dummyUuid);
    expect(stringArrayProp(base.connection, 'secondaries')).toEqual([OTHER_VPN, uuid]);
  });

  it('vpn.persistent and connection.autoconnect-retries: written when changed, read back', async () => {
    await save((edit) => ({ ...edit, persistent: true, autoconnectRetries: 0 }));
    const settings = await settingsOf(vpnUuid);
    expect(boolProp(settings.vpn, 'persistent')).toBe(true);
    expect(numberProp(settings.connection, 'autoconnect-retries')).toBe(0);
    const { edit } = await getProfileEdit(core.bus, await current(vpnUuid));
    expect(edit).toMatchObject({ persistent: true, autoconnectRetries: 0 });
    // Nothing else changed: saving the same view again leaves NetworkManager's settings as they are.
    const before = plainSettings(settings);
    await save((e) => ({ ...e, name: e.name }));
    expect(plainSettings(await settingsOf(vpnUuid))).toEqual(before);
  });
});
