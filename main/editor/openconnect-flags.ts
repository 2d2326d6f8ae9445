// Every OpenConnect profile Tunnelbar creates or saves has its login's session secrets (cookie,
// gateway, gwcert, resolve) marked not saved, as NetworkManager-openconnect's editor marks them.
// NetworkManager writes a secret an agent returns into the profile's keyfile in plain text when its
// flags are 0 (system-owned, what a profile made by nmcli has), so without them every login would
// leave a valid session cookie on disk.

import { OC_SESSION_SECRET_KEYS } from '../../preload/openconnect-keys';
import { SecretFlags } from '../nm/names';

const NOT_SAVED = String(SecretFlags.notSaved);

/** `data` with every session secret's flags set to not saved; null when they all are already. */
export function sessionSecretsNotSaved(
  data: Record<string, string>,
): Record<string, string> | null {
  const missing = OC_SESSION_SECRET_KEYS.filter((key) => data[`${key}-flags`] !== NOT_SAVED);
  if (missing.length === 0) return null;
  const out = { ...data };
  for (const key of missing) out[`${key}-flags`] = NOT_SAVED;
  return out;
}

/** Secrets NetworkManager holds for the profile, without one login's session secrets. */
export function withoutSessionSecrets(secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(secrets).filter(([key]) => !OC_SESSION_SECRET_KEYS.includes(key)),
  );
}
