import { Variant } from 'dbus-next';
import type { VariantMap } from '../nm/dbus-types';

/**
 * Writes each setting key whose editor field the person changed, as a Variant of `signature`
 * (pairs of the key and the field). An unchanged field leaves the key as the setting holds it.
 */
export function writeChanged<E>(
  out: VariantMap,
  base: E,
  edit: E,
  pairs: readonly (readonly [key: string, field: keyof E])[],
  signature: string,
): void {
  for (const [key, field] of pairs) {
    if (base[field] !== edit[field]) out[key] = new Variant(signature, edit[field]);
  }
}
