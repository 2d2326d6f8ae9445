// Import of dropped files and export, against a real NetworkManager: a dropped folder with two
// .ovpn files using `ca ca.crt` beside them, a wg-quick .conf and a malformed file; then the
// export of an OpenVPN and a WireGuard profile, read back from the files written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../main/core';
import { exportProfile } from '../../main/export/export-profile';
import { importDroppedFiles } from '../../main/import/dropped-files';
import { parseOvpn } from '../../main/vpn/openvpn/parse';
import type { ImportReportView } from '../../preload/library';
import { startSandbox, type Sandbox } from './infra/sandbox';
import { waitFor } from './infra/wait';

let sb: Sandbox;
let core: Core;
let home = '';
let report: ImportReportView;
const progress: [number, number][] = [];

const WG_KEY = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const WG = `[Interface]\nPrivateKey = ${WG_KEY}\nAddress = 10.9.0.2/24\n\n[Peer]\nPublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\nAllowedIPs = 10.9.0.0/24\nEndpoint = 192.0.2.9:51820\n`;

function ovpn(remote: string): string {
  return `client\ndev tun\nproto udp\nremote ${remote} 1194\nauth-user-pass\nca ca.crt\ncipher AES-256-GCM\nverb 3\n`;
}

const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64');

async function vpnData(id: string): Promise<string> {
  return sb.nmcli(['-g', 'vpn.data', 'connection', 'show', id]);
}

function uuidOf(id: string): string {
  const line = report.files.find((f) => f.id === id && f.status === 'added');
  if (line?.uuid == null) throw new Error(`${id} was not added`);
  return line.uuid;
}

beforeAll(async () => {
  sb = await startSandbox();
  core = await openCore({ busAddress: sb.busAddress });
  home = mkdtempSync(join(tmpdir(), 'tunnelbar-import-files-home-'));
  const ca = readFileSync(sb.pki.ca);
  report = await importDroppedFiles(
    core,
    [
      { path: 'provider/tb-drop-de.ovpn', base64: b64(ovpn('de.provider.example')) },
      { path: 'provider/tb-drop-fr.ovpn', base64: b64(ovpn('fr.provider.example')) },
      { path: 'provider/ca.crt', base64: b64(ca) },
      { path: 'provider/tbdropwg.conf', base64: b64(WG) },
      { path: 'provider/tb-drop-broken.ovpn', base64: b64('client\nproto sctp\n') },
    ],
    home,
    (done, total) => progress.push([done, total]),
  );
});

afterAll(async () => {
  await (core as Core | undefined)?.close();
  await (sb as Sandbox | undefined)?.stop();
  if (home !== '') rmSync(home, { recursive: true, force: true });
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail')
    console.log(`--- sandbox log ---\n${sb.readLog().slice(-4000)}`);
});

describe('importing dropped files', () => {
  it('adds three profiles and reports the malformed file with its sentence', async () => {
    expect(report).toMatchObject({ total: 4, added: 3, duplicates: 0, failed: 1, fatal: null });
    const broken = report.files.find((f) => f.status === 'failed');
    expect(broken?.file).toBe('provider/tb-drop-broken.ovpn');
    expect(broken?.error).toMatch(/^provider\/tb-drop-broken\.ovpn:2: .*sctp/);
    const ids = (await sb.nmcli(['-g', 'NAME', 'connection', 'show'])).split('\n');
    expect(ids).toEqual(expect.arrayContaining(['tb-drop-de', 'tb-drop-fr', 'tbdropwg']));
    expect(ids).not.toContain('tb-drop-broken');
    expect(progress.at(0)).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
  });

  it('keeps ca.crt where the profiles point, with its bytes, and removes the profile files', async () => {
    const data = await vpnData('tb-drop-de');
    const ca = /(?:^|,)\s*ca\s*=\s*([^,]+)/.exec(data)?.[1]?.trim();
    expect(ca).toBeDefined();
    expect(ca?.startsWith(join(home, '.cert/nm-openvpn/import-'))).toBe(true);
    expect(readFileSync(ca ?? '').equals(readFileSync(sb.pki.ca))).toBe(true);
    expect(statSync(ca ?? '').mode & 0o777).toBe(0o600);
    expect(await vpnData('tb-drop-fr')).toContain(`ca = ${ca ?? ''}`);
    const folder = join(ca ?? '', '..');
    expect(readdirSync(folder)).toEqual(['ca.crt']);
  });
});

describe('exporting', () => {
  it('writes an OpenVPN profile that parses back to the same settings', async () => {
    const uuid = uuidOf('tb-drop-de');
    await waitFor('the model to hold the import', () =>
      core.model.profiles().some((p) => p.uuid === uuid),
    );
    const out = join(home, 'export');
    const result = await exportProfile(core, uuid, (name) => {
      expect(name).toBe('tb-drop-de.ovpn');
      return Promise.resolve(`${out}.ovpn`);
    });
    expect(result?.path).toBe(`${out}.ovpn`);
    expect(statSync(`${out}.ovpn`).mode & 0o777).toBe(0o600);
    const readFile = (p: string): Buffer => readFileSync(p);
    const text = readFileSync(`${out}.ovpn`);
    const again = parseOvpn(text, { fileName: 'tb-drop-de.ovpn', dir: home, readFile });
    if (!again.ok) throw new Error(again.error.message);
    // The same settings; the CA now travels inside the file, with the same bytes.
    const stored = core.model.profiles().find((p) => p.uuid === uuid);
    const withoutCa = (data: Record<string, string>): Record<string, string> =>
      Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'ca'));
    expect(withoutCa(again.profile.vpn.data)).toEqual(withoutCa(stored?.data ?? {}));
    expect(
      again.inlineFiles.map((f) => [f.tag, f.content.equals(readFileSync(sb.pki.ca))]),
    ).toEqual([['ca', true]]);
  });

  it('writes a WireGuard profile as wg-quick, mode 0600, with the private key', async () => {
    const uuid = uuidOf('tbdropwg');
    await waitFor('the model to hold the import', () =>
      core.model.profiles().some((p) => p.uuid === uuid),
    );
    const result = await exportProfile(core, uuid, (name) => Promise.resolve(join(home, name)));
    expect(result?.path).toBe(join(home, 'tbdropwg.conf'));
    expect(statSync(join(home, 'tbdropwg.conf')).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(home, 'tbdropwg.conf'), 'utf8');
    expect(text).toContain(`PrivateKey = ${WG_KEY}`);
    expect(text).toContain('Endpoint = 192.0.2.9:51820');
    expect(existsSync(join(home, 'tbdropwg.conf'))).toBe(true);
  });
});
