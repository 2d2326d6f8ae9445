import type { Variant } from 'dbus-next';

/** `a{sv}`: a property map as dbus-next gives it (every value a Variant). */
export type VariantMap = Record<string, Variant>;

/** `a{sa{sv}}`: a NetworkManager settings dictionary, setting name → property → value. */
export type SettingsDict = Record<string, VariantMap>;

/** `a{oa{sa{sv}}}`: what ObjectManager.GetManagedObjects returns, path → interface → properties. */
export type ManagedObjects = Record<string, Record<string, VariantMap>>;

/** The unwrapped value of one property, or undefined when it is missing. */
export function variantValue(map: VariantMap | undefined, key: string): unknown {
  const v = map?.[key];
  return v === undefined ? undefined : (v.value as unknown);
}

export function stringProp(map: VariantMap | undefined, key: string): string | undefined {
  const v = variantValue(map, key);
  return typeof v === 'string' ? v : undefined;
}

export function numberProp(map: VariantMap | undefined, key: string): number | undefined {
  const v = variantValue(map, key);
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

export function boolProp(map: VariantMap | undefined, key: string): boolean | undefined {
  const v = variantValue(map, key);
  return typeof v === 'boolean' ? v : undefined;
}

export function stringArrayProp(map: VariantMap | undefined, key: string): string[] {
  const v = variantValue(map, key);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** `aa{sv}` values such as AddressData and RouteData. */
export function mapArrayProp(map: VariantMap | undefined, key: string): VariantMap[] {
  const v = variantValue(map, key);
  return Array.isArray(v) ? (v as VariantMap[]) : [];
}

/** `a{ss}` values such as vpn.data. */
export function stringMapProp(map: VariantMap | undefined, key: string): Record<string, string> {
  const v = variantValue(map, key);
  if (v === null || typeof v !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val === 'string') out[k] = val;
  }
  return out;
}
