import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { switchOf } from './page-helpers';
import { startWorld, type World } from './support/world';

// Bulk actions in Chromium, through the harness, against a real NetworkManager: two profiles
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

describe('bulk actions through the harness', () => {
  it('deletes two checked profiles after asking', async () => {
    const { page, sb } = w;
    await page.getByRole('checkbox', { name: 'Select tb-bulk-a', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Select tb-bulk-b', exact: true }).check();
    const bar = page.getByRole('region', { name: 'Selected profiles', exact: true });
    await bar.getByText('2 selected', { exact: true }).waitFor();
    await screenshot(page, 'bulk-bar');

    await bar.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete 2 profiles?', exact: true });
    await screenshot(page, 'bulk-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

    await bar.getByText('Deleted 2 profiles', { exact: true }).waitFor();
    await switchOf(page, 'tb-bulk-a').waitFor({ state: 'detached' });
    await switchOf(page, 'tb-bulk-b').waitFor({ state: 'detached' });
    await switchOf(page, 'tb-bulk-keep').waitFor();
    await screenshot(page, 'bulk-result');

    const listed = await sb.nmcli(['-t', '-f', 'UUID', 'connection', 'show']);
    expect(listed).not.toContain(uuids['tb-bulk-a']);
    expect(listed).not.toContain(uuids['tb-bulk-b']);
    expect(listed).toContain(uuids['tb-bulk-keep']);
    expect(w.pageErrors).toEqual([]);
  });
});
