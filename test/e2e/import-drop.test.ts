// Import from the window, in Chromium through the harness, against a real NetworkManager: files
// dropped on the window (a DataTransfer built in the page from File objects) and a real folder
// picked with the "Import folder…" input. The profiles appear in the list and NetworkManager has
// them; the import report is saved as a screenshot.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { importDialog } from './pages/import-dialog';

let w: World;
let work = '';

const WG = `[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nAddress = 10.9.0.2/24\n\n[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\nAllowedIPs = 10.9.0.0/24\nEndpoint = 192.0.2.9:51820\n`;

function ovpn(remote: string, extra = ''): string {
  return `client\ndev tun\nproto udp\nremote ${remote} 1194\nauth-user-pass\nca ca.crt\n${extra}`;
}

/** The CA path NetworkManager stores for a profile (nmcli -g prints vpn.data as `k = v, ...`). */
async function caPathOf(id: string): Promise<string> {
  const data = await w.sb.nmcli(['-g', 'vpn.data', 'connection', 'show', id]);
  return /(?:^|,)\s*ca\s*=\s*([^,]+)/.exec(data)?.[1]?.trim() ?? '';
}

async function nmNames(): Promise<string[]> {
  return (await w.sb.nmcli(['-g', 'NAME', 'connection', 'show'])).split('\n');
}

beforeAll(async () => {
  w = await startWorld();
  work = mkdtempSync(join(tmpdir(), 'tunnelbar-e2e-import-'));
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

describe('importing from the window', () => {
  it('imports files dropped on the window, with a report of each', async () => {
    const { page } = w;
    const files = [
      { name: 'tb-drop-a.ovpn', text: ovpn('a.provider.example', 'script-security 2\n') },
      { name: 'tb-drop-b.ovpn', text: ovpn('b.provider.example') },
      { name: 'ca.crt', text: readFileSync(w.sb.pki.ca, 'utf8') },
      { name: 'tbdropwg.conf', text: WG },
      { name: 'tb-drop-bad.ovpn', text: 'client\nproto sctp\n' },
    ];
    // What a file manager's drag brings: a DataTransfer of files, over the window, then dropped.
    // Plain JavaScript in the page (the test's TypeScript has no DOM types).
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      for (const f of ${JSON.stringify(files)}) data.items.add(new File([f.text], f.name));
      const app = document.querySelector('.app');
      const fire = (type) =>
        app.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      window.tbDrop = () => fire('drop');
    })()`);
    await expect
      .poll(() => page.getByText(/Drop \.ovpn or WireGuard \.conf files/).count())
      .toBe(1);
    await screenshot(page, 'import-drop-overlay');
    await page.evaluate('window.tbDrop()');

    const importing = importDialog(page);
    const dialog = importing.dialog;
    expect(await importing.summary()).toBe('3 added, 0 already there, 1 failed');
    expect(await dialog.getByText(/^tb-drop-bad\.ovpn:2: .*sctp/).count()).toBe(1);
    expect(
      await dialog.getByRole('list', { name: 'Warnings for tb-drop-a.ovpn' }).textContent(),
    ).toMatch(/Line 7 \(script-security\)/);
    await screenshot(page, 'import-report');
    await dialog.getByLabel('Show only files with problems').check();
    await screenshot(page, 'import-report-problems');
    await importing.close();

    for (const name of ['tb-drop-a', 'tb-drop-b', 'tbdropwg']) {
      await profileList(page).switchOf(name).waitFor();
    }
    expect(await nmNames()).toEqual(expect.arrayContaining(['tb-drop-a', 'tb-drop-b', 'tbdropwg']));
    const ca = await caPathOf('tb-drop-a');
    expect(ca.startsWith(join(w.home, '.cert/nm-openvpn/import-'))).toBe(true);
    expect(readFileSync(ca, 'utf8')).toBe(readFileSync(w.sb.pki.ca, 'utf8'));
  });

  it('imports a real folder picked with Import folder…, certificates beside the profiles', async () => {
    const { page } = w;
    const dir = join(work, 'tb-provider');
    mkdirSync(join(dir, 'keys'), { recursive: true });
    writeFileSync(
      join(dir, 'tb-folder-x.ovpn'),
      ovpn('x.provider.example').replace('ca ca.crt', 'ca keys/ca.crt'),
    );
    writeFileSync(
      join(dir, 'tb-folder-y.ovpn'),
      ovpn('y.provider.example').replace('ca ca.crt', 'ca keys/ca.crt'),
    );
    writeFileSync(join(dir, 'keys', 'ca.crt'), readFileSync(w.sb.pki.ca));
    await page.getByLabel('Folder to import').setInputFiles(dir);

    const importing = importDialog(page);
    const dialog = importing.dialog;
    expect(await importing.summary()).toBe('2 added, 0 already there, 0 failed');
    expect(await dialog.getByText('tb-provider/tb-folder-x.ovpn').count()).toBe(1);
    await screenshot(page, 'import-folder-report');
    await importing.close();
    await profileList(page).switchOf('tb-folder-x').waitFor();
    await profileList(page).switchOf('tb-folder-y').waitFor();
    expect(await nmNames()).toEqual(expect.arrayContaining(['tb-folder-x', 'tb-folder-y']));
    const ca = await caPathOf('tb-folder-y');
    expect(ca.endsWith('/tb-provider/keys/ca.crt')).toBe(true);
    expect(readFileSync(ca, 'utf8')).toBe(readFileSync(w.sb.pki.ca, 'utf8'));
  });
});
