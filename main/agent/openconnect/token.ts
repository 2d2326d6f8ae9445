import { readFileSync } from 'node:fs';
import { SecretFlags } from '../../nm/names';
import { vpnSecretFlags } from '../secret-flags';
import type { SecretStore } from '../secret-store';
import { tokenMode } from './args';

/**
 * The profile's software token secret (`stoken_string`) and, for an HOTP token, its new counter.
 * openconnect, given the secret as `--token-secret=@file`, writes the secret back to that file
 * with the counter it moved on (`<secret>,<counter>`) each time it generates a code. The plugin's
 * auth dialog hands that new value to NetworkManager as the `stoken_string` secret; Tunnelbar
 * does the same, and keeps it in the keyring when the secret is agent-owned, so the next login
 * starts from the new counter instead of one the server has already seen.
 */

const KEY = 'stoken_string';

export interface TokenSecret {
  /** What openconnect is given (null: no software token, or none stored). */
  value: string | null;
  /** Whether the keyring holds it (flags exactly agent-owned), so Tunnelbar must save it. */
  agentOwned: boolean;
}

export async function tokenSecret(
  data: Record<string, string>,
  nmSecrets: Record<string, string>,
  lookup: { store: SecretStore; uuid: string; signal: AbortSignal },
): Promise<TokenSecret> {
  const agentOwned = vpnSecretFlags(data, KEY) === SecretFlags.agentOwned;
  if (tokenMode(data) === null) return { value: null, agentOwned };
  const given = nmSecrets[KEY];
  if (given !== undefined && given !== '') return { value: given, agentOwned };
  if (agentOwned) {
    const saved = await lookup.store.lookup(lookup.uuid, 'vpn', [KEY], lookup.signal);
    if (saved[KEY] !== undefined) return { value: saved[KEY], agentOwned };
  }
  return { value: data[KEY] ?? null, agentOwned };
}

/**
 * The token as openconnect left it in `file`, when it differs from what it was given: an HOTP
 * token whose counter moved. Null when unchanged or unreadable.
 */
export function advancedToken(file: string, given: string): string | null {
  let now: string;
  try {
    now = readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
  return now !== '' && now !== given.trim() ? now : null;
}

export const TOKEN_KEY = KEY;
