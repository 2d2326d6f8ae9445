// Proves the sandbox: real NetworkManager + OpenVPN tunnels through nmcli, an NM crash and
// restart, and a clean teardown. nmcli --ask acts as the secret agent and, with stdin not a tty,
// reads each answer as one line of stdin (it still prints the prompts to stdout).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSubnet } from './infra/cidr.js';
import { startSandbox, type Sandbox } from './infra/sandbox.js';

/** `nmcli -t -f IP4 connection show X` as field → values (IP4.ROUTE[1], [2]... → IP4.ROUTE). */
function parseIp4(out: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).replace(/\[\d+\]$/, '');
    fields.set(key, [...(fields.get(key) ?? []), line.slice(colon + 1)]);
  }
  return fields;
}

/** Command lines of running processes that contain `text` (no procps needed). */
function commandLinesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(text)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // Exited meanwhile.
    }
  }
  return found;
}

describe('test sandbox', () => {
  let sb: Sandbox;
  let startMs = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    sb = await startSandbox();
    startMs = Date.now() - t0;
    console.log(`startSandbox took ${startMs} ms (${sb.dir})`);
  });

  afterAll(async () => {
    await sb.stop();
  });

  it('starts with the base connection active on a private bus', async () => {
    expect(sb.busAddress).toBe(`unix:path=${sb.dir}/bus/system_bus_socket`);
    expect(sb.env.DBUS_SYSTEM_BUS_ADDRESS).toBe(sb.busAddress);
    const active = await sb.nmcli(['-g', 'NAME', 'connection', 'show', '--active']);
    expect(active.split('\n')).toContain(sb.names.baseProfile);
  });

  it('connects the password profile through nmcli --ask, with the pushed config', async () => {
    const { id } = await sb.addOpenvpnProfile('password');
    const out = await sb.nmcli(['--ask', 'connection', 'up', id], {
      input: `${sb.credentials.password}\n`,
    });
    expect(out).toContain('Password (vpn.secrets.password)');
    expect(out).toContain('successfully activated');

    const server = sb.servers.password;
    const ip4 = parseIp4(await sb.nmcli(['-t', '-f', 'IP4', 'connection', 'show', id]));
    const address = ip4.get('IP4.ADDRESS')?.[0]?.split('/')[0] ?? '';
    expect(inSubnet(address, server.subnet)).toBe(true);
    expect(ip4.get('IP4.ROUTE')?.some((r) => r.includes(`dst = ${server.pushedRoute}`))).toBe(true);
    expect(ip4.get('IP4.DNS')).toContain(server.dns);
    expect(ip4.get('IP4.DOMAIN')).toContain(server.domain);
    // The plugin's and openvpn's syslog reach the sandbox log.
    expect(sb.readLog()).toMatch(
      /\[syslog\] .*nm-openvpn\[\d+\]: Initialization Sequence Completed/,
    );
  });

  it('connects the cert profile with no prompt, alongside the password tunnel', async () => {
    const { id } = await sb.addOpenvpnProfile('cert');
    const out = await sb.nmcli(['--ask', 'connection', 'up', id], { input: '' });
    expect(out).not.toMatch(/password/i);
    const ip4 = parseIp4(await sb.nmcli(['-t', '-f', 'IP4', 'connection', 'show', id]));
    const address = ip4.get('IP4.ADDRESS')?.[0]?.split('/')[0] ?? '';
    expect(inSubnet(address, sb.servers.cert.subnet)).toBe(true);
    const active = await sb.nmcli(['-g', 'NAME', 'connection', 'show', '--active']);
    expect(active.split('\n')).toEqual(expect.arrayContaining(['tb-password', 'tb-cert']));
  });

  it('answers the challenge server: password, then the code to its question', async () => {
    const { id } = await sb.addOpenvpnProfile('challenge');
    const { password, otp, challengeQuestion } = sb.credentials;
    const out = await sb.nmcli(['--ask', 'connection', 'up', id], {
      input: `${password}\n${otp}\n`,
    });
    expect(out).toContain(challengeQuestion);
    expect(out).toContain('successfully activated');
  });

  it('comes back after NetworkManager is killed and started again', async () => {
    await sb.stopNetworkManager('SIGKILL');
    await expect(sb.nmcli(['general', 'status'])).rejects.toThrow(/not running/);
    await sb.startNetworkManager();
    const active = await sb.nmcli(['-g', 'NAME', 'connection', 'show', '--active']);
    expect(active.split('\n')).toContain(sb.names.baseProfile);
    const all = await sb.nmcli(['-g', 'NAME', 'connection', 'show']);
    expect(all.split('\n')).toEqual(expect.arrayContaining(['tb-password', 'tb-cert']));
  });

  it('stop() leaves no namespace, process or folder behind', async () => {
    await sb.stop();
    await sb.stop(); // idempotent
    const netns = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
    expect(netns).not.toContain(sb.names.nmNetns);
    expect(netns).not.toContain(sb.names.serverNetns);
    expect(existsSync(sb.dir)).toBe(false);
    expect(commandLinesMentioning(sb.dir)).toEqual([]);
  });
});
