import { Variant } from 'dbus-next';
import type { SettingsDict } from '../../main/nm/dbus-types';

/** A settings dict as plain JSON (signatures kept; BigInts and byte arrays made comparable). */
export function plainSettings(dict: SettingsDict): Record<string, Record<string, unknown>> {
  const plain = (value: unknown): unknown => {
    if (value instanceof Variant) return { sig: value.signature, value: plain(value.value) };
    if (typeof value === 'bigint') return `${value.toString()}n`;
    if (Buffer.isBuffer(value)) return value.toString('hex');
    if (Array.isArray(value)) return value.map(plain);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    }
    return value;
  };
  return plain(dict) as Record<string, Record<string, unknown>>;
}
