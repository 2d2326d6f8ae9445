// The contract's calls on the app's settings and each profile's own preferences (favourite,
// reconnect), kept in Tunnelbar's preferences file rather than in NetworkManager.

import type { SettingsView } from '../../preload/contract';
import { omitKey } from '../../preload/mirror';
import type { SomeCallHandlers } from './call-handlers';
import type { Preferences, PreferencesStore } from './preferences';

export interface SettingsCallsContext {
  preferences: PreferencesStore;
  /** Turns login autostart on or off (the shell writes the XDG entry); absent in the harness. */
  setAutostart: ((enabled: boolean) => void) | undefined;
  /** Sends state:profiles now (a profile's favourite or reconnect choice changed). */
  profilesChanged: () => void;
}

export function settingsCalls(ctx: SettingsCallsContext) {
  const { preferences } = ctx;
  return {
    'settings:get': () => Promise.resolve(settingsView(preferences.get())),
    'settings:set': ({ autostart, reconnect }) => {
      if (autostart !== undefined) ctx.setAutostart?.(autostart);
      const prefs = preferences.update((p) => ({
        ...p,
        autostart: autostart ?? p.autostart,
        reconnect: reconnect ?? p.reconnect,
      }));
      return Promise.resolve(settingsView(prefs));
    },
    'profile:set-favourite': ({ uuid, favourite }) => {
      preferences.update((p) => ({
        ...p,
        favourites: favourite
          ? [...new Set([...p.favourites, uuid])]
          : p.favourites.filter((u) => u !== uuid),
      }));
      ctx.profilesChanged();
      return Promise.resolve(null);
    },
    'profile:set-reconnect': ({ uuid, reconnect }) => {
      preferences.update((p) => ({
        ...p,
        reconnectProfiles:
          reconnect === null
            ? omitKey(p.reconnectProfiles, uuid)
            : { ...p.reconnectProfiles, [uuid]: reconnect },
      }));
      ctx.profilesChanged();
      return Promise.resolve(null);
    },
  } satisfies SomeCallHandlers;
}

function settingsView(prefs: Preferences): SettingsView {
  return { autostart: prefs.autostart, reconnect: prefs.reconnect };
}
