// parseOvpn(): an OpenVPN client configuration → the profile `nmcli connection import type openvpn`
// creates with NetworkManager-openvpn 1.10.2, plus a warning for every line nmcli drops silently and
// a note for every repair (repairs.ts). Pure: referenced files are read through the injected
// readFile, and inline blocks are returned for the caller to write (inline-files.ts).

import { dirname, basename } from 'node:path';
import { isInlineTag, OPENVPN_SERVICE_TYPE, type InlineTag } from './keys';
import { blockTag, OvpnLines } from './tokenizer';
import { inlinePlaceholder, OvpnState } from './state';
import type { DirectiveContext } from './directive-kit';
import { DIRECTIVES } from './directives';
import { handleRoute } from './route';
import { ignoredDirective } from './ignored';
import { endsMaterial, isShowableName, NOT_SHOWN } from './unshown';
import { recheckStubV2 } from './repairs';
import { finish } from './finish';
import { fillCredential } from './credential';
import { checkReferencedFiles } from './files-check';
import type { OpenVpnProfile } from '../profile';
import { refuseFile, type ImportResult, type ReadFile } from '../result';
import { decodeBytes, encodeBytes } from '../text';
import { isEncryptedKey } from './cert-files';
import { importErrorStrings as m } from '../import-errors-strings';

export interface OvpnParseOptions {
  /** The file's name or path; its base name without the last extension becomes connection.id. */
  fileName: string;
  /** The folder relative paths are resolved against; by default the folder of fileName. */
  dir?: string;
  /** Reads referenced files (certificates, keys, proxy auth files); throws when it cannot. */
  readFile: ReadFile;
}

/** connection.id as the plugin derives it: the base name, cut at its last dot. */
export function idFromFileName(fileName: string): string {
  const base = basename(fileName);
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? base.slice(0, dot) : base;
}

/** The folder the plugin resolves relative paths against (g_get_current_dir() for a relative file). */
function defaultDir(fileName: string): string {
  const d = dirname(fileName);
  return fileName.startsWith('/') ? d : `${process.cwd().replace(/\/+$/, '')}/${d}`;
}

function decodePkcs12(text: string): Buffer {
  return Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
}

export function parseOvpn(
  input: string | Uint8Array,
  options: OvpnParseOptions,
): ImportResult<OpenVpnProfile> {
  const file = options.fileName;
  const fail = refuseFile(file);
  const id = idFromFileName(file);
  if (id === '') return fail(null, m.ovpn.emptyName);
  const text = typeof input === 'string' ? input : decodeBytes(input);
  const st = new OvpnState(options.dir ?? defaultDir(file), options.readFile);
  const lines = new OvpnLines(text);

  // The last line not quoted back (unshown.ts), and the line of the directive before this one.
  let unshownRunEnd = -1;
  let previousLine = 0;
  for (let entry = lines.next(); entry !== null; entry = lines.next()) {
    if (entry.kind === 'error') return fail(entry.line, entry.message);
    const { line, params } = entry;
    const continuesRun = unshownRunEnd === previousLine;
    previousLine = line;
    const name = params[0] ?? '';
    st.directiveAt.set(line, name);
    const ctx: DirectiveContext = {
      st,
      line,
      warn: (message, harmless) => {
        st.warnings.push({
          line,
          directive: name,
          message,
          ...(harmless === true ? { harmless } : {}),
        });
      },
      repair: (message) => st.repairs.push({ line, directive: name, message }),
    };
    const handler = Object.hasOwn(DIRECTIVES, name) ? DIRECTIVES[name] : undefined;
    if (handler !== undefined) {
      const error = handler(params, ctx);
      if (error !== null) return fail(line, error);
      continue;
    }
    if (name === 'route') {
      const error = handleRoute(params, ctx);
      if (error !== null) return fail(line, error);
      continue;
    }
    const tag = blockTag(name);
    if (tag !== null) {
      if (!isInlineTag(tag)) {
        return fail(line, m.ovpn.blockUnsupported(tag));
      }
      const content = lines.readBlock(tag);
      if (content === null) return fail(line, m.ovpn.blockUnclosed(tag));
      addBlob(st, tag, content, line);
      continue;
    }
    if (continuesRun || !isShowableName(name)) {
      // One note for a run of such lines (a whole pasted key), at its first line.
      if (!continuesRun) {
        st.warnings.push({ line, directive: NOT_SHOWN, message: m.ignored.unshown });
      }
      unshownRunEnd = endsMaterial(name) ? -1 : line;
      continue;
    }
    const ignored = ignoredDirective(name);
    ctx.warn(ignored.message(name), ignored.harmless);
  }

  const stub = recheckStubV2(st);
  if (stub !== null) return fail(stub.line, stub.message);
  const done = finish(st);
  if ('error' in done) return fail(done.line, done.error);
  const refused = checkReferencedFiles(st);
  if (refused !== null) return fail(refused.line, refused.error);
  for (const f of done.inlineFiles) {
    if (f.tag === 'key' && isEncryptedKey(f.content)) {
      st.warnings.push({
        line: f.line,
        directive: '<key>',
        message: m.ovpn.encryptedKey,
      });
    }
  }
  st.warnings.sort((a, b) => a.line - b.line);

  const profile: OpenVpnProfile = {
    connection: { id, type: 'vpn' },
    vpn: { 'service-type': OPENVPN_SERVICE_TYPE, data: { ...st.data }, secrets: { ...st.secrets } },
    ipv4: { method: 'auto', ...(st.routes.length > 0 ? { routes: st.routes } : {}) },
    ipv6: { method: 'auto' },
  };
  return {
    ok: true,
    profile,
    warnings: st.warnings,
    repairs: st.repairs,
    inlineFiles: done.inlineFiles,
  };
}

function addBlob(st: OvpnState, tag: InlineTag, content: string, line: number): void {
  const bytes = tag === 'pkcs12' ? decodePkcs12(content) : encodeBytes(content);
  st.blobs.set(tag, { tag, content: bytes, line });
  fillCredential(st, tag, inlinePlaceholder(tag), line, 'inline');
}
