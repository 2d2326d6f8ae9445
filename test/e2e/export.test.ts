// Export from the window, in Chromium through the harness, against a real NetworkManager: the
// harness answers main's "where to save?" with a file in the world's export folder; the file is
// read back from there.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseOvpn } from '../../main/vpn/openvpn/parse';
import { addOpenConnectArgs } from '../sandbox/infra/profiles';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';

let w: World;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      await sb.addOpenvpnProfile('cert', { id: 'tb-export-cert' });
      await sb.nmcli(addOpenConnectArgs('tb-export-oc'));
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

async function select(name: string): Promise<void> {
  await w.page
    .getByRole('listitem')
    .filter({ has: profileList(w.page).switchOf(name) })
    .click();
}

describe('exporting from the window', () => {
  it('saves an OpenVPN profile as a self-contained .ovpn in the export folder', async () => {
    const { page } = w;
    await select('tb-export-cert');
    await page.getByRole('button', { name: 'Export…' }).click();
    const path = join(w.exportDir, 'tb-export-cert.ovpn');
    await page.getByText(`Saved to ${path}`).waitFor();
    await screenshot(page, 'export-saved');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const parsed = parseOvpn(readFileSync(path), {
      fileName: path,
      readFile: (p) => readFileSync(p),
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [remote] = (await w.sb.nmcli(['-g', 'vpn.data', 'connection', 'show', 'tb-export-cert']))
      .split(',')
      .filter((kv) => kv.trim().startsWith('remote ='));
    // nmcli -g escapes the colons of its output.
    expect(parsed.profile.vpn.data.remote).toBe(remote?.split('=')[1]?.trim().replace(/\\:/g, ':'));
    const ca = parsed.inlineFiles.find((f) => f.tag === 'ca');
    expect(ca?.content.toString('utf8').trim()).toBe(readFileSync(w.sb.pki.ca, 'utf8').trim());
  });

  it('is not offered for another plugin, and says why', async () => {
    const { page } = w;
    await select('tb-export-oc');
    const button = page.getByRole('button', { name: 'Export…' });
    expect(await button.isDisabled()).toBe(true);
    const why = 'Only OpenVPN and WireGuard profiles can be exported.';
    // Its tooltip, and its description for screen readers.
    expect(await button.getAttribute('title')).toBe(why);
    const describedBy = (await button.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(why);
  });
});
