import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findProfile } from '../../main/nm/actions';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { editorView, field } from './pages/editor';
import { passwordPrompt } from './pages/password-prompt';
import { VPN_TIMEOUT_MS } from './support/timeouts';
import { readSettings } from './support/read-settings';
import { plainSettings } from '../support/plain-settings';

// The connection editor in Chromium, through the harness, against a real NetworkManager: what it
// writes is read back with GetSettings, and a profile made in it connects.

const PEER_A = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
const PEER_B = 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=';

let w: World;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      // NM stores a vpn.data key the plugin does not know (the plugin would refuse it on connect).
      await sb.addOpenvpnProfile('password', {
        id: 'tb-unknown-key',
        extraData: { 'x-tunnelbar-future': 'keep-me' },
      });
      // A plugin Tunnelbar has no page for (OpenConnect now has one): its keys as key/value rows.
      await sb.nmcli([
        'connection',
        'add',
        'type',
        'vpn',
        'con-name',
        'tb-vpnc',
        'vpn-type',
        'org.freedesktop.NetworkManager.vpnc',
        'connection.autoconnect',
        'no',
        'vpn.data',
        'IPSec gateway=vpn.example.com',
      ]);
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

describe('the connection editor through the harness', () => {
  it('changes only the edited setting and keeps a vpn.data key it does not know', async () => {
    const { page } = w;
    const before = plainSettings(await readSettings(w, 'tb-unknown-key'));
    const editor = await profileList(page).openEditor('tb-unknown-key');
    await screenshot(page, 'editor-general');
    await editorView(page).tab('OpenVPN').click();
    await screenshot(page, 'editor-openvpn');
    await field(editor, 'User name').fill('someone-else');
    await editorView(page).tab('IPv4').click();
    await screenshot(page, 'editor-ipv4');
    await editorView(page).tab('IPv6').click();
    await screenshot(page, 'editor-ipv6');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    await expect
      .poll(async () => plainSettings(await readSettings(w, 'tb-unknown-key')).vpn?.data)
      .toMatchObject({ value: { username: 'someone-else' } });
    const after = plainSettings(await readSettings(w, 'tb-unknown-key'));
    const expected = structuredClone(before);
    const data = expected.vpn?.data as { value: Record<string, string> };
    data.value.username = 'someone-else';
    expect(data.value['x-tunnelbar-future']).toBe('keep-me');
    expect(after).toEqual(expected);
  });

  it('creates an OpenVPN profile from nothing and connects with it', async () => {
    const { page, sb } = w;
    const server = sb.servers.password;
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('VPN type', { exact: true }).selectOption('openvpn');
    await screenshot(page, 'editor-new');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await field(page, 'Name').fill('tb-made-in-editor');
    await editorView(page).tab('OpenVPN').click();
    await field(page, 'Gateway').fill(`${server.host}:${String(server.port)}:udp`);
    await field(page, 'CA certificate').fill(sb.pki.ca);
    await field(page, 'User name').fill(sb.credentials.username);
    await field(page, 'Password storage').selectOption('2');
    await editorView(page).tab('TLS authentication').click();
    await field(page, 'Additional TLS authentication').selectOption('tls-crypt');
    await field(page, 'Key file').fill(sb.pki.tlsCrypt);
    await field(page, 'Server certificate usage').selectOption('server');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await profileList(page).switchOf('tb-made-in-editor').waitFor();
    const settings = plainSettings(await readSettings(w, 'tb-made-in-editor'));
    expect(settings.vpn?.data).toEqual({
      sig: 'a{ss}',
      value: {
        remote: `${server.host}:${String(server.port)}:udp`,
        'connection-type': 'password',
        ca: sb.pki.ca,
        username: sb.credentials.username,
        'password-flags': '2',
        'tls-crypt': sb.pki.tlsCrypt,
        'remote-cert-tls': 'server',
      },
    });
    await profileList(page).switchOf('tb-made-in-editor').click();
    await passwordPrompt(page, 'tb-made-in-editor').answer(sb.credentials.password);
    await profileList(page).connectedAddress('tb-made-in-editor');
    await profileList(page).switchOf('tb-made-in-editor').click();
    await profileList(page).expectSwitch('tb-made-in-editor', false);
  });

  it('creates a WireGuard profile with two peers, saves it, and re-opens it equal', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('VPN type', { exact: true }).selectOption('wireguard');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await field(page, 'Name').fill('tb-wg');
    await editorView(page).tab('WireGuard').click();
    await field(page, 'Listen port').fill('51999');
    const peers = [
      { key: PEER_A, ips: '10.91.0.0/24', endpoint: '192.0.2.1:51820', keepalive: '25' },
      {
        key: PEER_B,
        ips: '10.92.0.0/16, fd92::/64',
        endpoint: '[2001:db8::1]:51820',
        keepalive: '',
      },
    ];
    for (const [i, p] of peers.entries()) {
      await page.getByRole('button', { name: 'Add peer', exact: true }).click();
      const group = page.getByRole('group', { name: `Peer ${String(i + 1)}`, exact: true });
      await field(group, 'Public key').fill(p.key);
      await field(group, 'Allowed IPs').fill(p.ips);
      await field(group, 'Endpoint').fill(p.endpoint);
      await field(group, 'Persistent keepalive (seconds)').fill(p.keepalive);
    }
    await screenshot(page, 'editor-wireguard');
    await editorView(page).tab('IPv4').click();
    await field(page, 'Addresses').fill('10.91.0.2/24');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await profileList(page).switchOf('tb-wg').waitFor();
    const uuid = findProfile(w.harness.core.model, 'tb-wg').uuid;
    const view = await w.harness.contract.handle('profile:get', [{ uuid }]);
    expect(view).toMatchObject({
      edit: {
        name: 'tb-wg',
        vpn: {
          listenPort: 51999,
          peers: [
            {
              publicKey: PEER_A,
              allowedIps: ['10.91.0.0/24'],
              endpoint: '192.0.2.1:51820',
              keepalive: 25,
            },
            {
              publicKey: PEER_B,
              allowedIps: ['10.92.0.0/16', 'fd92::/64'],
              endpoint: '[2001:db8::1]:51820',
              keepalive: null,
            },
          ],
        },
        ipv4: { method: 'manual', addresses: ['10.91.0.2/24'] },
      },
    });
    // The generated key is stored: its public key is shown, the private one never is.
    expect((view as { publicKey: string | null }).publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    const editor = await profileList(page).openEditor('tb-wg');
    await editorView(page).tab('WireGuard').click();
    expect(await field(editor, 'Listen port').inputValue()).toBe('51999');
    for (const [i, p] of peers.entries()) {
      const group = page.getByRole('group', { name: `Peer ${String(i + 1)}`, exact: true });
      expect(await field(group, 'Public key').inputValue()).toBe(p.key);
      expect(await field(group, 'Endpoint').inputValue()).toBe(p.endpoint);
    }
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('edits a plugin without a page of its own as key/value, and deletes after asking', async () => {
    const { page } = w;
    const editor = await profileList(page).openEditor('tb-vpnc');
    await editorView(page).tab('Cisco VPN (vpnc)').click();
    await screenshot(page, 'editor-plugin');
    expect(await field(editor, 'Key 1').inputValue()).toBe('IPSec gateway');
    await page.getByRole('button', { name: 'Add setting', exact: true }).click();
    await field(editor, 'Key 2').fill('IPSec ID');
    await field(editor, 'Value 2').fill('office');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => plainSettings(await readSettings(w, 'tb-vpnc')).vpn?.data)
      .toEqual({
        sig: 'a{ss}',
        value: { 'IPSec gateway': 'vpn.example.com', 'IPSec ID': 'office' },
      });

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await screenshot(page, 'editor-delete-ask');
    await page.getByRole('button', { name: 'Delete profile', exact: true }).click();
    await expect
      .poll(() => profileList(page).switchOf('tb-vpnc').count(), { timeout: VPN_TIMEOUT_MS })
      .toBe(0);
    expect(w.pageErrors).toEqual([]);
  });
});
