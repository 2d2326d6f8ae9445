import { Variant } from 'dbus-next';

/** A D-Bus variant, as settings dicts and properties carry their values: `v('s', 'office')`. */
export const v = (sig: string, value: unknown): Variant => new Variant(sig, value);
