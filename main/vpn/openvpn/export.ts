// exportOvpn(): an OpenVPN profile → .ovpn text that imports back (with parseOvpn or nmcli) to the
// same profile, apart from where certificates live. Certificates and keys are either inlined
// (<ca>...</ca>, <pkcs12> in base64) or referenced by path. The proxy password is written only to a
// separate auth file the caller asked for (mode 0600), never into the .ovpn itself. Whatever an .ovpn
// file cannot express is listed in `warnings` rather than silently lost.

import { isInlineableText, isPkcs12 } from './cert-files';
import { prefixToNetmask } from '../inet';
import type { InlineTag, OpenVpnFileKey } from './keys';
import { directiveLine, expressible } from './quote';
import { parseRemotes } from './remote';
import type { OpenVpnProfile } from '../profile';
import type { ReadFile } from '../result';
import { encodeBytes, utf8safeUnescape } from '../text';
import { simpleDirectives } from './export-simple';
import { checkOvpnExport } from './export-check';
import { importErrorStrings as m } from '../import-errors-strings';

export interface OvpnExportOptions {
  /** true: certificates and keys in inline blocks; false: referenced by their paths. */
  inline: boolean;
  /** Reads referenced files; needed to inline them and to recognise a PKCS#12 file. */
  readFile?: ReadFile;
  /** Name (relative to the .ovpn) of a proxy auth file to write the proxy user and password to. */
  proxyAuthFile?: string;
}

export interface OvpnExport {
  text: string;
  /** The text as bytes to write: a path that was not valid UTF-8 keeps its original bytes. */
  bytes: Buffer;
  /** Files to write next to the .ovpn (the proxy auth file), with mode 0600. */
  extraFiles: { name: string; content: string }[];
  /** Settings the .ovpn format cannot carry. */
  warnings: string[];
}

/**
 * A file that cannot go inline: it holds its block's closing tag, so the block would end early and
 * whatever follows in the file (`up /tmp/x.sh`, ...) would be read as directives. The file is not
 * a certificate or key as it should be; refusing is safer than referencing it by path.
 */
export class InlineBlockRefused extends Error {
  constructor(
    readonly path: string,
    readonly tag: InlineTag,
  ) {
    super(m.export.inlineRefused(path, tag));
    this.name = 'InlineBlockRefused';
  }
}

/**
 * Anywhere in the text, in any case: OpenVPN ends a block at a line starting with the tag after
 * leading spaces, but reads long lines in pieces, so a tag inside a line can start one too.
 */
function holdsClosingTag(body: string, tag: InlineTag): boolean {
  return body.toLowerCase().includes(`</${tag}>`);
}

interface FileRef {
  directive: string;
  tag: InlineTag;
  key: OpenVpnFileKey;
  extra?: string;
}

class Writer {
  readonly lines: string[] = [];
  readonly warnings: string[] = [];
  constructor(
    private readonly options: OvpnExportOptions,
    private readonly data: Readonly<Record<string, string>>,
  ) {}

  line(name: string, ...args: (string | undefined)[]): void {
    const bad = args.find((a) => a !== undefined && !expressible(a));
    if (bad !== undefined) {
      this.warnings.push(m.export.valueLeftOut(name));
      return;
    }
    this.lines.push(directiveLine(name, ...args));
  }

  read(path: string): Buffer | null {
    if (this.options.readFile === undefined) return null;
    try {
      return this.options.readFile(path);
    } catch {
      return null;
    }
  }

  /** The file a key names, as a plain path (vpn.data stores most paths escaped). */
  path(key: OpenVpnFileKey): string | undefined {
    const v = this.data[key];
    if (v === undefined || v === '') return undefined;
    return key === 'crl-verify-file' ? v : utf8safeUnescape(v);
  }

  file(ref: FileRef): void {
    const path = this.path(ref.key);
    if (path === undefined) return;
    if (this.options.inline) {
      const bytes = this.read(path);
      if (bytes !== null && ref.tag === 'pkcs12') {
        const b64 = bytes.toString('base64').replace(/.{1,64}/g, '$&\n');
        this.lines.push(`<pkcs12>\n${b64}</pkcs12>`);
        return;
      }
      if (bytes !== null && isInlineableText(bytes)) {
        const body = bytes.toString('utf8');
        if (holdsClosingTag(body, ref.tag)) throw new InlineBlockRefused(path, ref.tag);
        this.lines.push(`<${ref.tag}>\n${body}${body.endsWith('\n') ? '' : '\n'}</${ref.tag}>`);
        return;
      }
      this.warnings.push(m.export.notInlined(path, bytes !== null));
    }
    this.line(ref.directive, path, ref.extra);
  }
}

function pkcs12Path(w: Writer): string | undefined {
  const cert = w.path('cert');
  if (cert === undefined || cert !== w.path('key')) return undefined;
  const bytes = w.read(cert);
  return bytes !== null && isPkcs12(bytes) ? cert : undefined;
}

