import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../support/run-cli';
import type { Daemon } from '../sandbox/infra/daemon';
import { run } from '../sandbox/infra/exec';
import { probeTestHost, startTestHost } from '../sandbox/infra/test-host';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { VPN_TIMEOUT_MS } from './support/timeouts';
import { privacyView } from './pages/privacy';

// Lockdown and DNS in the app, through the harness against a NetworkManager that computes its
// DNS (dns=default, private resolv.conf): the window's switch and the tray's item turn lockdown
// on and off for real (a test host outside the tunnel stops and starts answering), the tray icon
// shows "blocked", a change made by the CLI reaches both, and the status panel's DNS section
// shows the leak of the sandbox's full-tunnel VPN, which its button fixes.

const LOCKDOWN = 'Lockdown (block traffic without VPN)';
const ALLOW_LAN = 'Allow the local network';
const baseResolver = '10.99.0.53';

let w: World;
let tray: Page;
let host: Daemon;

beforeAll(async () => {
  w = await startWorld({
    sandbox: { dns: true },
    prepare: async (sb) => {
      await sb.nmcli(['connection', 'modify', sb.names.baseProfile, 'ipv4.dns', baseResolver]);
      await sb.nmcli(['device', 'reapply', sb.names.nmVeth]);
      await sb.addOpenvpnProfile('cert');
      // Its server cannot be resolved: it cannot connect under lockdown, and the app says so.
      await sb.addOpenvpnProfile('cert', {
        id: 'tb-nowhere',
        extraData: { remote: 'nowhere.invalid:1194:udp' },
      });
    },
  });
  host = await startTestHost(w.sb.names, w.sb.logFile);
  tray = await w.context.newPage();
  await tray.setViewportSize({ width: 480, height: 640 });
  await tray.goto(w.harness.trayUrl);
});

afterAll(async () => {
  await (host as Daemon | undefined)?.stop();
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name, 6000);
});

const lockdownSwitch = () => profileList(w.page).switchOf(LOCKDOWN);
const trayItem = () => tray.getByRole('menuitemcheckbox', { name: LOCKDOWN });

async function expectIcon(state: string): Promise<void> {
  await expect
    .poll(() => tray.getByRole('button', { name: /^Tray icon/ }).getAttribute('data-state'), {
      timeout: VPN_TIMEOUT_MS,
    })
    .toBe(state);
}

async function expectLockdown(on: boolean): Promise<void> {
  await expect.poll(() => lockdownSwitch().isChecked(), { timeout: VPN_TIMEOUT_MS }).toBe(on);
  await expect
    .poll(() => trayItem().getAttribute('aria-checked'), { timeout: VPN_TIMEOUT_MS })
    .toBe(String(on));
}

describe('lockdown in the app', () => {
  it('starts off: the test host answers, the tray is idle', async () => {
    await expectLockdown(false);
    await expectIcon('disconnected');
    expect(await probeTestHost(w.sb.names)).toMatchObject({ ok: true });
  });

  it('the window’s switch turns it on: blocked, and it names the profile that cannot connect', async () => {
    await lockdownSwitch().click();
    await expectLockdown(true);
    await expectIcon('blocked');
    const notice = privacyView(w.page).lockdownNotice(LOCKDOWN);
    await notice.getByText(/no traffic leaves this computer/).waitFor();
    await notice.getByText(/^tb-nowhere \(nowhere\.invalid\):/).waitFor();
    expect(await notice.getByText(/^tb-cert/).count()).toBe(0);
    expect(await probeTestHost(w.sb.names)).toMatchObject({ ok: false });
    await screenshot(w.page, 'lockdown-on-window');
    await screenshot(tray, 'tray-blocked');
  });

  it('the tray’s item turns it off: the host answers again', async () => {
    await trayItem().click();
    await expectLockdown(false);
    await expectIcon('disconnected');
    expect(await probeTestHost(w.sb.names)).toMatchObject({ ok: true });
  });

  it('the tray’s item turns it on, and a CLI `lockdown off` reaches the window and the tray', async () => {
    await trayItem().click();
    await expectLockdown(true);
    await expectIcon('blocked');
    expect(await probeTestHost(w.sb.names)).toMatchObject({ ok: false });
    await expect
      .poll(() => w.harness.desktop.notifications.map((n) => n.title), { timeout: 5_000 })
      .toContain('Lockdown is on');
    const said = w.harness.desktop.notifications.find((n) => n.title === 'Lockdown is on');
    expect(said?.body).toMatch(/the local network is blocked too/);
    // The tray gives no choice: the default, the local network blocked too.
    const status = await runCli(['lockdown', 'status', '--json'], w.sb.env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ on: true, lan: 'block' });
    const off = await runCli(['lockdown', 'off'], w.sb.env);
    expect(off.code, off.stderr).toBe(0);
    await expectLockdown(false);
    await expectIcon('disconnected');
    expect(await probeTestHost(w.sb.names)).toMatchObject({ ok: true });
  });
});

