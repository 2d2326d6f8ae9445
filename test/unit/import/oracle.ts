// Running NetworkManager's own importers through libnm without a daemon
// (test/fixtures/import/tools/nm-import-oracle.py), and comparing their result with Tunnelbar's.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { inlineFilePath, withInlinePaths } from '../../../main/import/inline-files';
import { INLINE_TAGS } from '../../../main/vpn/openvpn/keys';
import type { ImportedProfile, IpSetting } from '../../../main/vpn/profile';
import type { ImportResult } from '../../../main/vpn/result';
import { FIXTURES } from '../../fixtures/corpus';

const PYTHON = '/usr/bin/python3';
const TAGS = Object.keys(INLINE_TAGS);
const ORACLE = join(FIXTURES, 'tools/nm-import-oracle.py');

export function oracleAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  const probe =
    "import gi; gi.require_version('NM', '1.0'); from gi.repository import NM; " +
    "i = NM.VpnPluginInfo.new_search_file(None, 'org.freedesktop.NetworkManager.openvpn'); " +
    'assert i is not None and i.load_editor_plugin() is not None';
  try {
    execFileSync(PYTHON, ['-c', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

type Json = Record<string, unknown>;
export interface OracleResult {
  file: string;
  ok: boolean;
  settings?: Record<string, Json>;
  error?: string;
}

const nonEmpty = <T>(a: T[] | undefined): T[] | undefined =>
  a === undefined || a.length === 0 ? undefined : a;

function ipFromOracle(ip: Json | undefined): Json {
  if (ip === undefined) return {};
  const routes = (ip['route-data'] as Json[] | undefined)?.map((r) => ({ ...r }));
  return {
    method: ip.method,
    addresses: nonEmpty(ip['address-data'] as Json[] | undefined),
    routes: nonEmpty(routes),
    dns: nonEmpty(ip['dns-data'] as string[] | undefined),
    'dns-search': nonEmpty(ip['dns-search'] as string[] | undefined),
    'route-table': ip['route-table'],
    'never-default': ip['never-default'],
  };
}

function ipFromProfile(ip: IpSetting): Json {
  return {
    method: ip.method,
    addresses: nonEmpty(ip.addresses),
    routes: nonEmpty(ip.routes),
    dns: nonEmpty(ip.dns),
    'dns-search': nonEmpty(ip['dns-search']),
    'route-table': ip['route-table'],
    'never-default': ip['never-default'],
  };
}

function peerView(p: Json): Json {
  const out: Json = { ...p };
  if (out['persistent-keepalive'] === 0) delete out['persistent-keepalive'];
  if (Array.isArray(out['allowed-ips']) && out['allowed-ips'].length === 0) {
    delete out['allowed-ips'];
  }
  if (out['preshared-key-flags'] === 4) delete out['preshared-key-flags'];
  return out;
}

/** The settings both sides define, as plain JSON without undefined members. */
function comparable(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

function fromOracle(s: Record<string, Json>): Json {
  const c = s.connection ?? {};
  const out: Json = { id: c.id, ifname: c['interface-name'], ipv4: ipFromOracle(s.ipv4) };
  if (s.vpn !== undefined) {
    out.data = s.vpn.data;
    out.secrets = s.vpn.secrets ?? {};
  }
  if (s.wireguard !== undefined) {
    const wg = s.wireguard;
    out.ipv6 = ipFromOracle(s.ipv6);
    out.wireguard = {
      'private-key': wg['private-key'],
      'listen-port': wg['listen-port'] === 0 ? undefined : wg['listen-port'],
      fwmark: wg.fwmark === 0 ? undefined : wg.fwmark,
      mtu: wg.mtu === 0 ? undefined : wg.mtu,
      'peer-routes': wg['peer-routes'] === false ? false : undefined,
      peers: ((wg.peers as Json[] | undefined) ?? []).map(peerView),
    };
  }
  return comparable(out);
}

function fromProfile(p: ImportedProfile): Json {
  const out: Json = {
    id: p.connection.id,
    ifname: p.connection['interface-name'],
    ipv4: ipFromProfile(p.ipv4),
  };
  if ('vpn' in p) {
    out.data = p.vpn.data;
    out.secrets = p.vpn.secrets;
  } else {
    out.ipv6 = ipFromProfile(p.ipv6);
    out.wireguard = { ...p.wireguard, peers: p.wireguard.peers.map((x) => peerView({ ...x })) };
  }
  return comparable(out);
}

export function oracleLine(o: OracleResult): number | null {
  const m = /\(line (\d+)\)$/.exec(o.error ?? '') ?? /\.conf:(\d+)/.exec(o.error ?? '');
  return m === null ? null : Number(m[1]);
}

/** Same outcome, same error line, and for a success the same settings and inline files. */
export function expectSameAsOracle(
  mine: ImportResult,
  oracle: OracleResult,
  home: string,
  id: string,
): void {
  if (!oracle.ok) {
    expect(mine.ok, `${oracle.file}: nmcli says ${oracle.error ?? ''}`).toBe(false);
    if (mine.ok) return;
    const line = oracleLine(oracle);
    // nmcli gives no line for problems of the whole file; Tunnelbar may point at the culprit.
    if (line !== null)
      expect(
        mine.error.line,
        `${oracle.file}: nmcli says ${oracle.error ?? ''}; we say ${mine.error.message}`,
      ).toBe(line);
    return;
  }
  expect(mine.ok, mine.ok ? '' : `${oracle.file}: ${JSON.stringify(mine.error)}`).toBe(true);
  if (!mine.ok || oracle.settings === undefined) return;
  expect(mine.repairs).toEqual([]);
  let profile = mine.profile;
  if ('vpn' in profile) {
    // nmcli names inline files after the .ovpn file, Tunnelbar after the profile's UUID: with the
    // id as the "UUID", the paths coincide, and the contents must match byte for byte.
    const paths = mine.inlineFiles.map((f) => inlineFilePath(home, id, f.tag));
    profile = withInlinePaths(profile, mine.inlineFiles, paths);
    mine.inlineFiles.forEach((f, i) => {
      expect(readFileSync(paths[i] ?? '')).toEqual(f.content);
    });
    const dir = join(home, '.cert/nm-openvpn');
    const written = existsSync(dir)
      ? readdirSync(dir).filter((n) => TAGS.some((t) => n === `${id}-${t}.pem`))
      : [];
    expect(written.sort()).toEqual(mine.inlineFiles.map((f) => `${id}-${f.tag}.pem`).sort());
  }
  expect(fromProfile(profile)).toEqual(fromOracle(oracle.settings));
}

/** nmcli's error is about a line Tunnelbar repairs. */
export function repairable(o: OracleResult): boolean {
  return /unsupported compress argument|vpn_gateway|net_gateway|remote_host/.test(o.error ?? '');
}

export function runOracle(args: string[], home: string): Map<string, OracleResult> {
  const out = execFileSync(PYTHON, [ORACLE, ...args], {
    env: { ...process.env, HOME: home },
    maxBuffer: 256 * 1024 * 1024,
  });
  const results = new Map<string, OracleResult>();
  for (const r of JSON.parse(out.toString('utf8')) as OracleResult[]) results.set(r.file, r);
  return results;
}
