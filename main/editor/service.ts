// The editor's calls on NetworkManager: read one profile for editing, save an edit with Update2,
// add a new profile with AddConnection2, delete one. The pure work is in apply.ts and create.ts.

import { randomUUID } from 'node:crypto';
import { DBusError } from 'dbus-next';
import type { ProfileEdit, ProfileEditView } from '../../preload/editor';
import type { CallOptions } from '../nm/bus';
import { stringProp, type SettingsDict } from '../nm/dbus-types';
import { TunnelbarError } from '../nm/errors';
import { IFACE, NM_SETTINGS_PATH } from '../nm/names';
import type { Profile } from '../nm/profile';
import { applyEdit, editFromSettings, secretSettingToRead } from './apply';
import { settingsForNewProfile } from './create';
import { publicKeyOf } from './wg-keys';

export interface EditorBus {
  call(opts: CallOptions): Promise<unknown[]>;
}

/** NMSettingsUpdate2Flags / AddConnection2Flags TO_DISK. */
const TO_DISK = 0x1;

function onConnection(
  path: string,
  member: string,
  signature?: string,
  body?: unknown[],
): CallOptions {
  return { path, iface: IFACE.settingsConnection, member, signature, body };
}

/** NetworkManager's refusal as a sentence (its texts name the property, never a secret value). */
async function nm<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof DBusError) {
      throw new TunnelbarError('nm-refused', `NetworkManager refused the change: ${err.text}`);
    }
    throw err;
  }
}

async function getSettings(bus: EditorBus, path: string): Promise<SettingsDict> {
  const [settings] = await nm(bus.call(onConnection(path, 'GetSettings')));
  return settings as SettingsDict;
}

async function getSecrets(bus: EditorBus, path: string, setting: string): Promise<SettingsDict> {
  const [secrets] = await nm(bus.call(onConnection(path, 'GetSecrets', 's', [setting])));
  return secrets as SettingsDict;
}

/** The secrets NetworkManager keeps, or a refusal: saving without them would lose them. */
async function storedSecrets(bus: EditorBus, path: string, setting: string): Promise<SettingsDict> {
  try {
    return await getSecrets(bus, path, setting);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TunnelbarError(
      'secrets-unreadable',
      `The stored secrets could not be read, so the new one was not saved (it would have replaced them): ${why}`,
    );
  }
}

/** The editable view; for WireGuard also the public key of the stored private key, if readable. */
export async function getProfileEdit(bus: EditorBus, profile: Profile): Promise<ProfileEditView> {
  const edit = editFromSettings(profile.settings);
  let publicKey: string | null = null;
  if (edit.vpn.kind === 'wireguard') {
    // Best effort: without permission to read secrets the editor shows no public key.
    const empty: SettingsDict = {};
    const secrets = await getSecrets(bus, profile.path, 'wireguard').catch(() => empty);
    const key = stringProp(secrets.wireguard, 'private-key');
    publicKey = key === undefined ? null : publicKeyOf(key);
  }
  return { uuid: profile.uuid, edit, publicKey };
}

/** Writes to disk what differs between base and edit, on the settings NetworkManager has now. */
export async function saveProfileEdit(
  bus: EditorBus,
  profile: Profile,
  base: ProfileEdit,
  edit: ProfileEdit,
): Promise<void> {
  const current = await getSettings(bus, profile.path);
  const setting = secretSettingToRead(edit);
  // A new secret makes Update2 replace every secret (reference §2.3): send the stored ones too.
  const stored = setting === null ? {} : await storedSecrets(bus, profile.path, setting);
  const settings = applyEdit(current, base, edit, stored);
  await nm(
    bus.call(onConnection(profile.path, 'Update2', 'a{sa{sv}}ua{sv}', [settings, TO_DISK, {}])),
  );
}

export async function createProfile(bus: EditorBus, edit: ProfileEdit): Promise<string> {
  const uuid = randomUUID();
  const settings = settingsForNewProfile(edit, uuid);
  await nm(
    bus.call({
      path: NM_SETTINGS_PATH,
      iface: IFACE.settings,
      member: 'AddConnection2',
      signature: 'a{sa{sv}}ua{sv}',
      body: [settings, TO_DISK, {}],
    }),
  );
  return uuid;
}

export async function deleteProfile(bus: EditorBus, profile: Profile): Promise<void> {
  await nm(bus.call(onConnection(profile.path, 'Delete')));
}
