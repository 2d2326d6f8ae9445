// Forced colours (high contrast), as Chromium renders them: the page under
// emulateMedia({ forcedColors: 'active' }), light and dark, checked on what is drawn (computed
// styles against the system colours themselves) and saved as screenshots in test-artifacts/e2e.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { styleOf, systemColor } from './support/forced-colors';
import { focusRow } from './support/keyboard';
import { startWorld, type World } from './support/world';
import { editorView } from './pages/editor';
import { profileList } from './pages/profile-list';
import { passwordPrompt } from './pages/password-prompt';
import { VPN_TIMEOUT_MS } from './support/timeouts';

const PROFILES = ['tb-hc-home', 'tb-hc-work'];

/** `rgb(1, 2, 3)` and `rgba(1, 2, 3, 0)` alike as `1, 2, 3`. */
function channels(color: string): string {
  return /\d+, \d+, \d+/.exec(color)?.[0] ?? color;
}
let w: World;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      for (const id of PROFILES) await sb.addOpenvpnProfile('password', { id });
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`forced colours (${scheme})`, () => {
    it('draws the list, the focus ring, the selected row, the editor and the prompt in system colours', async () => {
      const { page } = w;
      const name = PROFILES[0] ?? '';
      await page.emulateMedia({ colorScheme: scheme, forcedColors: 'active' });
      try {
        const canvas = await systemColor(page, 'Canvas');
        const canvasText = await systemColor(page, 'CanvasText');
        const highlight = await systemColor(page, 'Highlight');
        const buttonText = await systemColor(page, 'ButtonText');
        // Sanity: the two ends of the palette differ, or nothing below would mean anything.
        expect(canvas).not.toBe(canvasText);
        await profileList(page).switchOf(name).waitFor();
        // The page's text is the system's text colour; its background is the system's Canvas
        // (Chromium keeps a transparent background transparent, in Canvas's own channels).
        const body = await styleOf(page.locator('body'), ['backgroundColor', 'color']);
        expect(body.color).toBe(canvasText);
        expect(channels(body.backgroundColor)).toBe(channels(canvas));

        // Keyboard focus on a row's switch: a solid ring in Highlight, and the row it selects
        // marked in Highlight too (its tinted background is gone under forced colours).
        await focusRow(page, name);
        const sw = profileList(page).switchOf(name);
        expect(await styleOf(sw, ['outlineStyle', 'outlineWidth', 'outlineColor'])).toEqual({
          outlineStyle: 'solid',
          outlineWidth: '2px',
          outlineColor: highlight,
        });
        const row = page.locator('.row.selected');
        expect(await row.getByRole('switch').getAttribute('aria-label')).toBe(name);
        expect(await styleOf(row, ['outlineStyle', 'outlineColor'])).toEqual({
          outlineStyle: 'solid',
          outlineColor: highlight,
        });
        // The switch is drawn with a border and a knob in the button text colour.
        expect(await styleOf(sw, ['borderTopStyle', 'borderTopColor'])).toEqual({
          borderTopStyle: 'solid',
          borderTopColor: buttonText,
        });
        expect((await styleOf(sw.locator('.knob'), ['backgroundColor'])).backgroundColor).toBe(
          buttonText,
        );
        await screenshot(page, `forced-${scheme}-list`);

        await page.getByRole('button', { name: 'Edit', exact: true }).click();
        await editorView(page).region(name).waitFor();
        const selected = page.getByRole('tab', { selected: true });
        const other = page.getByRole('tab', { selected: false }).first();
        expect((await styleOf(selected, ['borderBottomColor'])).borderBottomColor).toBe(highlight);
        expect((await styleOf(other, ['borderBottomColor'])).borderBottomColor).not.toBe(highlight);
        await screenshot(page, `forced-${scheme}-editor`);
        await page.getByRole('button', { name: 'Cancel', exact: true }).click();

        await sw.click();
        const dialog = passwordPrompt(page, name).dialog;
        await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
        const field = dialog.getByLabel('Password', { exact: true });
        const box = await styleOf(field, ['borderTopStyle', 'borderTopWidth', 'outlineColor']);
        expect(box.borderTopStyle).toBe('solid');
        expect(box.borderTopWidth).not.toBe('0px');
        await screenshot(page, `forced-${scheme}-prompt`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      } finally {
        await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
      }
    });
  });
}
