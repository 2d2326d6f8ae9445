import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findProfile } from '../../main/nm/actions';
import { stringArrayProp } from '../../main/nm/dbus-types';
import { addDummyConnection, settingsByUuid } from '../sandbox/infra/dummy-connection';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';

// The General page in Chromium, through the harness, against a real NetworkManager: "Available
// to all users" and "Connect this VPN automatically with" ticked, saved, and read back.

let w: World;
let dummyUuid: string;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      await sb.addOpenvpnProfile('password', { id: 'tb-general-e2e' });
      // Private to root (the harness's user) to begin with, so the page has something to tick.
      await sb.nmcli([
        'connection',
        'modify',
        'tb-general-e2e',
        'connection.permissions',
        'user:root',
      ]);
    },
  });
  dummyUuid = await addDummyConnection(w.harness.core.bus, 'tb-dummy-e2e', 'tbdummy1');
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

describe('the General page through the harness', () => {
  it('makes the VPN available to all users and started by a base connection', async () => {
    const { page } = w;
    const vpnUuid = findProfile(w.harness.core.model, 'tb-general-e2e').uuid;
    const editor = await profileList(page).openEditor('tb-general-e2e');
    const allUsers = editor.getByRole('checkbox', { name: 'Available to all users', exact: true });
    const dummy = editor
      .getByRole('group', { name: 'Connect this VPN automatically with' })
      .getByRole('checkbox', { name: 'tb-dummy-e2e (Dummy)', exact: true });
    expect(await allUsers.isChecked()).toBe(false);
    expect(await dummy.isChecked()).toBe(false);
    await allUsers.check();
    await dummy.check();
    await screenshot(page, 'editor-general-page');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();

    const vpn = await settingsByUuid(w.harness.core.bus, vpnUuid);
    expect(stringArrayProp(vpn.connection, 'permissions')).toEqual([]);
    const base = await settingsByUuid(w.harness.core.bus, dummyUuid);
    expect(stringArrayProp(base.connection, 'secondaries')).toEqual([vpnUuid]);

    // Opened again, the page shows what NetworkManager now holds.
    const again = await profileList(page).openEditor('tb-general-e2e');
    expect(
      await again
        .getByRole('checkbox', { name: 'Available to all users', exact: true })
        .isChecked(),
    ).toBe(true);
    expect(
      await again.getByRole('checkbox', { name: 'tb-dummy-e2e (Dummy)', exact: true }).isChecked(),
    ).toBe(true);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });
});
