import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deactivate, findProfile } from '../../main/nm/actions';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { passwordPrompt } from './pages/password-prompt';
import { VPN_TIMEOUT_MS } from './support/timeouts';

// The desktop app's own decisions, run by the same app core as the Electron shell, through the
// harness: the tray (its /tray page) connects and disconnects, a prompt gets its window and
// leaves every window once answered or withdrawn, last use follows every connect at once, and
// notifications say what happened. Against a real NetworkManager and OpenVPN servers.

let w: World;
let tray: Page;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      await sb.addOpenvpnProfile('password');
      await sb.addOpenvpnProfile('cert');
    },
  });
  tray = await w.context.newPage();
  await tray.setViewportSize({ width: 480, height: 640 });
  await tray.goto(w.harness.trayUrl);
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name, 6000);
});

const icon = (): ReturnType<Page['getByRole']> => tray.getByRole('button', { name: /^Tray icon/ });
const menuEntry = (name: string): ReturnType<Page['getByRole']> =>
  tray.getByRole('menuitemcheckbox', { name: new RegExp(`^${name}( —|$)`) });

async function iconState(): Promise<string | null> {
  return icon().getAttribute('data-state');
}

/**
 * The window the app core asked for after `count` requests, opened as Electron would: by a script
 * (window.open), so that the app core can close it again.
 */
async function openWindowAsked(count: number): Promise<Page> {
  await expect
    .poll(() => w.harness.desktop.windowRequests.length, { timeout: VPN_TIMEOUT_MS })
    .toBeGreaterThan(count);
  const route = w.harness.desktop.windowRequests[count];
  expect(route?.kind).toBe('prompt');
  const url = w.harness.pageUrl(route ?? { kind: 'editor' });
  const [small] = await Promise.all([
    w.context.waitForEvent('page'),
    // A string: the test's own types have no DOM.
    tray.evaluate(
      `void window.open(${JSON.stringify(url)}, '_blank', 'popup,width=440,height=420')`,
    ),
  ]);
  return small;
}

function notificationTitles(): string[] {
  return w.harness.desktop.notifications.map((n) => n.title);
}

