import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { VPN_TIMEOUT_MS } from './support/timeouts';

// NetworkManager stopped and started again under a running harness and an open page.

let w: World;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      await sb.addOpenvpnProfile('cert');
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await screenshot(w.page, 'failed-nm-restart');
  console.log(`--- page errors ---\n${w.pageErrors.join('\n')}`);
  console.log(`--- sandbox log ---\n${w.sb.readLog().slice(-6000)}`);
});

it('shows a banner while NetworkManager is gone, drops it when it is back, and connects again', async () => {
  const { page, sb } = w;
  const banner = page.getByRole('alert').filter({ hasText: 'NetworkManager is not running' });
  await profileList(page).switchOf('tb-cert').waitFor();
  expect(await banner.count()).toBe(0);

  await sb.stopNetworkManager();
  await banner.waitFor({ timeout: VPN_TIMEOUT_MS });
  await expect.poll(() => profileList(page).switchOf('tb-cert').count()).toBe(0);
  await screenshot(page, 'nm-not-running');

  await sb.startNetworkManager();
  await banner.waitFor({ state: 'detached', timeout: VPN_TIMEOUT_MS });
  await profileList(page).switchOf('tb-cert').click();
  await profileList(page).expectSwitch('tb-cert', true);
  const address = await profileList(page).connectedAddress('tb-cert');
  expect(address.startsWith(sb.servers.cert.subnet.split('.').slice(0, 3).join('.'))).toBe(true);
  await screenshot(page, 'after-nm-restart');
  await profileList(page).switchOf('tb-cert').click();
  await profileList(page).expectSwitch('tb-cert', false);
});
