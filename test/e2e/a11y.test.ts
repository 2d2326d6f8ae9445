import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { axeViolations, untranslatedTexts } from './support/axe';
import { startWorld, type World, type WorldOptions } from './support/world';
import { profileList } from './pages/profile-list';
import { bulkBar } from './pages/bulk-bar';

// axe-core in Chromium on the harness's views, light and dark, and the pseudo-locale: every
// text through the catalogue (nothing left in plain English) and screenshots of the longer text.

const PROFILES = ['tb-a11y-work', 'tb-a11y-home'];

/** A world with two OpenVPN profiles for the enclosing describe; `w()` is it once started. */
function worldWith(opts: WorldOptions): () => World {
  let w: World | undefined;
  beforeAll(async () => {
    w = await startWorld({
      ...opts,
      prepare: async (sb) => {
        for (const id of PROFILES) await sb.addOpenvpnProfile('password', { id });
      },
    });
  });
  afterAll(async () => {
    await w?.stop();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && w !== undefined) await reportFailure(w, ctx.task.name);
  });
  return () => {
    if (w === undefined) throw new Error('the world did not start');
    return w;
  };
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`axe on every view (${scheme})`, () => {
    const world = worldWith({ colorScheme: scheme });

    it('the list, the status, the bulk bar, each editor page, the import and export dialogs', async () => {
      const { page } = world();
      const found: Record<string, string[]> = {};
      await profileList(page)
        .switchOf(PROFILES[0] ?? '')
        .waitFor();
      found.list = await axeViolations(page);
      await page
        .getByRole('listitem')
        .filter({ hasText: PROFILES[0] ?? '' })
        .click();
      found.status = await axeViolations(page);
      await page
        .getByRole('checkbox', { name: `Select ${PROFILES[1] ?? ''}`, exact: true })
        .check();
      await bulkBar(page).region.waitFor();
      found.bulk = await axeViolations(page);
      await page.getByRole('button', { name: 'Clear selection', exact: true }).click();

      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByRole('heading', { name: `Edit ${PROFILES[0] ?? ''}` }).waitFor();
      const tabs = page.getByRole('tab');
      for (let i = 0; i < (await tabs.count()); i++) {
        const tab = tabs.nth(i);
        const name = (await tab.textContent()) ?? String(i);
        await tab.click();
        found[`editor ${name}`] = await axeViolations(page);
        if (i === 0) await screenshot(page, `a11y-${scheme}-editor`);
      }
      await page.getByRole('button', { name: 'Cancel', exact: true }).click();

      await page.getByRole('button', { name: 'Export…', exact: true }).click();
      found.export = await axeViolations(page);
      await screenshot(page, `a11y-${scheme}-list`);

      const wanted = Object.fromEntries(Object.keys(found).map((k) => [k, []]));
      expect(found).toEqual(wanted);
    });
  });
}

describe('the pseudo-locale (en-XA)', () => {
  const world = worldWith({ locale: 'en-XA' });

  it('shows no text that skipped the catalogue, in the list and the editor', async () => {
    const { page } = world();
    await profileList(page)
      .switchOf(PROFILES[0] ?? '')
      .waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en-XA');
    await page
      .getByRole('listitem')
      .filter({ hasText: PROFILES[0] ?? '' })
      .click();
    const data = [...PROFILES, 'OpenVPN', 'vpn.example.com', 'example'];
    await screenshot(page, 'pseudo-list');
    expect(await untranslatedTexts(page, data)).toEqual([]);
    await page
      .getByRole('tab')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.locator('.profile-actions button').nth(1).click();
    await page.getByRole('tab').first().waitFor();
    await screenshot(page, 'pseudo-editor');
    expect(await untranslatedTexts(page, data)).toEqual([]);
  });

  it('shows no text that skipped the catalogue in the password prompt and on the tray page', async () => {
    const w = world();
    const { page } = w;
    const name = PROFILES[1] ?? '';
    const data = [...PROFILES, 'OpenVPN', 'vpn.example.com', 'example'];
    // The editor of the test before is open: start from the list again.
    await page.goto(w.harness.url);
    await profileList(page).switchOf(name).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: 45_000 });
    await screenshot(page, 'pseudo-prompt');
    expect(await untranslatedTexts(page, data)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const tray = await w.context.newPage();
    try {
      await tray.goto(w.harness.trayUrl);
      await tray.locator('#tray-menu [role^="menuitem"]').first().waitFor();
      expect(await tray.getAttribute('html', 'lang')).toBe('en-XA');
      await screenshot(tray, 'pseudo-tray');
      // "Tunnelbar" is the app's name, which no language translates.
      expect(await untranslatedTexts(tray, [...data, 'Tunnelbar'])).toEqual([]);
    } finally {
      await tray.close();
    }
  });
});
