import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportFailure, screenshot } from './support/artifacts';
import { startWorld, type World } from './support/world';
import { profileList } from './pages/profile-list';
import { editorView, field } from './pages/editor';

// The editor's IPv4 and IPv6 pages in Chromium, through the harness, against a real
// NetworkManager: every field is typed as a person would, saved, and read back with nmcli, which
// shows what NetworkManager stored (not what the editor meant to send).

let w: World;

beforeAll(async () => {
  w = await startWorld({
    prepare: async (sb) => {
      await sb.addOpenvpnProfile('password', { id: 'tb-ip' });
      await sb.addOpenvpnProfile('password', { id: 'tb-concurrent' });
    },
  });
});

afterAll(async () => {
  await (w as World | undefined)?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await reportFailure(w, ctx.task.name);
});

const IP_FIELDS = [
  'ipv4.method',
  'ipv4.addresses',
  'ipv4.dns',
  'ipv4.dns-search',
  'ipv4.routes',
  'ipv4.ignore-auto-dns',
  'ipv4.ignore-auto-routes',
  'ipv4.never-default',
  'ipv6.method',
  'ipv6.addresses',
  'ipv6.dns',
  'ipv6.dns-search',
  'ipv6.routes',
  'ipv6.ignore-auto-dns',
  'ipv6.ignore-auto-routes',
  'ipv6.never-default',
];

/** `nmcli -t -f ... connection show`: field name to value, as NetworkManager stored them. */
async function storedIp(name: string): Promise<Record<string, string>> {
  const out = await w.sb.nmcli(['-t', '-f', IP_FIELDS.join(','), 'connection', 'show', name]);
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l !== '')
      .map((line) => {
        const at = line.indexOf(':');
        // Terse mode escapes a value's own colons (IPv6) as "\:".
        return [line.slice(0, at), line.slice(at + 1).replace(/\\:/g, ':')];
      }),
  );
}

describe('the IPv4 and IPv6 pages', () => {
  it('save every field, as nmcli reads it back', async () => {
    const { page } = w;
    const editor = await profileList(page).openEditor('tb-ip');
    await editorView(page).tab('IPv4').click();
    await field(editor, 'Method').selectOption('manual');
    // Without a prefix an IPv4 address is a /32.
    await field(editor, 'Addresses').fill('10.70.0.2/24, 10.70.1.2');
    await field(editor, 'DNS servers').fill('10.70.0.53, 10.70.0.54');
    await field(editor, 'Search domains').fill('corp.example, lab.example');
    await editor.getByRole('button', { name: 'Add route', exact: true }).click();
    await field(editor, 'Route 1 destination').fill('10.80.0.0/16');
    await field(editor, 'Route 1 next hop').fill('10.70.0.1');
    await field(editor, 'Route 1 metric').fill('50');
    await field(editor, 'Ignore automatically obtained DNS servers and domains').check();
    await field(editor, 'Ignore automatically obtained routes').check();
    await field(editor, 'Use this connection only for resources on its network').check();
    await screenshot(page, 'editor-ipv4-filled');

    await editorView(page).tab('IPv6').click();
    await field(editor, 'Method').selectOption('manual');
    // Without a prefix an IPv6 address is a /128.
    await field(editor, 'Addresses').fill('fd00:70::2/64, fd00:71::2');
    await field(editor, 'DNS servers').fill('fd00:70::53');
    await field(editor, 'Search domains').fill('v6.example');
    await editor.getByRole('button', { name: 'Add route', exact: true }).click();
    await field(editor, 'Route 1 destination').fill('fd00:80::/48');
    await field(editor, 'Route 1 next hop').fill('fd00:70::1');
    await field(editor, 'Route 1 metric').fill('60');
    await field(editor, 'Ignore automatically obtained DNS servers and domains').check();
    await screenshot(page, 'editor-ipv6-filled');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    await expect.poll(async () => (await storedIp('tb-ip'))['ipv6.method']).toBe('manual');
    expect(await storedIp('tb-ip')).toEqual({
      'ipv4.method': 'manual',
      'ipv4.addresses': '10.70.0.2/24, 10.70.1.2/32',
      'ipv4.dns': '10.70.0.53,10.70.0.54',
      'ipv4.dns-search': 'corp.example,lab.example',
      'ipv4.routes': '10.80.0.0/16 10.70.0.1 50',
      'ipv4.ignore-auto-dns': 'yes',
      'ipv4.ignore-auto-routes': 'yes',
      'ipv4.never-default': 'yes',
      'ipv6.method': 'manual',
      'ipv6.addresses': 'fd00:70::2/64, fd00:71::2/128',
      'ipv6.dns': 'fd00:70::53',
      'ipv6.dns-search': 'v6.example',
      'ipv6.routes': 'fd00:80::/48 fd00:70::1 60',
      'ipv6.ignore-auto-dns': 'yes',
      'ipv6.ignore-auto-routes': 'no',
      'ipv6.never-default': 'no',
    });
  });

  it('keep what another client changed between opening the editor and saving', async () => {
    const { page } = w;
    const editor = await profileList(page).openEditor('tb-concurrent');
    await editorView(page).tab('OpenVPN').click();
    await field(editor, 'User name').fill('edited-in-tunnelbar');
    await editorView(page).tab('IPv4').click();
    await field(editor, 'DNS servers').fill('10.90.0.53');
    // Meanwhile, nmcli changes other keys of the same profile and settings.
    await w.sb.nmcli([
      'connection',
      'modify',
      'tb-concurrent',
      'ipv4.dns-search',
      'from-nmcli.example',
      'ipv6.dns-search',
      'v6.from-nmcli.example',
      'connection.autoconnect-priority',
      '7',
    ]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    const fields =
      'ipv4.dns,ipv4.dns-search,ipv6.dns-search,connection.autoconnect-priority,vpn.data';
    const stored = async (): Promise<string> =>
      w.sb.nmcli(['-t', '-f', fields, 'connection', 'show', 'tb-concurrent']);
    await expect.poll(stored).toContain('ipv4.dns:10.90.0.53\n');
    const out = await stored();
    // The person's change, and nmcli's: Tunnelbar applied its difference on the current settings.
    expect(out).toContain('username = edited-in-tunnelbar');
    expect(out).toContain('ipv4.dns-search:from-nmcli.example\n');
    expect(out).toContain('ipv6.dns-search:v6.from-nmcli.example\n');
    expect(out).toContain('connection.autoconnect-priority:7\n');
  });
});
