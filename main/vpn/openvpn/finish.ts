// What NetworkManager-openvpn's importer does after the last line: key directions, the checks that
// reject a file as a whole, the connection type, the default secret flags and which inline blocks
// survive. The checks read referenced files the way the C code does, including its quirks:
// is_pkcs12() gets the stored (escaped) path; a file that does not exist yet, such as an inline
// block's target, is neither PKCS#12 nor encrypted; and the key is only examined for encryption in
// client mode without PKCS#12 (so a PKCS#12 or static-key profile never gets cert-pass-flags).

import { isEncryptedKey, isPkcs12 } from './cert-files';
import { FILE_KEYS, INLINE_TAGS, type OpenVpnFileKey } from './keys';
import { inlinePlaceholder, type OvpnState } from './state';
import type { InlineFile } from '../result';
import { utf8safeUnescape } from '../text';
import { importErrorStrings as m } from '../import-errors-strings';

export interface Finished {
  connectionType: string;
  inlineFiles: InlineFile[];
}

function fileIsPkcs12(st: OvpnState, path: string | undefined): boolean {
  if (path === undefined) return false;
  const bytes = st.tryRead(path);
  return bytes !== null && isPkcs12(bytes);
}

/** The first line holding one of the directives, for pointing at the culprit. */
function firstLineOf(st: OvpnState, names: string[]): number | null {
  for (const [line, name] of st.directiveAt) if (names.includes(name)) return line;
  return null;
}

const invalid = (why: string): string => m.ovpn.invalid(why);

/** Completes the state; returns the error nmcli gives for the whole file, or the results. */
export function finish(st: OvpnState): Finished | { error: string; line: number | null } {
  if (st.allowSecretDir && st.secretDirection !== null) {
    st.set('static-key-direction', st.secretDirection, st.keyLines['static-key'] ?? 0);
  }
  if (st.allowTaDir && st.taDirection !== null) {
    st.set('ta-dir', st.taDirection, st.keyLines.ta ?? 0);
  }
  if (!st.haveClient && !st.haveSk) {
    return { error: invalid(m.ovpn.noClientOrSecret), line: null };
  }
  if (!st.haveRemote) return { error: invalid(m.ovpn.missingDirective('remote')), line: null };

  let keyPath: string | undefined;
  if (st.haveClient && st.havePkcs12) {
    if (st.haveCert || st.haveKey) {
      return {
        error: invalid(m.ovpn.pkcs12WithCert),
        line: firstLineOf(st, ['cert', 'key', '<cert>', '<key>']),
      };
    }
    if (st.haveCa && fileIsPkcs12(st, st.data.ca)) {
      return { error: invalid(m.ovpn.notPkcs12('ca')), line: st.keyLines.ca ?? null };
    }
  } else if (st.haveClient) {
    if (!st.haveCa) return { error: invalid(m.ovpn.missingDirective('ca')), line: null };
    if (st.haveCert !== st.haveKey) {
      return {
        error: invalid(m.ovpn.certWithoutKey),
        line: st.keyLines.cert ?? st.keyLines.key ?? null,
      };
    }
    if (fileIsPkcs12(st, st.data.cert)) {
      return {
        error: invalid(m.ovpn.notPkcs12('cert')),
        line: st.keyLines.cert ?? null,
      };
    }
    keyPath = st.data.key;
    if (fileIsPkcs12(st, keyPath)) {
      return { error: invalid(m.ovpn.notPkcs12('key')), line: st.keyLines.key ?? null };
    }
  }

  let connectionType = 'tls';
  if (st.havePass) {
    if (st.haveCert || st.havePkcs12) connectionType = 'password-tls';
    else if (st.haveCa) connectionType = 'password';
  } else if (!st.haveCert && !st.havePkcs12 && st.haveSk) connectionType = 'static-key';
  st.set('connection-type', connectionType, 0);

  if (st.havePass) st.set('password-flags', '1', 0);
  if ((st.haveKey || st.havePkcs12) && keyPath !== undefined) {
    const bytes = st.tryRead(utf8safeUnescape(keyPath));
    if (bytes !== null && isEncryptedKey(bytes)) st.set('cert-pass-flags', '1', 0);
  }
  return { connectionType, inlineFiles: collectInlineFiles(st) };
}

/** The blocks whose value survived to the end ("the latest cert wins"); their keys leave vpn.data. */
function collectInlineFiles(st: OvpnState): InlineFile[] {
  const files: InlineFile[] = [];
  for (const blob of [...st.blobs.values()].sort((a, b) => a.line - b.line)) {
    const placeholder = inlinePlaceholder(blob.tag);
    const candidates: readonly OpenVpnFileKey[] =
      blob.tag === 'pkcs12' ? ['ca', 'cert', 'key'] : [INLINE_TAGS[blob.tag]];
    const dataKeys = candidates.filter((k) => st.data[k] === placeholder);
    if (dataKeys.length === 0) continue;
    files.push({ tag: blob.tag, dataKeys, content: blob.content, line: blob.line });
  }
  for (const key of FILE_KEYS) {
    if (st.data[key]?.startsWith('\0') === true) Reflect.deleteProperty(st.data, key);
  }
  return files;
}
