import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../../main/harness/harness';
import type { EventPayloads } from '../../preload/contract';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { passwordPrompt } from './pages/password-prompt';
import { VPN_TIMEOUT_MS } from './support/timeouts';

// "Save password" in the page, with a real gnome-keyring behind the harness: what is saved is in
// the keyring (where nm-applet would find it), used next time, and gone from the page.

let w: World;
let uuid = '';
const prompts: EventPayloads['prompt:open'][] = [];

beforeAll(async () => {
  w = await startWorld({
    keyring: true,
    prepare: async (sb) => {
      uuid = (await sb.addOpenvpnProfile('password')).uuid;
    },
  });
  w.harness.contract.subscribe((name, payload) => {
    if (name === 'prompt:open') prompts.push(payload as EventPayloads['prompt:open']);
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name, 6000);
});

/** Everything of the page a secret could hide in: its markup and every input's current value. */
async function pageText(page: World['page']): Promise<string> {
  const values: string[] = [];
  for (const input of await page.locator('input').all()) values.push(await input.inputValue());
  return `${await page.content()}\n${values.join('\n')}`;
}

describe('saving a password from the page', () => {
  it('saves it in the keyring when ticked, leaves it nowhere in the page, and asks nothing next time', async () => {
    const { page, sb } = w;
    const keyring = w.keyring;
    if (keyring === null) throw new Error('the world has no keyring');
    await profileList(page).switchOf('tb-password').click();
    const dialog = passwordPrompt(page, 'tb-password').dialog;
    await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
    await dialog.getByRole('checkbox', { name: 'Save password' }).check();
    await screenshot(page, 'prompt-save');
    await passwordPrompt(page, 'tb-password').answer(sb.credentials.password);
    await profileList(page).connectedAddress('tb-password');
    await expect.poll(() => passwordPrompt(page, 'tb-password').dialog.count()).toBe(0);
    expect(await pageText(page)).not.toContain(sb.credentials.password);
    await expect
      .poll(() => keyring.lookup(uuid, 'password'), { timeout: 10_000 })
      .toBe(sb.credentials.password);

    await profileList(page).switchOf('tb-password').click();
    await profileList(page).expectSwitch('tb-password', false);
    const asked = prompts.length;
    await profileList(page).switchOf('tb-password').click();
    await profileList(page).connectedAddress('tb-password');
    expect(prompts.length).toBe(asked);
    await profileList(page).switchOf('tb-password').click();
    await profileList(page).expectSwitch('tb-password', false);
    expect(w.pageErrors).toEqual([]);
  });

  it('offers no "Save password" when the harness has no keyring', async () => {
    await w.harness.close();
    const bare = await startHarness({
      busAddress: w.sb.busAddress,
      port: 0,
      logFile: w.sb.logFile,
      sessionBusAddress: null,
    });
    const page = await w.context.newPage();
    try {
      await page.goto(bare.url);
      await profileList(page).switchOf('tb-password').click();
      const dialog = passwordPrompt(page, 'tb-password').dialog;
      await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
      expect(await dialog.getByRole('checkbox').count()).toBe(0);
      await passwordPrompt(page, 'tb-password').answer(w.sb.credentials.password);
      await profileList(page).connectedAddress('tb-password');
      await profileList(page).switchOf('tb-password').click();
      await profileList(page).expectSwitch('tb-password', false);
    } finally {
      await page.close();
      await bare.close();
    }
  });
});
