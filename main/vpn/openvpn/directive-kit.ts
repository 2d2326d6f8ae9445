// Shared pieces of the directive handlers: the context they get, and factories for the many
// directives that follow one simple pattern (a flag, an integer in a range, a UTF-8 word, a choice).

import { openVpnIntRange } from '../../../preload/openvpn-keys';
import type { OpenVpnDataKey } from './keys';
import { checkCount, checkInt, checkUtf8, type OvpnState } from './state';
import { importErrorStrings as m } from '../import-errors-strings';

export interface DirectiveContext {
  st: OvpnState;
  line: number;
  warn: (message: string, harmless?: boolean) => void;
  repair: (message: string) => void;
}

export type Handler = (p: readonly string[], c: DirectiveContext) => string | null;

export const PROTOCOLS = [
  'udp',
  'udp4',
  'udp6',
  'tcp',
  'tcp4',
  'tcp6',
  'tcp-client',
  'tcp4-client',
  'tcp6-client',
];

/** A directive with no arguments that sets `key=yes`. */
export const flag =
  (key: OpenVpnDataKey): Handler =>
  (p, c) =>
    checkCount(p, 0, 0) ?? (c.st.set(key, 'yes', c.line), null);

/**
 * The range the importer takes for an integer key: the plugin's (preload/openvpn-keys.ts), with the
 * importer's own lower bound where it has one (`tun-mtu` and `fragment` stop at 0xffff).
 */
export function importRange(key: OpenVpnDataKey): readonly [bigint, bigint] {
  const range = openVpnIntRange(key);
  if (range === undefined) throw new Error(`${key} is not an integer key`);
  return [BigInt(range.min), BigInt(range.importMax ?? range.max)];
}

/** A directive with one integer argument within the key's import range, stored under `key`. */
export const integer = (key: OpenVpnDataKey): Handler => {
  const [min, max] = importRange(key);
  return (p, c) => {
    const n = checkCount(p, 1, 1);
    if (n !== null) return n;
    const v = checkInt(p, 1, min, max);
    if (!v.ok) return v.error;
    c.st.set(key, v.value.toString(), c.line);
    return null;
  };
};

/** A directive with one non-empty UTF-8 argument, stored as is under `key`. */
export const text =
  (key: OpenVpnDataKey): Handler =>
  (p, c) => {
    const e = checkCount(p, 1, 1) ?? checkUtf8(p, 1);
    if (e !== null) return e;
    c.st.set(key, p[1] ?? '', c.line);
    return null;
  };

/** A directive with one argument out of a fixed list, stored as is under `key`. */
export const choice =
  (key: OpenVpnDataKey, allowed: readonly string[]): Handler =>
  (p, c) => {
    const n = checkCount(p, 1, 1);
    if (n !== null) return n;
    const v = p[1] ?? '';
    if (!allowed.includes(v)) {
      return m.ovpn.accepts(p[0] ?? '', allowed.map((a) => `"${a}"`).join(', '), v);
    }
    c.st.set(key, v, c.line);
    return null;
  };
