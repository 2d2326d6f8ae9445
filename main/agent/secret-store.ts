/**
 * Where the agent keeps the secrets a person chose to save: the user's keyring (Secret Service,
 * main/keyring/), shared with nm-applet and GNOME Shell. The agent only ever hands it agent-owned
 * secrets (flags exactly 1); never "ask every time" ones, never a one-time code.
 */

/**
 * The setting name under which an OpenConnect form's password is kept: not a setting of
 * NetworkManager's but NetworkManager-openconnect's auth dialog's own keyring schema, where that
 * dialog saves and finds them, so a password saved by either is found by the other. Its keys are
 * the plugin's `form:<form id>:<field name>`.
 */
export const OPENCONNECT_FORM_SETTING = 'openconnect-form';

export interface StoredProfile {
  uuid: string;
  /** The profile's name, for the item's label ("VPN password for <id>"). */
  id: string;
  /** `openvpn`, `wireguard` or the plugin's short name, also for the label. */
  vpnType: string;
}

export interface SecretStore {
  /**
   * Whether saving is possible at all (a keyring answers). When it is not, the store says so
   * once, as a warning, and every prompt simply asks.
   */
  available(): Promise<boolean>;
  /** The stored values among `keys` of one setting of a profile; missing ones are left out. */
  lookup(
    uuid: string,
    settingName: string,
    keys: readonly string[],
    signal?: AbortSignal,
  ): Promise<Record<string, string>>;
  /**
   * Whether a value is stored under any of `keys`, without reading one (or unlocking anything):
   * asked again for a rejected password, the prompt ticks "Save password" when one is saved.
   */
  holds(uuid: string, settingName: string, keys: readonly string[]): Promise<boolean>;
  /** Stores each value, replacing what was stored under the same key. Rejects on failure. */
  save(profile: StoredProfile, settingName: string, values: Record<string, string>): Promise<void>;
  /** Removes everything stored for a profile (it was deleted). Rejects on failure. */
  deleteAll(uuid: string): Promise<void>;
  close(): void;
}

/** No store at all (tests, or a process that must not touch the keyring): nothing is saved. */
export const NO_SECRET_STORE: SecretStore = {
  available: () => Promise.resolve(false),
  lookup: () => Promise.resolve({}),
  holds: () => Promise.resolve(false),
  save: () => Promise.reject(new Error('Tunnelbar has no secret store here.')),
  deleteAll: () => Promise.resolve(),
  close: () => undefined,
};
