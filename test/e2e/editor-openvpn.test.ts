import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { editorView, field } from './pages/editor';
import { readSettings } from './support/read-settings';
import { plainSettings } from '../support/plain-settings';

// The OpenVPN pages in Chromium through the harness, against a real NetworkManager: the CA comes
// through the file picker (main keeps it under the harness's home), the field shows its subject,
// fields of every page are set, and what NetworkManager holds afterwards is compared key by key.

let w: World;

beforeAll(async () => {
  w = await startWorld();
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

describe('the OpenVPN pages through the harness', () => {
  it('creates a profile with a picked CA and fields of every page, as NetworkManager holds it', async () => {
    const { page, sb } = w;
    const server = sb.servers.password;
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('VPN type', { exact: true }).selectOption('openvpn');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await field(page, 'Name').fill('tb-openvpn-pages');

    await editorView(page).tab('OpenVPN').click();
    await field(page, 'Gateway').fill(`${server.host}:${String(server.port)}:udp`);
    await field(page, 'Authentication type').selectOption('password-tls');
    const chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('button', { name: 'Choose a file for CA certificate', exact: true })
      .click();
    await (await chooser).setFiles(sb.pki.ca);
    await page.getByText(/^CN=Tunnelbar sandbox .* CA, issued by CN=Tunnelbar sandbox/).waitFor();
    await field(page, 'User certificate').fill(sb.pki.clientCert);
    await field(page, 'Private key').fill(sb.pki.clientKey);
    await page.getByText('Private key, not encrypted', { exact: true }).waitFor();
    await field(page, 'User name').fill(sb.credentials.username);
    await field(page, 'Password storage').selectOption('2');
    await screenshot(page, 'editor-openvpn-main');

    await editorView(page).tab('Advanced').click();
    await field(page, 'Port').fill('1195');
    await field(page, 'MTU').fill('1400');
    await field(page, 'Limit TCP segment size (mssfix)').fill('1360');
    await field(page, 'When the server stops answering').selectOption('ping-restart');
    await field(page, 'Seconds without an answer').fill('60');
    await page.getByLabel('Try the gateways in random order', { exact: true }).check();
    await screenshot(page, 'editor-openvpn-advanced');

    await editorView(page).tab('Security').click();
    await field(page, 'Cipher').fill('AES-256-GCM');
    await field(page, 'HMAC authentication').fill('SHA256');
    await field(page, 'Minimum TLS version').selectOption('1.2');
    await screenshot(page, 'editor-openvpn-security');

    await editorView(page).tab('TLS authentication').click();
    await field(page, 'Additional TLS authentication').selectOption('tls-crypt');
    await field(page, 'Key file').fill(sb.pki.tlsCrypt);
    await page.getByText('OpenVPN static key', { exact: true }).waitFor();
    await field(page, 'Server certificate usage').selectOption('server');
    await screenshot(page, 'editor-openvpn-tls');

    await editorView(page).tab('Proxies').click();
    await field(page, 'Proxy type').selectOption('http');
    await field(page, 'Proxy server').fill('proxy.example.com');
    await field(page, 'Proxy port').fill('3128');
    await page.getByLabel('Keep retrying when the proxy fails', { exact: true }).check();
    await field(page, 'Proxy user name').fill('pat');
    await field(page, 'Proxy password storage').selectOption('2');
    await screenshot(page, 'editor-openvpn-proxies');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await profileList(page).switchOf('tb-openvpn-pages').waitFor();
    const data = plainSettings(await readSettings(w, 'tb-openvpn-pages')).vpn?.data as {
      value: Record<string, string>;
    };
    const ca = data.value.ca ?? '';
    expect(data.value).toEqual({
      remote: `${server.host}:${String(server.port)}:udp`,
      'connection-type': 'password-tls',
      ca,
      cert: sb.pki.clientCert,
      key: sb.pki.clientKey,
      username: sb.credentials.username,
      'password-flags': '2',
      port: '1195',
      'tunnel-mtu': '1400',
      mssfix: '1360',
      'ping-restart': '60',
      'remote-random': 'yes',
      cipher: 'AES-256-GCM',
      auth: 'SHA256',
      'tls-version-min': '1.2',
      'tls-crypt': sb.pki.tlsCrypt,
      'remote-cert-tls': 'server',
      'proxy-type': 'http',
      'proxy-server': 'proxy.example.com',
      'proxy-port': '3128',
      'proxy-retry': 'yes',
      'http-proxy-username': 'pat',
      'http-proxy-password-flags': '2',
    });
    // The picked CA is a copy in the harness's ~/.cert/nm-openvpn/, readable by its owner only.
    expect(ca.startsWith(join(w.home, '.cert', 'nm-openvpn') + '/')).toBe(true);
    expect(readFileSync(ca)).toEqual(readFileSync(sb.pki.ca));
    expect(statSync(ca).mode & 0o777).toBe(0o600);
    expect(w.pageErrors).toEqual([]);
  });
});
