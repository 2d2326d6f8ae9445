import { stringProp, type SettingsDict } from '../nm/dbus-types';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { pluginShortName } from '../nm/profile';
import { OC_SESSION_SECRET_KEYS } from '../../preload/openconnect-keys';
import { agentOwnedValues } from './secret-flags';
import { secretsOfDict } from './secret-reply';
import type { SecretStore, StoredProfile } from './secret-store';
import { errorStrings as e } from '../errors/error-strings';

/**
 * NetworkManager's SaveSecrets and DeleteSecrets, against the store. SaveSecrets comes when a
 * client (an editor, `nmcli connection modify`) sets agent-owned secrets; DeleteSecrets when a
 * profile is deleted or its secrets are cleared. Both identify the profile by connection.uuid.
 */

function storedProfile(connection: SettingsDict): StoredProfile {
  const type = stringProp(connection.connection, 'type') ?? '';
  const serviceType = stringProp(connection.vpn, 'service-type');
  return {
    uuid: stringProp(connection.connection, 'uuid') ?? '',
    id: stringProp(connection.connection, 'id') ?? '',
    vpnType: type === 'vpn' && serviceType !== undefined ? pluginShortName(serviceType) : type,
  };
}

/**
 * A login's session secrets (NetworkManager-openconnect's editor marks them not saved) are never
 * kept, even on a profile whose flags call them agent-owned: a cookie or a `resolve` pin kept would
 * be handed back to a later login that must get its own.
 */
function worthKeeping(profile: StoredProfile, setting: string, key: string): boolean {
  return !(
    profile.vpnType === 'openconnect' &&
    setting === 'vpn' &&
    OC_SESSION_SECRET_KEYS.includes(key)
  );
}

/** Stores the agent-owned secrets of `connection`; rejects when they could not be stored. */
export async function saveSecrets(connection: SettingsDict, store: SecretStore): Promise<void> {
  const profile = storedProfile(connection);
  const work: [string, Record<string, string>][] = [];
  for (const [setting, values] of Object.entries(secretsOfDict(connection))) {
    const owned = Object.fromEntries(
      Object.entries(agentOwnedValues(connection, setting, values)).filter(([key]) =>
        worthKeeping(profile, setting, key),
      ),
    );
    if (Object.keys(owned).length > 0) work.push([setting, owned]);
  }
  if (work.length === 0 || profile.uuid === '') return;
  // Refused, so that NetworkManager offers them to another agent that can keep them.
  if (!(await store.available())) throw new TunnelbarError('no-keyring', e.keyring.noneForAgent);
  for (const [setting, owned] of work) await store.save(profile, setting, owned);
}

/** Removes every saved secret of the profile `connection` names. */
export async function deleteSecrets(connection: SettingsDict, store: SecretStore): Promise<void> {
  const uuid = stringProp(connection.connection, 'uuid') ?? '';
  if (uuid !== '') await store.deleteAll(uuid);
}
