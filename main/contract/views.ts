import { perUserSecretFlags } from '../../preload/boot-safety';
import type { ProfileView } from '../../preload/contract';
import { mapArrayProp, stringProp } from '../nm/dbus-types';
import type { Profile } from '../nm/profile';
import type { Preferences } from './preferences';

/** The first gateway of a profile, whatever its type, for search and display. */
export function profileRemote(profile: Profile): string | null {
  if (profile.vpnType === 'wireguard') {
    const [peer] = mapArrayProp(profile.settings.wireguard, 'peers');
    return stringProp(peer, 'endpoint') ?? null;
  }
  const remote = profile.data.remote ?? profile.data.gateway ?? null;
  if (remote === null) return null;
  return remote.split(/[,\s]+/)[0] ?? null;
}

export function profileView(profile: Profile, prefs: Preferences): ProfileView {
  return {
    uuid: profile.uuid,
    id: profile.id,
    vpnType: profile.vpnType,
    remote: profileRemote(profile),
    favourite: prefs.favourites.includes(profile.uuid),
    lastUsed: prefs.lastUsed[profile.uuid] ?? null,
    reconnect: prefs.reconnectProfiles[profile.uuid] ?? null,
    secretsPerUser: perUserSecretFlags(profile.data).length > 0,
  };
}
