// `tunnelbar import --dry-run` needs no NetworkManager: it parses and reports, and says that
// duplicates were not checked. Without --dry-run a missing bus is still an error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/tunnelbar';
import { capturedStreams } from '../../support/captured-streams';
import { FIXTURES } from '../../fixtures/corpus';

let folder = '';
let savedBus: string | undefined;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'tunnelbar-dry-run-'));
  savedBus = process.env.DBUS_SYSTEM_BUS_ADDRESS;
  // A bus that does not exist, as on a machine without NetworkManager (or without D-Bus).
  process.env.DBUS_SYSTEM_BUS_ADDRESS = `unix:path=${join(folder, 'no-bus')}`;
});

afterEach(() => {
  if (savedBus === undefined) delete process.env.DBUS_SYSTEM_BUS_ADDRESS;
  else process.env.DBUS_SYSTEM_BUS_ADDRESS = savedBus;
  rmSync(folder, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = capturedStreams();
  const err = capturedStreams();
  const code = await main(args, { stdout: out.output, stderr: err.output });
  return { code, stdout: out.written(), stderr: err.written() };
}

describe('import --dry-run without NetworkManager', () => {
  it('parses, reports what would be added and warns that duplicates were not checked', async () => {
    const file = join(FIXTURES, 'ovpn/inline-all.ovpn');
    const r = await run(['import', file, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${file}: would add "inline-all" (openvpn); nothing written`);
    expect(r.stdout).toMatch(/^1 file: 1 would be added$/m);
    expect(r.stderr).toContain('duplicates were not checked');
  });

  it('still reports a broken file as failed, and exits 1', async () => {
    const broken = join(folder, 'broken.ovpn');
    writeFileSync(broken, 'client\ndev tun\nproto carrier-pigeon\nremote vpn.example.net\n');
    const wg = join(FIXTURES, 'wg/wg0.conf');
    const r = await run(['import', wg, broken, '--dry-run', '--json']);
    expect(r.code).toBe(1);
    const entries = JSON.parse(r.stdout) as { ok: boolean; file: string; type?: string }[];
    expect(entries).toEqual([
      expect.objectContaining({ ok: true, file: wg, type: 'wireguard' }),
      expect.objectContaining({ ok: false, file: broken }),
    ]);
  });

  it('without --dry-run a missing bus is an error that names it', async () => {
    const r = await run(['import', join(FIXTURES, 'ovpn/inline-all.ovpn')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bus-unreachable: /);
    expect(r.stdout).toBe('');
  });
});