describe('lockdown’s local network choice in the app', () => {
  const trayLan = () => tray.getByRole('menuitemcheckbox', { name: ALLOW_LAN });
  const windowLan = () => w.page.getByRole('checkbox', { name: ALLOW_LAN, exact: true });
  /** The base link's subnet blocked in NetworkManager's namespace (lockdown's metric 59). */
  const subnetBlocked = async (): Promise<boolean> =>
    /^unreachable 10\.99\.0\.0\/24 .*metric 59/m.test(
      await run('ip', ['-n', w.sb.names.nmNetns, '-4', 'route', 'show']),
    );
  const expectTrayLan = (allowed: boolean): Promise<void> =>
    expect
      .poll(() => trayLan().getAttribute('aria-checked'), { timeout: VPN_TIMEOUT_MS })
      .toBe(String(allowed));

  it('blocked at first; the tray’s item allows it, the window’s blocks it again: the routes follow each', async () => {
    expect(await trayLan().count()).toBe(0); // only while lockdown is on
    expect(await windowLan().isChecked()).toBe(false);
    await lockdownSwitch().click();
    await expectLockdown(true);
    await expectTrayLan(false);
    expect(await windowLan().isChecked()).toBe(false);
    await expect.poll(subnetBlocked, { timeout: VPN_TIMEOUT_MS }).toBe(true);
    await trayLan().click();
    await expectTrayLan(true);
    await expect.poll(() => windowLan().isChecked(), { timeout: VPN_TIMEOUT_MS }).toBe(true);
    await expect.poll(subnetBlocked, { timeout: VPN_TIMEOUT_MS }).toBe(false);
    const status = await runCli(['lockdown', 'status', '--json'], w.sb.env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ on: true, lan: 'allow' });
    await windowLan().click();
    await expectTrayLan(false);
    await expect.poll(subnetBlocked, { timeout: VPN_TIMEOUT_MS }).toBe(true);
    await lockdownSwitch().click();
    await expectLockdown(false);
    expect(await trayLan().count()).toBe(0);
    expect(await probeTestHost(w.sb.names)).toMatchObject({ ok: true });
  });
});

describe('DNS in the status panel', () => {
  const section = () => privacyView(w.page).dnsSection();

  it('shows the base link’s resolver and no leak without a VPN', async () => {
    await section().getByRole('cell', { name: baseResolver }).waitFor();
    expect(await section().getByRole('alert').count()).toBe(0);
  });

  it('shows the leak once the full-tunnel VPN is up, and the fix removes it', async () => {
    await profileList(w.page).switchOf('tb-cert').click();
    await profileList(w.page).expectSwitch('tb-cert', true);
    const leak = section().getByRole('alert');
    await leak.waitFor({ timeout: VPN_TIMEOUT_MS });
    expect(await leak.textContent()).toContain('“tb-cert” carries all your traffic');
    await screenshot(w.page, 'dns-leak');
    await leak.getByRole('button', { name: 'Send all DNS through “tb-cert”' }).click();
    await expect.poll(() => leak.count(), { timeout: VPN_TIMEOUT_MS }).toBe(0);
    await profileList(w.page).expectSwitch('tb-cert', true);
    // NetworkManager still lists the base link, but it no longer gets other names.
    const baseRow = section().getByRole('row').filter({ hasText: baseResolver });
    await expect.poll(() => baseRow.textContent(), { timeout: VPN_TIMEOUT_MS }).toMatch(/no$/);
    await section().getByRole('cell', { name: '10.21.0.53' }).waitFor();
  });
});
