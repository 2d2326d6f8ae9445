import { execFile } from 'node:child_process';
import type { Profile } from '../nm/profile';

/** Runs a program; `missing` when it is not installed. Injected so tests need no journald. */
export type Runner = (
  file: string,
  args: readonly string[],
) => Promise<{ ok: true; stdout: string } | { ok: false; missing: boolean }>;

export const DIAGNOSTIC_LINES = 50;
/** Read this many lines before keeping only the profile's: NetworkManager logs much else. */
const SCAN_LINES = 400;

/**
 * The syslog identifiers a VPN type's plugin and helper log under (each plugin picks its own).
 * WireGuard runs in the kernel: only NetworkManager speaks about it.
 */
const IDENTIFIERS: Readonly<Record<string, readonly string[]>> = {
  openvpn: ['nm-openvpn', 'nm-openvpn-service'],
  openconnect: ['nm-openconnect', 'nm-openconnect-service', 'openconnect'],
  vpnc: ['nm-vpnc', 'nm-vpnc-service', 'vpnc'],
  l2tp: ['nm-l2tp-service', 'xl2tpd', 'pppd'],
  pptp: ['nm-pptp-service', 'pptp', 'pppd'],
  sstp: ['nm-sstp-service', 'sstpc', 'pppd'],
  strongswan: ['charon-nm'],
  fortisslvpn: ['nm-fortisslvpn-service', 'openfortivpn'],
  wireguard: [],
};

export function pluginIdentifiers(vpnType: string): readonly string[] {
  return IDENTIFIERS[vpnType] ?? [`nm-${vpnType}`, `nm-${vpnType}-service`];
}

export function journalArgs(vpnType: string): string[] {
  const ids = ['NetworkManager', ...pluginIdentifiers(vpnType)];
  return [
    '--no-pager',
    '--quiet',
    '--output=short-iso',
    '-n',
    String(SCAN_LINES),
    ...ids.flatMap((id) => ['-t', id]),
  ];
}

/**
 * Keeps the plugin's lines and those of NetworkManager's that name this profile (NetworkManager
 * tags VPN lines with `vpn[0x…,<uuid>,"<name>"]`), the last `limit` of them.
 */
export function pickLines(
  output: string,
  profile: Pick<Profile, 'uuid' | 'id'>,
  limit: number = DIAGNOSTIC_LINES,
): string[] {
  const quotedName = `"${profile.id}"`;
  const kept = output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      if (!/\sNetworkManager\[\d+\]:/.test(line)) return true;
      return line.includes(profile.uuid) || line.includes(quotedName);
    });
  return kept.slice(-limit);
}

/** The ContractServer's diagnostics source on a desktop: the journal, when there is one. */
export function journalDiagnostics(run: Runner): (profile: Profile) => Promise<string[]> {
  return async (profile) => {
    const result = await run('journalctl', journalArgs(profile.vpnType));
    // No journald, or not allowed to read it: the diagnostics view shows that there is nothing.
    if (!result.ok) return [];
    return pickLines(result.stdout, profile);
  };
}

/** The real runner: execFile with a time limit, so a stuck journal cannot hang the call. */
export const execRunner: Runner = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: 5_000, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout) => {
        if (err === null) {
          resolve({ ok: true, stdout });
          return;
        }
        resolve({ ok: false, missing: err.code === 'ENOENT' });
      },
    );
  });