function writeFiles(w: Writer, data: Readonly<Record<string, string>>, inline: boolean): void {
  const taDir = data['ta-dir'];
  const skDir = data['static-key-direction'];
  // An inline <tls-auth> takes its direction from key-direction (the usual way). key-direction also
  // sets the static key's direction, so with a static key too, `tls-auth [inline] DIR` before the
  // block gives the direction to tls-auth alone (the block then replaces the "[inline]" file).
  const both = data['static-key'] !== undefined;
  if (inline && data.ta !== undefined && taDir !== undefined && !both) {
    w.line('key-direction', taDir);
  }
  const p12 = pkcs12Path(w);
  if (p12 !== undefined) {
    // <pkcs12> (and pkcs12 without an earlier ca) also fills ca; a different ca comes after it.
    w.file({ directive: 'pkcs12', tag: 'pkcs12', key: 'cert' });
    if (w.path('ca') !== p12) w.file({ directive: 'ca', tag: 'ca', key: 'ca' });
  } else {
    w.file({ directive: 'ca', tag: 'ca', key: 'ca' });
    w.file({ directive: 'cert', tag: 'cert', key: 'cert' });
    w.file({ directive: 'key', tag: 'key', key: 'key' });
  }
  w.file({ directive: 'extra-certs', tag: 'extra-certs', key: 'extra-certs' });
  if (inline && both && data.ta !== undefined) w.line('tls-auth', '[inline]', taDir);
  w.file({ directive: 'tls-auth', tag: 'tls-auth', key: 'ta', extra: inline ? undefined : taDir });
  w.file({ directive: 'tls-crypt', tag: 'tls-crypt', key: 'tls-crypt' });
  w.file({ directive: 'tls-crypt-v2', tag: 'tls-crypt-v2', key: 'tls-crypt-v2' });
  if (data['static-key'] !== undefined && inline) {
    // A <secret> block alone does not make NetworkManager-openvpn treat the file as a static-key
    // configuration; `secret [inline] DIR` before it does, and gives the direction (OpenVPN
    // lets the block replace the "[inline]" file).
    w.line('secret', '[inline]', skDir);
  }
  w.file({ directive: 'secret', tag: 'secret', key: 'static-key', extra: skDir });
  w.file({ directive: 'crl-verify', tag: 'crl-verify', key: 'crl-verify-file' });
  // Both keys can be set (the plugin then uses the file); both are written so both come back.
  const crlDir = data['crl-verify-dir'];
  if (crlDir !== undefined) w.line('crl-verify', crlDir, 'dir');
}

function writeProxy(
  w: Writer,
  profile: OpenVpnProfile,
  options: OvpnExportOptions,
): OvpnExport['extraFiles'] {
  const data = profile.vpn.data;
  const type = data['proxy-type'];
  const server = data['proxy-server'];
  // proxy-retry stands on its own: the importer sets it even without a proxy line.
  if (data['proxy-retry'] === 'yes') {
    w.line(type === 'socks' ? 'socks-proxy-retry' : 'http-proxy-retry');
  }
  if (type === undefined || server === undefined) return [];
  const port = data['proxy-port'] ?? (type === 'http' ? '8080' : '1080');
  const user = data['http-proxy-username'];
  const pass = profile.vpn.secrets['http-proxy-password'];
  const extra: OvpnExport['extraFiles'] = [];
  let authFile: string | undefined;
  if (user !== undefined) {
    if (options.proxyAuthFile !== undefined && pass !== undefined) {
      authFile = options.proxyAuthFile;
      extra.push({ name: authFile, content: `${user}\n${pass}\n` });
    } else {
      w.warnings.push(m.export.proxyAuth);
    }
  }
  if (type === 'http') w.line('http-proxy', server, port, authFile);
  else if (type === 'socks') {
    w.line(
      'socks-proxy',
      server,
      data['proxy-port'] !== undefined || authFile !== undefined ? port : undefined,
      authFile,
    );
  } else w.warnings.push(m.export.proxyType(type));
  return extra;
}

export function exportOvpn(profile: OpenVpnProfile, options: OvpnExportOptions): OvpnExport {
  const data = profile.vpn.data;
  const w = new Writer(options, data);
  const ctype = data['connection-type'];
  w.lines.push(`# ${profile.connection.id.replace(/[\r\n\0]/g, ' ')}, exported by Tunnelbar`);
  if (data.ca !== undefined || data['static-key'] === undefined) w.line('client');
  simpleDirectives(w, data, 'transport');
  const port = data.port;
  for (const r of parseRemotes(data.remote ?? '')) {
    w.line(
      'remote',
      r.host,
      r.port ?? (r.proto !== null ? (port ?? '1194') : undefined),
      r.proto ?? undefined,
    );
  }
  const extraFiles = writeProxy(w, profile, options);
  writeFiles(w, data, options.inline);
  const quirk =
    ctype === 'tls' && data['password-flags'] !== undefined && data['static-key'] !== undefined;
  if (ctype === 'password' || ctype === 'password-tls' || quirk) w.line('auth-user-pass');
  simpleDirectives(w, data, 'tunnel');
  for (const r of profile.ipv4.routes ?? []) {
    const gateway = r['next-hop'] ?? (r.metric !== undefined ? '0.0.0.0' : undefined);
    const metric = r.metric === undefined ? undefined : String(r.metric);
    w.line('route', r.dest, prefixToNetmask(r.prefix), gateway, metric);
  }
  reportIpSettings(w, profile);
  const text = `${w.lines.join('\n')}\n`;
  const check = checkOvpnExport(profile, text, extraFiles, options);
  return { text, bytes: encodeBytes(text), extraFiles, warnings: [...w.warnings, ...check] };
}

function reportIpSettings(w: Writer, profile: OpenVpnProfile): void {
  const { ipv4, ipv6 } = profile;
  if (ipv4['never-default'] === true) w.warnings.push(m.export.neverDefault);
  if (ipv4.dns !== undefined || ipv4['dns-search'] !== undefined) {
    w.warnings.push(m.export.ipv4Dns);
  }
  if (ipv6.routes !== undefined || ipv6.dns !== undefined || ipv6.addresses !== undefined) {
    w.warnings.push(m.export.ipv6);
  }
}

export type { Writer };
