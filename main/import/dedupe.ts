// What makes an imported file a duplicate of a profile: the same content. Compared are all the
// settings the file gives except connection.id (a renamed profile, or "work (1).ovpn" downloaded
// twice, is still the same VPN), the UUID, and the paths of certificate and key files, whose
// contents are compared instead (an inline <ca> equals a `ca ca.crt` with the same bytes, and
// nmcli's copy of it). Secrets the file holds must match too, so a re-issued WireGuard key is not
// mistaken for the old one. Pure, apart from reading the referenced files through `readFile`.
//
// Two steps keep it cheap for thousands of profiles: a "skeleton" hash of everything but file
// contents and secrets, computed for every profile; file contents and secrets only for the few
// whose skeleton matches.

import { createHash } from 'node:crypto';
import { stringMapProp, stringProp, mapArrayProp, type SettingsDict } from '../nm/dbus-types';
import { withInlinePaths } from './inline-files';
import { isOpenVpnFileKey } from '../vpn/openvpn/keys';
import { withoutSecrets, type ImportedProfile } from '../vpn/profile';
import type { InlineFile, ReadFile } from '../vpn/result';
import { fromSettingsDict } from '../vpn/settings-dict-read';
import { toSettingsDict } from '../vpn/settings-dict';
import { utf8safeUnescape } from '../vpn/text';

const FILE_MARK = '<file>';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * JSON with object keys sorted and absent values and empty lists dropped: GetSettings leaves out
 * what is at its default (an empty route list, for one), a parsed profile may spell it out.
 */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined || (Array.isArray(item) && item.length === 0)) continue;
      out[key] = norm(item);
    }
    return out;
  };
  return JSON.stringify(norm(value));
}

/** The skeleton hash: the profile without name, UUID, secrets, and with file paths masked. */
export function skeletonOf(profile: ImportedProfile): string {
  const bare = withoutSecrets(profile);
  const view: Record<string, unknown> = { ...bare, connection: { ...bare.connection, id: '' } };
  if ('vpn' in bare) {
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(bare.vpn.data))
      data[k] = isOpenVpnFileKey(k) ? FILE_MARK : v;
    view.vpn = { ...bare.vpn, data, secrets: {} };
  }
  return sha256(canonicalJson(view));
}

/**
 * A parsed file's profile as NetworkManager will hold it: the inline blocks' keys filled (with a
 * placeholder path, masked anyway), then through the same D-Bus dictionary and reader used for
 * existing profiles, so that both sides are spelled alike.
 */
export function asStored(profile: ImportedProfile, inline: readonly InlineFile[]): ImportedProfile {
  const filled =
    'vpn' in profile
      ? withInlinePaths(
          profile,
          inline,
          inline.map((f) => `/${f.tag}`),
        )
      : profile;
  const read = fromSettingsDict(toSettingsDict(filled, '00000000-0000-0000-0000-000000000000'));
  if (read === null) throw new Error('a profile that is neither vpn nor wireguard');
  return read;
}

function readHash(path: string, readFile: ReadFile): string {
  try {
    return sha256(readFile(path));
  } catch {
    // Two profiles naming the same missing file are alike in that.
    return `unreadable:${path}`;
  }
}

/**
 * vpn.data file key → hash of the file's content. Inline blocks not yet written are taken from
 * `inline`; other paths are read (stored "utf8safe"-escaped; crl-verify-file may be raw).
 */
export function fileHashes(
  profile: ImportedProfile,
  readFile: ReadFile,
  inline: readonly InlineFile[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!('vpn' in profile)) return out;
  for (const f of inline) for (const key of f.dataKeys) out[key] = sha256(f.content);
  for (const [key, value] of Object.entries(profile.vpn.data)) {
    if (!isOpenVpnFileKey(key) || key in out) continue;
    const unescaped = utf8safeUnescape(value);
    let hash = readHash(unescaped, readFile);
    if (hash.startsWith('unreadable:') && unescaped !== value) hash = readHash(value, readFile);
    out[key] = hash;
  }
  return out;
}

/**
 * NetworkManager keeps a secret only when its flags say neither agent-owned (0x1) nor not-saved
 * (0x2); any other it drops on saving, so an existing profile cannot show it.
 */
function stored(flags: string | number | undefined): boolean {
  return (Number(flags ?? 0) & 0x3) === 0;
}

/**
 * The secrets of a profile that NetworkManager stores, flat: `vpn.<key>`,
 * `wireguard.private-key`, `peer.<public key>` (its preshared key).
 */
export function secretsOf(profile: ImportedProfile): Record<string, string> {
  const out: Record<string, string> = {};
  if ('vpn' in profile) {
    for (const [k, v] of Object.entries(profile.vpn.secrets)) {
      if (stored(profile.vpn.data[`${k}-flags`])) out[`vpn.${k}`] = v;
    }
    return out;
  }
  const wg = profile.wireguard;
  const key = wg['private-key'];
  if (key !== undefined && stored(wg['private-key-flags'])) out['wireguard.private-key'] = key;
  for (const peer of wg.peers) {
    const psk = peer['preshared-key'];
    if (psk !== undefined && stored(peer['preshared-key-flags'])) {
      out[`peer.${peer['public-key']}`] = psk;
    }
  }
  return out;
}

/** The same, from GetSecrets' answer for the `vpn` or `wireguard` setting. */
export function secretsFromDict(dict: SettingsDict): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(stringMapProp(dict.vpn, 'secrets'))) out[`vpn.${k}`] = v;
  const key = stringProp(dict.wireguard, 'private-key');
  if (key !== undefined) out['wireguard.private-key'] = key;
  for (const peer of mapArrayProp(dict.wireguard, 'peers')) {
    const pub = stringProp(peer, 'public-key');
    const psk = stringProp(peer, 'preshared-key');
    if (pub !== undefined && psk !== undefined) out[`peer.${pub}`] = psk;
  }
  return out;
}

/** Every secret the file gives is in the existing profile, with the same value. */
export function secretsCovered(
  mine: Readonly<Record<string, string>>,
  theirs: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(mine).every(([k, v]) => theirs[k] === v);
}

export function sameFiles(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
