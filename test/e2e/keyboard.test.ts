// Keyboard only, in Chromium through the harness, against a real NetworkManager: connect with the
// password prompt, edit and save a profile, import a folder, bulk-delete, with Tab, Enter, Space
// and Escape and never a click; each dialog takes focus and gives it back where it was when it
// closes. axe runs on the prompt and on the import report, light and dark.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { axeViolations } from './support/axe';
import { focused, focusRow, hasFocus, holdsFocus, tabTo } from './support/keyboard';
import { startWorld, type World } from './support/world';
import { editorView, field } from './pages/editor';
import { profileList } from './pages/profile-list';
import { passwordPrompt } from './pages/password-prompt';
import { VPN_TIMEOUT_MS } from './support/timeouts';
import { readSettings } from './support/read-settings';
import { plainSettings } from '../support/plain-settings';
import { importDialog } from './pages/import-dialog';
import { bulkBar } from './pages/bulk-bar';

let w: World;
let work = '';
const uuids: Record<string, string> = {};

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      for (const id of ['tb-kbd-connect', 'tb-kbd-edit', 'tb-kbd-del-a', 'tb-kbd-del-b']) {
        uuids[id] = (await sb.addOpenvpnProfile('password', { id })).uuid;
      }
    },
  });
  work = mkdtempSync(join(tmpdir(), 'tunnelbar-e2e-kbd-'));
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

/** axe's serious and critical violations in light, then in dark, with a screenshot of each. */
async function axeBothSchemes(page: Page, name: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    found[`${name} ${scheme}`] = await axeViolations(page);
    await screenshot(page, `a11y-${scheme}-${name}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function expectFocusOn(page: Page, target: Parameters<typeof hasFocus>[0]): Promise<void> {
  await expect.poll(() => hasFocus(target), { message: 'focus' }).toBe(true);
  expect(await hasFocus(target), await focused(page)).toBe(true);
}

describe('keyboard only', () => {
  it('connects with the password prompt, and focus goes back to the switch', async () => {
    const { page, sb } = w;
    const name = 'tb-kbd-connect';
    await profileList(page).switchOf(name).waitFor();
    await focusRow(page, name);
    await page.keyboard.press('Space');
    const dialog = passwordPrompt(page, name).dialog;
    await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
    // Focus is in the dialog, on the field to type into.
    await expectFocusOn(page, dialog.getByLabel('Password', { exact: true }));
    expect(await axeBothSchemes(page, 'prompt')).toEqual({ 'prompt light': [], 'prompt dark': [] });

    await page.keyboard.type(sb.credentials.password);
    await page.keyboard.press('Enter');
    expect(await profileList(page).connectedAddress(name)).toMatch(/^10\./);
    await expectFocusOn(page, profileList(page).switchOf(name));

    await page.keyboard.press('Space');
    await profileList(page).expectSwitch(name, false);
  });

  it('Escape cancels the prompt, and focus goes back to the switch', async () => {
    const { page } = w;
    const name = 'tb-kbd-connect';
    await focusRow(page, name);
    await page.keyboard.press('Space');
    const dialog = passwordPrompt(page, name).dialog;
    await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await profileList(page).expectSwitch(name, false);
    await expectFocusOn(page, profileList(page).switchOf(name));
  });

  it('opens the editor, changes the user name and saves it', async () => {
    const { page } = w;
    const name = 'tb-kbd-edit';
    // Focus on a row's switch selects that row.
    await focusRow(page, name);
    const edit = page.getByRole('button', { name: 'Edit', exact: true });
    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    const editor = editorView(page).region(name);
    await editor.waitFor();
    await tabTo(page, page.getByRole('tab', { name: 'OpenVPN', exact: true }));
    await page.keyboard.press('Enter');
    const userName = field(editor, 'User name');
    await tabTo(page, userName);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('kbd-user');
    await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await edit.waitFor();
    await expect
      .poll(async () => plainSettings(await readSettings(w, name)).vpn?.data)
      .toMatchObject({ value: { username: 'kbd-user' } });
  });

  it('imports a folder and closes the report with Escape; focus goes back to Import folder…', async () => {
    const { page } = w;
    const dir = join(work, 'tb-kbd-provider');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'tb-kbd-imported.ovpn'),
      'client\ndev tun\nproto udp\nremote kbd.provider.example 1194\nauth-user-pass\nca ca.crt\n',
    );
    writeFileSync(join(dir, 'ca.crt'), readFileSync(w.sb.pki.ca));
    const button = page.getByRole('button', { name: 'Import folder…', exact: true });
    await tabTo(page, button);
    // The system's folder chooser is not the page's: the test answers it as a person would.
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(dir);

    const importing = importDialog(page);
    const dialog = importing.dialog;
    expect(await importing.summary()).toBe('1 added, 0 already there, 0 failed');
    expect(await holdsFocus(dialog)).toBe(true);
    expect(await axeBothSchemes(page, 'import-report')).toEqual({
      'import-report light': [],
      'import-report dark': [],
    });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(page, button);
    await profileList(page).switchOf('tb-kbd-imported').waitFor();
    expect(await w.sb.nmcli(['-g', 'NAME', 'connection', 'show'])).toContain('tb-kbd-imported');
  });

  it('checks two profiles and deletes them; Escape in the question gives focus back to Delete', async () => {
    const { page, sb } = w;
    for (const name of ['tb-kbd-del-a', 'tb-kbd-del-b']) {
      // A row's checkbox comes just before its switch.
      await focusRow(page, name);
      await page.keyboard.press('Shift+Tab');
      await expectFocusOn(
        page,
        page.getByRole('checkbox', { name: `Select ${name}`, exact: true }),
      );
      await page.keyboard.press('Space');
    }
    const bar = bulkBar(page).region;
    await bar.getByText('2 selected', { exact: true }).waitFor();
    const del = bar.getByRole('button', { name: 'Delete', exact: true });
    await tabTo(page, del);
    await page.keyboard.press('Enter');
    const question = page.getByRole('alertdialog', { name: 'Delete 2 profiles?', exact: true });
    await question.waitFor();
    // The safe answer has focus; Escape takes the question back, and focus with it.
    await expectFocusOn(page, question.getByRole('button', { name: 'Cancel', exact: true }));
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await expectFocusOn(page, del);

    await page.keyboard.press('Enter');
    await question.waitFor();
    await tabTo(page, question.getByRole('button', { name: 'Delete', exact: true }));
    await page.keyboard.press('Enter');
    await bar.getByText('Deleted 2 profiles', { exact: true }).waitFor();
    await profileList(page).switchOf('tb-kbd-del-a').waitFor({ state: 'detached' });
    await profileList(page).switchOf('tb-kbd-del-b').waitFor({ state: 'detached' });
    // The deleted rows and the question are gone: focus is on what is left of the bar, not lost.
    await expectFocusOn(page, bar.getByRole('button', { name: 'Dismiss', exact: true }));
    const listed = await sb.nmcli(['-t', '-f', 'UUID', 'connection', 'show']);
    expect(listed).not.toContain(uuids['tb-kbd-del-a']);
    expect(listed).not.toContain(uuids['tb-kbd-del-b']);
    expect(listed).toContain(uuids['tb-kbd-edit']);
    expect(w.pageErrors).toEqual([]);
  });
});
