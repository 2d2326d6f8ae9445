// The editor's calls on NetworkManager: read one profile for editing, save an edit with Update2,
// add a new profile with AddConnection2, delete one. The pure work is in apply.ts and create.ts;
// the base connections that start a VPN (their secondaries) in base-connections.ts.

import { randomUUID } from 'node:crypto';
import type { BaseConnectionView, ProfileEdit, ProfileEditView } from '../../preload/editor';
import { stringProp, type SettingsDict } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { AddConnection2Flags, Update2Flags } from '../nm/names';
import type { Profile } from '../nm/profile';
import {
  addConnection2,
  deleteConnection,
  getSecrets,
  getSettings,
  update2,
  type NmCaller,
} from '../nm/settings-calls';
import { applyEdit, editFromSettings, secretSettingToRead } from './apply';
import { applySecondaries, readConnections, revertSecondaries } from './base-connections';
import { settingsForNewProfile } from './create';
import { withRefusalSentence } from './nm-refusal';
import { baseConnectionViews, connectWithOf, secondariesChange } from './secondaries';
import { publicKeyOf } from '../vpn/wireguard/key-pair';
import { editorStrings as s } from './editor-strings';

/** The secrets NetworkManager keeps, or a refusal: saving without them would lose them. */
async function storedSecrets(bus: NmCaller, path: string, setting: string): Promise<SettingsDict> {
  try {
    return await withRefusalSentence(getSecrets(bus, path, setting));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TunnelbarError('secrets-unreadable', s.secretsUnreadable(why));
  }
}

/**
 * What "Connect this VPN automatically with" offers. `vpnPaths`: the VPNs the model holds, which
 * are not read again.
 */
export async function listBaseConnections(
  bus: NmCaller,
  vpnPaths: ReadonlySet<string> = new Set(),
): Promise<BaseConnectionView[]> {
  return baseConnectionViews(await readConnections(bus, vpnPaths));
}

/**
 * The editable view, with the base connections to choose from and those that start this VPN;
 * for WireGuard also the public key of the stored private key, if readable.
 */
export async function getProfileEdit(
  bus: NmCaller,
  profile: Profile,
  vpnPaths: ReadonlySet<string> = new Set(),
): Promise<ProfileEditView> {
  const connections = await readConnections(bus, vpnPaths);
  const edit = {
    ...editFromSettings(profile.settings),
    connectWith: connectWithOf(connections, profile.uuid),
  };
  let publicKey: string | null = null;
  if (edit.vpn.kind === 'wireguard') {
    // Best effort: without permission to read secrets the editor shows no public key.
    const empty: SettingsDict = {};
    const secrets = await getSecrets(bus, profile.path, 'wireguard').catch(() => empty);
    const key = stringProp(secrets.wireguard, 'private-key');
    publicKey = key === undefined ? null : publicKeyOf(key);
  }
  return { uuid: profile.uuid, edit, publicKey, baseConnections: baseConnectionViews(connections) };
}

/** Writes to disk what differs between base and edit, on the settings NetworkManager has now. */
export async function saveProfileEdit(
  bus: NmCaller,
  profile: Profile,
  base: ProfileEdit,
  edit: ProfileEdit,
  pushed: readonly string[] = [],
): Promise<void> {
  const current = await withRefusalSentence(getSettings(bus, profile.path));
  const setting = secretSettingToRead(edit);
  // A new secret makes Update2 replace every secret (reference §2.3): send the stored ones too.
  const stored = setting === null ? {} : await storedSecrets(bus, profile.path, setting);
  const settings = applyEdit(current, base, edit, stored, pushed);
  // The bases first, so a refusal there leaves the profile as it was; they are put back if the
  // profile's own update is refused, so a failed save changes nothing.
  const change = secondariesChange(base.connectWith, edit.connectWith);
  await applySecondaries(bus, profile.uuid, change);
  try {
    await withRefusalSentence(update2(bus, profile.path, settings, Update2Flags.toDisk));
  } catch (err) {
    await revertSecondaries(bus, profile.uuid, change);
    throw err;
  }
}

export async function createProfile(bus: NmCaller, edit: ProfileEdit): Promise<string> {
  const uuid = randomUUID();
  const settings = settingsForNewProfile(edit, uuid);
  // NetworkManager takes the uuid of a profile still to come in secondaries; as when saving,
  // the bases go first and are put back if the profile is refused.
  const change = secondariesChange([], edit.connectWith);
  await applySecondaries(bus, uuid, change);
  try {
    await withRefusalSentence(addConnection2(bus, settings, AddConnection2Flags.toDisk));
  } catch (err) {
    await revertSecondaries(bus, uuid, change);
    throw err;
  }
  return uuid;
}

export async function deleteProfile(bus: NmCaller, profile: Profile): Promise<void> {
  await withRefusalSentence(deleteConnection(bus, profile.path));
}
