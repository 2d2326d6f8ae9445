// The state the OpenVPN importer builds while it reads a file, and the argument checks every
// directive shares. Error texts name the directive and the argument; the caller adds file and line.

import { hasInvalidUtf8 } from '../text';
import { parseInt64 } from '../numbers';
import { FileRefused } from '../file-refused';
import type { ImportNote, ReadFile, ReadOptions } from '../result';
import type { IpRoute } from '../profile';
import type { InlineTag, OpenVpnDataKey } from './keys';
import { importErrorStrings as m } from '../import-errors-strings';

export interface Blob {
  tag: InlineTag;
  content: Buffer;
  line: number;
}

/** Marks a vpn.data value that an inline block will fill. NUL never occurs in a parsed value. */
export function inlinePlaceholder(tag: InlineTag): string {
  return `\0inline:${tag}`;
}

export class OvpnState {
  /** vpn.data; only keys NetworkManager-openvpn 1.10.2 knows can be set (see set()). */
  readonly data: Partial<Record<OpenVpnDataKey, string>> = {};
  readonly secrets: Record<string, string> = {};
  readonly routes: IpRoute[] = [];
  /** The line that last set each vpn.data key, for warnings about the file it names. */
  readonly keyLines: Record<string, number> = {};
  /** The directive on each line that held one, for reports. */
  readonly directiveAt = new Map<number, string>();
  readonly blobs = new Map<InlineTag, Blob>();
  readonly warnings: ImportNote[] = [];
  readonly repairs: ImportNote[] = [];

  haveClient = false;
  haveRemote = false;
  havePass = false;
  haveSk = false;
  haveCert = false;
  haveKey = false;
  haveCa = false;
  havePkcs12 = false;
  allowTaDir = false;
  allowSecretDir = false;
  taDirection: string | null = null;
  secretDirection: string | null = null;
  /** The line of a `compress stub-v2` that was dropped, re-checked once the device type is known. */
  stubV2Line: number | null = null;

  constructor(
    readonly dir: string,
    readonly readFile: ReadFile,
  ) {}

  /** nm_setting_vpn_add_data_item(): empty or non-UTF-8 values are refused (silently, as in C). */
  set(key: OpenVpnDataKey, value: string, line: number): void {
    if (value === '' || hasInvalidUtf8(value)) return;
    this.data[key] = value;
    this.keyLines[key] = line;
  }

  /** For values that are stored "utf8safe"-escaped, which are always accepted. */
  setRaw(key: OpenVpnDataKey, value: string, line: number): void {
    if (value === '') return;
    this.data[key] = value;
    this.keyLines[key] = line;
  }

  private readonly cache = new Map<string, Buffer | FileRefused | null>();

  private static cacheKey(path: string, options: ReadOptions): string {
    return options.noFollow === true ? `\0nofollow\0${path}` : path;
  }

  private read(path: string, options: ReadOptions): Buffer | FileRefused | null {
    const key = OvpnState.cacheKey(path, options);
    let v = this.cache.get(key);
    if (v === undefined) {
      try {
        v = this.readFile(path, options);
      } catch (err) {
        // A FileRefused is kept to say why (a FIFO, a device, too large); anything else is "missing".
        v = err instanceof FileRefused ? err : null;
      }
      this.cache.set(key, v);
    }
    return v;
  }

  /** The bytes of a referenced file, or null when it cannot be read. Read once per path. */
  tryRead(path: string, options: ReadOptions = {}): Buffer | null {
    if (path.startsWith('\0')) return null;
    const v = this.read(path, options);
    return v instanceof Buffer ? v : null;
  }

  /** Why tryRead() gave null for a path, when the reader said (see read-bounded.ts). */
  refusal(path: string, options: ReadOptions = {}): FileRefused | null {
    if (path.startsWith('\0')) return null;
    const v = this.read(path, options);
    return v instanceof FileRefused ? v : null;
  }
}

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };

/** The number of arguments (after the directive) must be within [min, max]. */
export function checkCount(p: readonly string[], min: number, max: number): string | null {
  const n = p.length - 1;
  if (n >= min && n <= max) return null;
  const name = p[0] ?? '';
  if (min === max && min === 0) return m.ovpn.noArguments(name);
  if (min === max) return m.ovpn.exactArguments(name, min);
  return m.ovpn.argumentRange(name, min, max);
}

export function checkNonEmpty(p: readonly string[], i: number): string | null {
  return p[i] === '' ? m.ovpn.empty(m.argument(i, p[0] ?? '')) : null;
}

export function checkUtf8(p: readonly string[], i: number): string | null {
  const empty = checkNonEmpty(p, i);
  if (empty !== null) return empty;
  return hasInvalidUtf8(p[i] ?? '') ? m.ovpn.notUtf8(m.argument(i, p[0] ?? '')) : null;
}

export function checkInt(p: readonly string[], i: number, min: bigint, max: bigint): Check<bigint> {
  const v = parseInt64(p[i] ?? '', 10, min, max);
  if (v !== null) return { ok: true, value: v };
  return {
    ok: false,
    error: m.ovpn.notInRange(m.argument(i, p[0] ?? ''), min, max, p[i] ?? ''),
  };
}

export function checkKeyDirection(p: readonly string[], i: number): Check<'0' | '1'> {
  const v = p[i];
  if (v === '0' || v === '1') return { ok: true, value: v };
  return {
    ok: false,
    error: m.ovpn.keyDirection(m.argument(i, p[0] ?? ''), v ?? ''),
  };
}

/** g_path_is_absolute() / g_build_filename(dir, file): joined with one "/", nothing normalized. */
export function resolvePath(dir: string, file: string): string {
  if (file.startsWith('/')) return file;
  const head = dir.replace(/\/+$/, '');
  return `${head}/${file.replace(/^\/+/, '')}`;
}
