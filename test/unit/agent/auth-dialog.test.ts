import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dialogArgs,
  dialogInput,
  parseDialogOutput,
  runAuthDialog,
} from '../../../main/agent/auth-dialog';
import { dialogMode, guiPackages } from '../../../main/agent/plugin-gui';
import { findVpnPlugin, pluginDirsFromEnv } from '../../../main/agent/vpn-plugins';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { v } from '../../builders/variant';

const connection: SettingsDict = {
  connection: { id: v('s', 'corp'), uuid: v('s', 'u9') },
  vpn: {
    'service-type': v('s', 'org.example.fakevpn'),
    data: v('a{ss}', { gateway: 'vpn.corp.example', cookie: 'line1\nline2' }),
  },
};

// A fake plugin whose dialog, in external UI mode, prints what it needs (as real ones do) and
// records its arguments and input so the test can check the protocol.
const dir = mkdtempSync(join(tmpdir(), 'tb-authdialog-'));
const dialog = join(dir, 'fake-auth-dialog');
writeFileSync(
  dialog,
  `#!/bin/sh
printf '%s\\n' "$@" > "${dir}/args"
cat > "${dir}/stdin"
cat <<'OUT'
[VPN Plugin UI]
Version=2
Description=Log in to corp
Title=Authentication required

[password]
Value=
Label=Password
IsSecret=true
ShouldAsk=true

[gateway-secret]
Value=known-token
Label=Token
IsSecret=true
ShouldAsk=false
OUT
`,
);
chmodSync(dialog, 0o755);
writeFileSync(
  join(dir, 'fake.name'),
  `[VPN Connection]\nname=fakevpn\nservice=org.example.fakevpn\n\n[GNOME]\nauth-dialog=${dialog}\nsupports-external-ui-mode=true\nsupports-hints=true\n`,
);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the auth-dialog protocol', () => {
  it("reads plugins from TUNNELBAR_VPN_PLUGIN_DIRS when set, else from NetworkManager's folders", () => {
    expect(pluginDirsFromEnv({ TUNNELBAR_VPN_PLUGIN_DIRS: `${dir}:/x` })).toEqual([dir, '/x']);
    expect(pluginDirsFromEnv({})).toContain('/usr/lib/NetworkManager/VPN');
  });

  it('finds the plugin from its .name file', () => {
    expect(findVpnPlugin('org.example.fakevpn', [dir])).toMatchObject({
      name: 'fakevpn',
      authDialog: dialog,
    });
    expect(findVpnPlugin('org.example.other', [dir])).toBeNull();
  });

  it('passes uuid, name, service, interaction, hints and external UI mode', () => {
    const plugin = findVpnPlugin('org.example.fakevpn', [dir]);
    if (plugin === null) throw new Error('plugin not found');
    expect(dialogArgs(connection, plugin, ['password'], 0x3)).toEqual([
      '-u',
      'u9',
      '-n',
      'corp',
      '-s',
      'org.example.fakevpn',
      '-i',
      '-r',
      '-t',
      'password',
      '--external-ui-mode',
    ]);
  });

  it('writes data items with multi-line continuation, then DONE and QUIT', () => {
    expect(dialogInput(connection)).toBe(
      'DATA_KEY=gateway\nDATA_VAL=vpn.corp.example\n\nDATA_KEY=cookie\nDATA_VAL=line1\n=line2\n\nDONE\n\nQUIT\n\n',
    );
  });

  it('runs the dialog and turns its key file into fields to ask and secrets it already has', async () => {
    const plugin = findVpnPlugin('org.example.fakevpn', [dir]);
    if (plugin === null) throw new Error('plugin not found');
    const signal = new AbortController().signal;
    const outcome = await runAuthDialog(plugin, dialog, {
      connection,
      hints: [],
      flags: 0x1,
      signal,
    });
    expect(outcome).toEqual({
      kind: 'ask',
      title: 'Authentication required',
      message: 'Log in to corp',
      fields: [{ key: 'password', label: 'Password', secret: true }],
      known: { 'gateway-secret': 'known-token' },
    });
    expect(readFileSync(join(dir, 'args'), 'utf8')).toContain('--external-ui-mode');
    expect(readFileSync(join(dir, 'stdin'), 'utf8')).toContain('QUIT');
  });

  it('understands "nothing needed"', () => {
    expect(
      parseDialogOutput('[VPN Plugin UI]\nVersion=2\n\n[no-secret]\nValue=true\nIsSecret=true\n'),
    ).toEqual({
      kind: 'nothing-needed',
    });
  });

  it('runs a dialog with external UI mode without a window, one without it windowed', () => {
    const plugin = {
      name: 'x',
      serviceType: 'org.freedesktop.NetworkManager.vpnc',
      authDialog: dialog,
      supportsExternalUi: true,
      supportsHints: false,
    };
    expect(dialogMode(plugin)).toEqual({ kind: 'external-ui', path: dialog });
    expect(dialogMode({ ...plugin, supportsExternalUi: false })).toEqual({
      kind: 'windowed',
      path: dialog,
    });
  });

  it('names the GUI package when the dialog is not installed', () => {
    const plugin = {
      name: 'vpnc',
      serviceType: 'org.freedesktop.NetworkManager.vpnc',
      authDialog: '/nonexistent/nm-vpnc-auth-dialog',
      supportsExternalUi: true,
      supportsHints: false,
    };
    for (const p of [plugin, { ...plugin, authDialog: null }]) {
      const mode = dialogMode(p);
      expect(mode.kind).toBe('missing');
      if (mode.kind !== 'missing') continue;
      expect(mode.message).toContain('network-manager-vpnc-gnome (Debian, Ubuntu)');
      expect(mode.message).toContain('NetworkManager-vpnc-gnome (Fedora)');
    }
    expect(guiPackages('org.freedesktop.NetworkManager.strongswan').debian).toBe(
      'network-manager-strongswan',
    );
  });
});
