import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ListEntry, StatusEntry } from '../../main/cli/format';
import { generatePrivateKey } from '../../main/vpn/wireguard/key-pair';
import { parseOvpn } from '../../main/vpn/openvpn/parse';
import { addBulkProfiles } from '../support/bulk-profiles';
import { CLI, runCli } from '../support/run-cli';
import { addOpenConnectArgs, addWireguardArgs } from './infra/profiles';
import { startSandbox, type Sandbox } from './infra/sandbox';

// The `tunnelbar` command as a user runs it, against a real NetworkManager and OpenVPN servers.

let sb: Sandbox;
let password: { uuid: string; id: string };
let cert: { uuid: string; id: string };

beforeAll(async () => {
  sb = await startSandbox();
  password = await sb.addOpenvpnProfile('password');
  cert = await sb.addOpenvpnProfile('cert');
});

afterAll(async () => {
  // beforeAll may have failed half-way.
  await (sb as Sandbox | undefined)?.stop();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-6000)}`);
});

/** Whether this kernel can make WireGuard interfaces (probed in the sandbox's own namespace). */
function kernelHasWireguard(): boolean {
  try {
    execFileSync(
      'ip',
      ['netns', 'exec', sb.names.nmNetns, 'ip', 'link', 'add', 'tbwgprobe', 'type', 'wireguard'],
      {
        stdio: 'ignore',
      },
    );
    execFileSync('ip', ['netns', 'exec', sb.names.nmNetns, 'ip', 'link', 'del', 'tbwgprobe'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

describe('tunnelbar CLI', () => {
  it('list --json gives every VPN profile with its type and state', async () => {
    const r = await runCli(['list', '--json'], sb.env);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as ListEntry[];
    expect(entries).toEqual(
      expect.arrayContaining([
        { uuid: password.uuid, id: password.id, type: 'openvpn', state: 'disconnected' },
        { uuid: cert.uuid, id: cert.id, type: 'openvpn', state: 'disconnected' },
      ]),
    );
    expect(entries).toHaveLength(2);
  });

  it('up --ask reads the password from stdin, connects, and status --json shows the tunnel', async () => {
    const r = await runCli(['up', password.id, '--ask'], sb.env, `${sb.credentials.password}\n`);
    expect(r.stderr).not.toContain(sb.credentials.password);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/connected 10\.\d+\.\d+\.\d+\/24/);

    const s = await runCli(['status', '--json'], sb.env);
    expect(s.code).toBe(0);
    const [entry, ...others] = JSON.parse(s.stdout) as StatusEntry[];
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      uuid: password.uuid,
      id: password.id,
      state: 'connected',
      reason: null,
    });
    expect(entry?.ip4?.routes.map((route) => route.dest)).toContain(
      sb.servers.password.pushedRoute,
    );
    expect(entry?.ip4?.dns).toEqual([sb.servers.password.dns]);
    expect(entry?.ip4?.domains).toContain(sb.servers.password.domain);
    expect(Date.parse(entry?.since ?? '')).not.toBeNaN();

    const d = await runCli(['down', password.uuid], sb.env);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('disconnected');
    const after = JSON.parse((await runCli(['status', '--json'], sb.env)).stdout) as StatusEntry[];
    expect(after).toEqual([]);
  });

  it('up of a certificate profile needs no --ask, and a second up leaves it as it is', async () => {
    const r = await runCli(['up', cert.id], sb.env);
    expect(r.code).toBe(0);
    const again = await runCli(['up', cert.id], sb.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already connected 10\.\d+\.\d+\.\d+\/24/);
    expect((await runCli(['down', cert.id], sb.env)).code).toBe(0);
  });

  it('a wrong password, then the end of input: exit 1 with the reason word and its sentence', async () => {
    const r = await runCli(['up', password.id, '--ask'], sb.env, 'wrong\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The previous answer was rejected');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^no-secrets: .+/);
  });

  it('with LANG=de_DE.UTF-8 speaks German: up, status, down, errors and usage; --json stays English', async () => {
    const de = { ...sb.env, LANG: 'de_DE.UTF-8' };
    const up = await runCli(['up', cert.id], de);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/^.+: verbunden 10\.\d+\.\d+\.\d+\/24$/m);
    const again = await runCli(['up', cert.id], de);
    expect(again.stdout).toMatch(/: bereits verbunden 10\.\d+\.\d+\.\d+\/24$/m);

    const status = await runCli(['status'], de);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`${cert.id} (${cert.uuid}): verbunden\n  verbunden seit: `);
    expect(status.stdout).toMatch(/^ {2}IPv4-Adresse: 10\.\d+\.\d+\.\d+\/24$/m);
    const json = JSON.parse((await runCli(['status', '--json'], de)).stdout) as StatusEntry[];
    expect(json.map((e) => e.state)).toEqual(['connected']);

    const down = await runCli(['down', cert.id], de);
    expect(down.stdout.trim()).toBe(`${cert.id}: getrennt`);
    expect((await runCli(['down', cert.id], de)).stdout.trim()).toBe(`${cert.id} ist nicht aktiv.`);
    expect((await runCli(['status'], de)).stdout.trim()).toBe('Kein VPN ist aktiv.');
    expect((await runCli(['list'], de)).stdout).toContain(
      `${cert.id}\topenvpn\tgetrennt\t${cert.uuid}\n`,
    );

    const unknown = await runCli(['up', 'gibt-es-nicht'], de);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'unknown-profile: Kein VPN-Profil heißt „gibt-es-nicht“ oder hat diese UUID. `tunnelbar list` zeigt sie an.',
    );
    const usage = await runCli(['up', cert.id, '--frob'], de);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^„up“ kennt die Option --frob nicht\.\n\nAufruf: tunnelbar <Befehl>/,
    );
  });

  it('without --ask and with no other agent, up fails with no-secrets instead of hanging', async () => {
    const r = await runCli(['up', password.id], sb.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^no-secrets: /m);
  });

  it('lists WireGuard and other plugins’ VPNs, and says why each cannot connect here', async () => {
    const key = generatePrivateKey();
    await sb.nmcli(addWireguardArgs('tb-wg', 'wgtb0', key, '10.50.0.2/24'));
    await sb.nmcli([
      'connection',
      'add',
      'type',
      'vpn',
      'vpn-type',
      // A plugin the sandbox does not install (OpenConnect's is installed for its own suite).
      'org.freedesktop.NetworkManager.vpnc',
      'con-name',
      'tb-vpnc',
      'vpn.data',
      'IPSec gateway=vpn.example',
      'connection.autoconnect',
      'no',
    ]);
    try {
      const list = JSON.parse((await runCli(['list', '--json'], sb.env)).stdout) as ListEntry[];
      expect(list.find((e) => e.id === 'tb-wg')?.type).toBe('wireguard');
      expect(list.find((e) => e.id === 'tb-vpnc')?.type).toBe('vpnc');

      const vpnc = await runCli(['up', 'tb-vpnc'], sb.env);
      expect(vpnc.code).toBe(1);
      expect(vpnc.stderr.trim()).toMatch(/^missing-plugin: .*network-manager-vpnc/);

      const wg = await runCli(['up', 'tb-wg'], sb.env);
      if (kernelHasWireguard()) {
        expect(wg.code).toBe(0);
        expect(wg.stdout).toContain('10.50.0.2/24');
      } else {
        expect(wg.code).toBe(1);
        expect(wg.stderr.trim()).toMatch(
          /^interface-creation-failed: .*Operation not supported.*modprobe wireguard/,
        );
      }
    } finally {
      await runCli(['down', 'tb-wg'], sb.env);
      await sb.nmcli(['connection', 'delete', 'tb-wg', 'tb-vpnc']);
    }
  });

  it('export writes a self-contained .ovpn or a wg-quick file, private to its owner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tunnelbar-cli-export-'));
    const key = generatePrivateKey();
    await sb.nmcli(addWireguardArgs('tb-wg-export', 'wgexp0', key, '10.51.0.2/24'));
    await sb.nmcli(addOpenConnectArgs('tb-oc-export'));
    try {
      const ovpnPath = join(dir, 'office.ovpn');
      const r = await runCli(['export', cert.id, '--output', ovpnPath, '--json'], sb.env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ uuid: cert.uuid, path: ovpnPath });
      expect(statSync(ovpnPath).mode & 0o777).toBe(0o600);
      const text = readFileSync(ovpnPath, 'utf8');
      // Self-contained: the CA travels inside the file, as the sandbox's CA has it.
      expect(text).toContain('<ca>');
      expect(text).toContain(readFileSync(sb.pki.ca, 'utf8').trim());
      const parsed = parseOvpn(text, {
        fileName: ovpnPath,
        readFile: () => {
          throw new Error('a self-contained file refers to no other file');
        },
      });
      expect(parsed.ok).toBe(true);

      const wgPath = join(dir, 'wg.conf');
      const wg = await runCli(['export', 'tb-wg-export', '--output', wgPath], sb.env);
      expect(wg.code).toBe(0);
      expect(wg.stdout.trim()).toBe(`tb-wg-export: saved to ${wgPath}`);
      expect(statSync(wgPath).mode & 0o777).toBe(0o600);
      expect(readFileSync(wgPath, 'utf8')).toContain(`PrivateKey = ${key}`);

      const oc = await runCli(['export', 'tb-oc-export'], sb.env);
      expect(oc.code).toBe(2);
      expect(oc.stderr.trim()).toMatch(/^export-unsupported: Only OpenVPN profiles/);
    } finally {
      await sb.nmcli(['connection', 'delete', 'tb-wg-export', 'tb-oc-export']);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('list --json of 1,500 profiles reaches a slow reader whole', async () => {
    await addBulkProfiles(sb.busAddress, 0, 1500, sb.pki.ca);
    // The reader waits a second before reading: the CLI must not exit with output unflushed.
    const out = execFileSync(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" list --json | (sleep 1; cat)`],
      {
        env: sb.env,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const entries = JSON.parse(out) as ListEntry[];
    expect(entries.filter((e) => e.id.startsWith('bench-'))).toHaveLength(1500);
  });

  it('an unknown profile is one clear line and exit 2', async () => {
    const r = await runCli(['up', 'no-such-vpn'], sb.env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'unknown-profile: No VPN profile is named "no-such-vpn" or has that UUID. `tunnelbar list` shows them.',
    );
  });

  it('permission denied is one clear line and exit 2', async () => {
    // The sandbox's NetworkManager lets root do everything and other users nothing (no polkit).
    const r = await runCli(['up', cert.id], sb.env, '', 30_000, { uid: 65534, gid: 65534 });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^permission-denied: You are not allowed to control this connection\./,
    );
    // ...while the same user may still read the profiles.
    const list = await runCli(['list', '--json'], sb.env, '', 30_000, { uid: 65534, gid: 65534 });
    expect((JSON.parse(list.stdout) as ListEntry[]).map((e) => e.id)).toContain(cert.id);
  });

  it('NetworkManager not running is one clear line and exit 2', async () => {
    await sb.stopNetworkManager('SIGTERM');
    try {
      const r = await runCli(['list'], sb.env);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toMatch(/^nm-not-running: NetworkManager is not running\./);
    } finally {
      await sb.startNetworkManager();
    }
  });

  it('a bus that cannot be reached is one clear line and exit 2', async () => {
    const r = await runCli(['status'], {
      ...sb.env,
      DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${sb.dir}/nothing-here`,
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^bus-unreachable: Cannot reach the system D-Bus/);
  });
});