describe('the tray, as the app core draws it', () => {
  it('shows the idle icon and a menu of the profiles', async () => {
    await expect.poll(iconState).toBe('disconnected');
    expect(await icon().getAttribute('title')).toBe('Tunnelbar: no VPN connected');
    await menuEntry('tb-password').waitFor();
    await menuEntry('tb-cert').waitFor();
    await tray.getByRole('menuitem', { name: 'Connection editor…' }).waitFor();
    await screenshot(tray, 'tray-idle');
  });

  it('connects from its menu: a prompt window opens, and the icon goes connecting → connected', async () => {
    const { sb } = w;
    const before = w.harness.desktop.trayIcons.length;
    const asked = w.harness.desktop.windowRequests.length;
    await menuEntry('tb-password').click();
    const small = await openWindowAsked(asked);
    await passwordPrompt(small, 'tb-password').dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
    expect(await iconState()).toBe('connecting');
    await screenshot(tray, 'tray-connecting');

    // A main window opened while the request waits shows it too...
    const late = await w.context.newPage();
    await late.goto(w.harness.url);
    await passwordPrompt(late, 'tb-password').dialog.waitFor({ timeout: 10_000 });

    // ...and drops it once it is answered in its own window, which the app core closes.
    const closed = small.waitForEvent('close', { timeout: 10_000 });
    await passwordPrompt(small, 'tb-password').answer(sb.credentials.password);
    await closed;
    await passwordPrompt(late, 'tb-password').dialog.waitFor({
      state: 'detached',
      timeout: 10_000,
    });
    await profileList(late).connectedAddress('tb-password');
    await expect.poll(iconState, { timeout: VPN_TIMEOUT_MS }).toBe('connected');
    expect(w.harness.desktop.trayIcons.slice(before)).toEqual(['connecting', 'connected']);
    expect(await menuEntry('tb-password').getAttribute('aria-checked')).toBe('true');
    await expect.poll(notificationTitles).toContain('VPN “tb-password” connected');
    await screenshot(tray, 'tray-connected');
    await late.close();
  });

  it('disconnects from its menu, without a notification: the person asked', async () => {
    const count = w.harness.desktop.notifications.length;
    await menuEntry('tb-password').click();
    await expect.poll(iconState, { timeout: VPN_TIMEOUT_MS }).toBe('disconnected');
    expect(w.harness.desktop.trayIcons.at(-1)).toBe('disconnected');
    expect(await menuEntry('tb-password').getAttribute('aria-checked')).toBe('false');
    expect(w.harness.desktop.notifications.slice(count)).toEqual([]);
  });

  it('a connect from the window is the last used at once: first in the menu, and the icon’s click', async () => {
    const { page } = w;
    expect(w.harness.desktop.tray?.menu[0]).toMatchObject({ uuid: uuidOf('tb-password') });
    await profileList(page).switchOf('tb-cert').click();
    // Recorded before NetworkManager even answers: the menu's order follows at once.
    await expect
      .poll(() => w.harness.desktop.tray?.menu[0], { timeout: 2_000 })
      .toMatchObject({ uuid: uuidOf('tb-cert') });
    await profileList(page).connectedAddress('tb-cert');
    await profileList(page).switchOf('tb-cert').click();
    await profileList(page).expectSwitch('tb-cert', false);
    await expect.poll(iconState, { timeout: VPN_TIMEOUT_MS }).toBe('disconnected');

    // A click on the icon connects the last used (no prompt: a certificate profile)...
    await icon().click();
    await profileList(page).connectedAddress('tb-cert');
    await expect.poll(iconState, { timeout: VPN_TIMEOUT_MS }).toBe('connected');
    expect(await icon().getAttribute('title')).toBe('Tunnelbar: tb-cert connected');
    // ...and a second click disconnects it.
    await icon().click();
    await profileList(page).expectSwitch('tb-cert', false);
    await expect.poll(iconState, { timeout: VPN_TIMEOUT_MS }).toBe('disconnected');
  });

  it('a request withdrawn by NetworkManager leaves every window', async () => {
    const asked = w.harness.desktop.windowRequests.length;
    await menuEntry('tb-password').click();
    const small = await openWindowAsked(asked);
    await passwordPrompt(small, 'tb-password').dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
    await passwordPrompt(w.page, 'tb-password').dialog.waitFor({ timeout: 10_000 });
    const closed = small.waitForEvent('close', { timeout: VPN_TIMEOUT_MS });
    // Another client stops the attempt: NetworkManager cancels its request for secrets.
    const profile = findProfile(w.harness.core.model, 'tb-password');
    await deactivate(w.harness.core.bus, w.harness.core.model, profile);
    await closed;
    await passwordPrompt(w.page, 'tb-password').dialog.waitFor({
      state: 'detached',
      timeout: 10_000,
    });
    await expect.poll(iconState, { timeout: VPN_TIMEOUT_MS }).toBe('disconnected');
  });

  it('"Connection editor…" brings the open window forward rather than opening another', async () => {
    const asked = w.harness.desktop.windowRequests.length;
    const shown = w.harness.desktop.shown.length;
    await tray.getByRole('menuitem', { name: 'Connection editor…' }).click();
    await expect.poll(() => w.harness.desktop.shown.length).toBe(shown + 1);
    expect(w.harness.desktop.windowRequests.length).toBe(asked);
    // The plain editor route leaves the page where it is (no search forced on it).
    expect(await w.page.evaluate('location.hash')).toBe('');
    expect(w.pageErrors).toEqual([]);
  });
});

function uuidOf(name: string): string {
  return findProfile(w.harness.core.model, name).uuid;
}
