import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { bulkBar } from './pages/bulk-bar';

// Actions on a selection (`profiles:selection-action`) in Chromium, through the harness, against a real NetworkManager: two profiles
// checked in the list and deleted after confirming are gone from the page and from NetworkManager.

let w: World;
const uuids: Record<string, string> = {};

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      for (const id of ['tb-bulk-a', 'tb-bulk-b', 'tb-bulk-keep']) {
        uuids[id] = (await sb.addOpenvpnProfile('password', { id })).uuid;
      }
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

describe('actions on a selection through the harness', () => {
  it('deletes two checked profiles after asking', async () => {
    const { page, sb } = w;
    await bulkBar(page).select('tb-bulk-a');
    await bulkBar(page).select('tb-bulk-b');
    const bar = bulkBar(page).region;
    await bar.getByText('2 selected', { exact: true }).waitFor();
    await screenshot(page, 'bulk-bar');

    await bar.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete 2 profiles?', exact: true });
    await screenshot(page, 'bulk-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

    await bar.getByText('Deleted 2 profiles', { exact: true }).waitFor();
    await profileList(page).switchOf('tb-bulk-a').waitFor({ state: 'detached' });
    await profileList(page).switchOf('tb-bulk-b').waitFor({ state: 'detached' });
    await profileList(page).switchOf('tb-bulk-keep').waitFor();
    await screenshot(page, 'bulk-result');

    const listed = await sb.nmcli(['-t', '-f', 'UUID', 'connection', 'show']);
    expect(listed).not.toContain(uuids['tb-bulk-a']);
    expect(listed).not.toContain(uuids['tb-bulk-b']);
    expect(listed).toContain(uuids['tb-bulk-keep']);
    expect(w.pageErrors).toEqual([]);
  });
});
