// NetworkManager's refusal of an edit as a sentence, around the settings calls the editor makes
// (nm/settings-calls.ts): the profile's own calls (service.ts), the selection actions, the base
// connections' secondaries (base-connections.ts) and a profile's DNS routing.

import { isDBusError } from '../dbus/connection';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { editorStrings as s } from './editor-strings';

/** NetworkManager's refusal as a sentence (its texts name the property, never a secret value). */
export async function withRefusalSentence<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isDBusError(err)) {
      throw new TunnelbarError('nm-refused', s.nmRefused(err.text));
    }
    throw err;
  }
}
