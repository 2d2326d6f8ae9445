// `profile:export`: one profile to a file the person chooses. OpenVPN as a self-contained .ovpn
// (certificates and keys inline, so the file imports anywhere); WireGuard as a wg-quick .conf
// whose private key main reads from NetworkManager itself (it never passes through the
// renderer). Both hold key material, so the file is written with mode 0600. Certificates and keys
// are read bounded (read-bounded.ts), and one that would break out of its inline block is refused.

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ExportResultView } from '../../preload/library';
import { fsReason } from '../import/walk';
import { fromSettingsDict } from '../vpn/settings-dict-read';
import { exportOvpn, InlineBlockRefused } from '../vpn/openvpn/export';
import { OPENVPN_SERVICE_TYPE } from '../vpn/openvpn/keys';
import { isWireGuardProfile, type ImportedProfile } from '../vpn/profile';
import { readReferencedFile } from '../import/read-bounded';
import { exportWgQuick, type WgSecrets } from '../vpn/wireguard/export';
import { findProfile } from '../nm/actions';
import { mapArrayProp, stringProp, type SettingsDict } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import type { NmModel } from '../nm/model';
import { getSecrets, type NmCaller } from '../nm/settings-calls';
import { ovpnFileName, wgFileName } from '../vpn/export-name';
import { sentence } from '../import/window-report';
import { editorStrings as s } from '../editor/editor-strings';

type Choose = ((suggestedName: string) => Promise<string | null>) | undefined;

/** What to write: the suggested name and, once a path is known, the bytes and the warnings. */
interface Exportable {
  suggestedName: string;
  render: () => Promise<{ bytes: Buffer; warnings: string[] }>;
}

function unsupported(): TunnelbarError {
  return new TunnelbarError('export-unsupported', s.export.unsupported);
}

/** The private key and preshared keys as GetSecrets answers them (none when it refuses). */
export function wgSecretsOf(secrets: SettingsDict): WgSecrets {
  const wg = secrets.wireguard;
  const out: WgSecrets = {};
  const key = stringProp(wg, 'private-key');
  if (key !== undefined && key !== '') out['private-key'] = key;
  const peers: Record<string, string> = {};
  for (const peer of mapArrayProp(wg, 'peers')) {
    const pub = stringProp(peer, 'public-key');
    const psk = stringProp(peer, 'preshared-key');
    if (pub !== undefined && psk !== undefined && psk !== '') peers[pub] = psk;
  }
  if (Object.keys(peers).length > 0) out.peers = peers;
  return out;
}

function exportable(bus: NmCaller, path: string, profile: ImportedProfile): Exportable {
  if (isWireGuardProfile(profile)) {
    return {
      suggestedName: wgFileName(profile.connection.id, profile.connection['interface-name']),
      render: async () => {
        // Without permission to read secrets the file is written without the key, and says so.
        const secrets = await getSecrets(bus, path, 'wireguard').catch(() => ({}));
        const out = exportWgQuick(profile, wgSecretsOf(secrets));
        return { bytes: Buffer.from(out.text, 'utf8'), warnings: out.warnings };
      },
    };
  }
  if (profile.vpn['service-type'] !== OPENVPN_SERVICE_TYPE) throw unsupported();
  return {
    suggestedName: ovpnFileName(profile.connection.id),
    render: () => {
      try {
        const out = exportOvpn(profile, { inline: true, readFile: readReferencedFile });
        return Promise.resolve({ bytes: out.bytes, warnings: out.warnings });
      } catch (err) {
        if (!(err instanceof InlineBlockRefused)) throw err;
        throw new TunnelbarError('export-refused', s.export.refused(err.message));
      }
    },
  };
}

/**
 * A new file only, never through a symbolic link (O_EXCL fails on any link, dangling or not): for
 * a name Tunnelbar chose itself, where another local user may have planted a link.
 */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Writes with mode 0600; a file being replaced is emptied and made private before the keys go in.
 * With `createNew` an existing name (a link included) is refused with EEXIST.
 */
async function writePrivate(path: string, bytes: Buffer, createNew: boolean): Promise<void> {
  const handle = await open(path, createNew ? CREATE_NEW : 'w', 0o600);
  try {
    await handle.chmod(0o600);
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
}

export function fileExists(path: string): TunnelbarError {
  return new TunnelbarError('export-file-exists', s.export.fileExists(path));
}

export interface ExportCore {
  bus: NmCaller;
  model: Pick<NmModel, 'nmRunning' | 'profiles'>;
}

export interface ExportOptions {
  /** The path was not named by the person (the CLI without --output): never replace anything. */
  createNew?: boolean;
}

export async function exportProfile(
  core: ExportCore,
  uuid: string,
  choose: Choose,
  options: ExportOptions = {},
): Promise<ExportResultView | null> {
  const found = findProfile(core.model, uuid);
  const profile = fromSettingsDict(found.settings);
  if (profile === null) throw unsupported();
  const what = exportable(core.bus, found.path, profile);
  if (choose === undefined) {
    throw new TunnelbarError('export-unavailable', s.export.unavailable);
  }
  const path = await choose(what.suggestedName);
  if (path === null) return null;
  const { bytes, warnings } = await what.render();
  try {
    await writePrivate(path, bytes, options.createNew === true);
  } catch (err) {
    if (options.createNew === true && (err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw fileExists(path);
    }
    throw new TunnelbarError('export-write-failed', s.export.writeFailed(path, fsReason(err)));
  }
  return { path, warnings: warnings.map(sentence) };
}
