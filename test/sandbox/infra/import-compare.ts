// Reading back what an importer gave NetworkManager, for comparing Tunnelbar's import with nmcli's:
// GetSettings merged with GetSecrets, as plain JSON, without what differs by nature (the UUID)
// and with every file-valued vpn.data key replaced by the file's content, since each tool writes
// inline blocks to its own $HOME under its own names.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Variant } from 'dbus-next';
import type { NmBus } from '../../../main/nm/bus';
import type { SettingsDict } from '../../../main/nm/dbus-types';
import { IFACE, NM_SETTINGS_PATH } from '../../../main/nm/names';
import { isOpenVpnFileKey } from '../../../main/vpn/openvpn/keys';
import { utf8safeUnescape } from '../../../main/vpn/text';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A D-Bus value as JSON: variants unwrapped, byte arrays as hex, 64-bit numbers as numbers. */
export function plain(v: unknown): Json {
  if (v instanceof Variant) return plain(v.value);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString('hex');
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = plain(x);
    return out;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

function content(path: string): string {
  try {
    return `content:${readFileSync(utf8safeUnescape(path)).toString('base64')}`;
  } catch {
    return `unreadable:${path}`;
  }
}

async function call(bus: NmBus, path: string, member: string, body: unknown[] = []) {
  return bus.call({
    path,
    iface: member === 'GetConnectionByUuid' ? IFACE.settings : IFACE.settingsConnection,
    member,
    signature: body.length === 0 ? '' : 's',
    body,
  });
}

/** The profile `uuid` as NetworkManager holds it, normalised for comparison. */
export async function storedProfile(bus: NmBus, uuid: string): Promise<Record<string, Json>> {
  const [path] = await call(bus, NM_SETTINGS_PATH, 'GetConnectionByUuid', [uuid]);
  const [settings] = (await call(bus, String(path), 'GetSettings')) as [SettingsDict];
  const type: unknown = settings.connection?.type?.value;
  const secretSetting = type === 'wireguard' ? 'wireguard' : 'vpn';
  const [secrets] = (await call(bus, String(path), 'GetSecrets', [secretSetting])) as [
    SettingsDict,
  ];
  const out = plain(settings) as Record<string, Record<string, Json>>;
  const extra = plain(secrets) as Record<string, Record<string, Json>>;
  for (const [name, props] of Object.entries(extra)) {
    if (name === 'wireguard' && Array.isArray(props.peers)) {
      // GetSecrets gives the peers again, with their preshared keys: merge them by public key.
      const keys = new Map(
        props.peers.map((p) => [(p as Record<string, Json>)['public-key'], p] as const),
      );
      const peers = (out.wireguard?.peers ?? []) as Record<string, Json>[];
      out.wireguard = {
        ...out.wireguard,
        ...props,
        peers: peers.map((p) => ({ ...p, ...(keys.get(p['public-key'] ?? '') as object) })),
      };
      continue;
    }
    out[name] = { ...out[name], ...props };
  }
  if (out.connection !== undefined) {
    delete out.connection.uuid;
    delete out.connection.timestamp;
  }
  const data = out.vpn?.data;
  if (data !== undefined && data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [k, v] of Object.entries(data)) {
      if (isOpenVpnFileKey(k) && typeof v === 'string') data[k] = content(v);
    }
  }
  return out;
}

export interface NmcliImport {
  ok: boolean;
  uuid: string | null;
  output: string;
}

/** `nmcli connection import type T file F` with its own $HOME (where it writes inline blocks). */
export function nmcliImport(
  env: NodeJS.ProcessEnv,
  home: string,
  type: 'openvpn' | 'wireguard',
  file: string,
): Promise<NmcliImport> {
  return new Promise((resolve) => {
    execFile(
      'nmcli',
      ['connection', 'import', 'type', type, 'file', file],
      { env: { ...env, HOME: home }, timeout: 30_000 },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        const uuid = /\(([0-9a-f-]{36})\) successfully added/.exec(stdout)?.[1] ?? null;
        resolve({ ok: err === null && uuid !== null, uuid, output });
      },
    );
  });
}
