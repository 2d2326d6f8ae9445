import type { Locator } from 'playwright-core';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../preload/contract';
import { TotpCodes } from '../support/one-time-code';
import { startOcserv, TWO_FACTOR_OCSERV, type OcservServer } from '../sandbox/infra/ocserv-server';
import { addOpenConnectArgs } from '../sandbox/infra/profiles';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { passwordPrompt } from './pages/password-prompt';
import { VPN_TIMEOUT_MS } from './support/timeouts';

// An OpenConnect login in Chromium through the harness, against a real ocserv and
// NetworkManager-openconnect: each step the server asks for is its own prompt in the window, and
// the tunnel's address comes from ocserv's pool.

const PROFILE = 'tb-oc-e2e';
/** A second server: group choice, password, then ocserv's one-time code. */
const TWO_FACTOR = 'tb-oc2-e2e';
let w: World;
let oc: OcservServer | undefined;
let twoFactor: OcservServer | undefined;
const prompts: EventPayloads['prompt:open'][] = [];
const previousProgram = process.env.TUNNELBAR_OPENCONNECT;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      oc = await startOcserv(sb);
      // The harness's agent runs in this process; the login must reach the server as NM does.
      const wrapper = join(sb.dir, 'openconnect-in-nm-namespace');
      writeFileSync(
        wrapper,
        `#!/bin/sh\nexec ip netns exec ${sb.names.nmNetns} openconnect "$@"\n`,
      );
      chmodSync(wrapper, 0o755);
      process.env.TUNNELBAR_OPENCONNECT = wrapper;
      // Flags 2 (not saved), as the plugin's editor writes them: NetworkManager asks each time.
      const flags = { 'cookie-flags': '2', 'gateway-flags': '2', 'gwcert-flags': '2' };
      await sb.nmcli(addOpenConnectArgs(PROFILE, { gateway: oc.gateway, ...flags }));
      twoFactor = await startOcserv(sb, TWO_FACTOR_OCSERV);
      await sb.nmcli(addOpenConnectArgs(TWO_FACTOR, { gateway: twoFactor.gateway, ...flags }));
    },
  });
  w.harness.contract.subscribe((name, payload) => {
    if (name === 'prompt:open') prompts.push(payload as EventPayloads['prompt:open']);
  });
});

afterAll(async () => {
  if (previousProgram === undefined) delete process.env.TUNNELBAR_OPENCONNECT;
  else process.env.TUNNELBAR_OPENCONNECT = previousProgram;
  await twoFactor?.stop();
  await oc?.stop();
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name, 6000);
});

/** Waits for the `count`-th request of this test, then returns its dialog in the window. */
async function step(count: number, profile = PROFILE): Promise<Locator> {
  await expect
    .poll(() => prompts.length, { timeout: VPN_TIMEOUT_MS })
    .toBeGreaterThanOrEqual(count);
  const dialog = passwordPrompt(w.page, profile).dialog;
  await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
  return dialog;
}

async function answer(count: number, value: string, profile = PROFILE): Promise<void> {
  const dialog = await step(count, profile);
  const field = dialog.locator('input:not([type="checkbox"])').first();
  await field.waitFor();
  await field.fill(value);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
}

describe('an OpenConnect login in the window', () => {
  it('shows the unknown certificate, then asks user name and password, and connects', async () => {
    const server = oc;
    if (server === undefined) throw new Error('ocserv did not start');
    const before = prompts.length;
    await profileList(w.page).switchOf(PROFILE).click();

    const certificate = await step(before + 1);
    await certificate.getByText(server.pin).waitFor();
    expect(await certificate.getByRole('alert').textContent()).toContain(server.host);
    await screenshot(w.page, 'openconnect-certificate');
    await certificate.getByRole('button', { name: 'Accept certificate' }).click();

    await answer(before + 2, server.username);
    await answer(before + 3, server.password);
    const address = await profileList(w.page).connectedAddress(PROFILE);
    expect(address).toMatch(/^10\.30\.0\.\d+$/);
    // Nothing the person typed travels back to the page.
    expect(JSON.stringify(await w.harness.app.handle('state:snapshot', []))).not.toContain(
      server.password,
    );
    await screenshot(w.page, 'openconnect-connected');

    await profileList(w.page).switchOf(PROFILE).click();
    await profileList(w.page).expectSwitch(PROFILE, false);
    expect(w.pageErrors).toEqual([]);
  });

  it('asks the group, the password, then the one-time code in its own step; a wrong code is asked again', async () => {
    const server = twoFactor;
    if (server === undefined) throw new Error('the second ocserv did not start');
    const codes = new TotpCodes(server.otpSecret ?? '');
    const before = prompts.length;
    await profileList(w.page).switchOf(TWO_FACTOR).click();
    const certificate = await step(before + 1, TWO_FACTOR);
    await certificate.getByRole('button', { name: 'Accept certificate' }).click();

    // The group is a choice of the labels the server offers.
    const group = await step(before + 2, TWO_FACTOR);
    const select = group.locator('select');
    expect(await select.locator('option').allTextContents()).toEqual([
      'Staff members',
      'Guest users',
    ]);
    await select.selectOption('Guest users');
    await group.getByRole('button', { name: 'Connect', exact: true }).click();
    await answer(before + 3, server.username, TWO_FACTOR);
    await answer(before + 4, server.password, TWO_FACTOR);

    const code = await step(before + 5, TWO_FACTOR);
    expect(prompts[before + 4]).toMatchObject({
      reason: 'challenge',
      message: 'Please enter your OTP password.',
      canSave: false,
    });
    await screenshot(w.page, 'openconnect-one-time-code');
    await code.locator('input').first().fill('000000');
    await code.getByRole('button', { name: 'Connect', exact: true }).click();
    // Only the code is asked again; group, user name and password are given again by themselves.
    await answer(before + 6, codes.next(), TWO_FACTOR);
    expect(prompts[before + 5]).toMatchObject({ reason: 'rejected' });
    const address = await profileList(w.page).connectedAddress(TWO_FACTOR);
    const guests = (server.groupNetworks.guests ?? '').replace(/\.0$/, '.');
    expect(address.startsWith(guests)).toBe(true);
    expect(prompts).toHaveLength(before + 6);

    await profileList(w.page).switchOf(TWO_FACTOR).click();
    await profileList(w.page).expectSwitch(TWO_FACTOR, false);

    // The user name and group went back to NetworkManager under the plugin's keys
    // (form:main:username, form:main:group_list): the next login offers them.
    const again = prompts.length;
    await profileList(w.page).switchOf(TWO_FACTOR).click();
    const pin = await step(again + 1, TWO_FACTOR);
    await pin.getByRole('button', { name: 'Accept certificate' }).click();
    const groupAgain = await step(again + 2, TWO_FACTOR);
    expect(await groupAgain.locator('select').inputValue()).toBe('Guest users');
    await groupAgain.getByRole('button', { name: 'Connect', exact: true }).click();
    const userAgain = await step(again + 3, TWO_FACTOR);
    expect(await userAgain.locator('input').first().inputValue()).toBe(server.username);
    await userAgain.getByRole('button', { name: 'Connect', exact: true }).click();
    await answer(again + 4, server.password, TWO_FACTOR);
    await answer(again + 5, codes.next(), TWO_FACTOR);
    expect((await profileList(w.page).connectedAddress(TWO_FACTOR)).startsWith(guests)).toBe(true);
    await profileList(w.page).switchOf(TWO_FACTOR).click();
    await profileList(w.page).expectSwitch(TWO_FACTOR, false);
    expect(w.pageErrors).toEqual([]);
  });
});
