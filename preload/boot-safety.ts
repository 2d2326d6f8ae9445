/**
 * Whether a VPN can connect with nobody logged in: at boot, or when NetworkManager starts it with
 * a Wi-Fi or Ethernet connection ("Connect this VPN automatically with") before anyone logs in.
 * A secret kept per user (NMSettingSecretFlags AGENT_OWNED 1, or NOT_SAVED 2: asked every time)
 * can only come from a logged-in user's agent, so such a start fails with "no secrets".
 * Pure, on vpn.data: the editor reads it from its edit, main from the profile.
 */

const AGENT_OWNED = 1;
const NOT_SAVED = 2;
const NOT_REQUIRED = 4;

/** The vpn.data `<secret>-flags` keys whose secret only a logged-in user can give. */
export function perUserSecretFlags(data: Readonly<Record<string, string>>): string[] {
  return Object.entries(data)
    .filter(([key, value]) => {
      if (!key.endsWith('-flags')) return false;
      const flags = Number.parseInt(value, 10);
      if (Number.isNaN(flags) || (flags & NOT_REQUIRED) !== 0) return false;
      return (flags & (AGENT_OWNED | NOT_SAVED)) !== 0;
    })
    .map(([key]) => key)
    .sort();
}

/** The same data with those secrets stored for all users (flags 0: NetworkManager keeps them). */
export function storedForAllUsers(data: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...data };
  for (const key of perUserSecretFlags(data)) out[key] = '0';
  return out;
}
