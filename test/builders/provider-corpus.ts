// A scale corpus for the benchmarks: one folder tree of provider folders, each holding a
// provider's collection of .ovpn files shaped like the ones real providers ship. Generated, not
// copied: the styles below are what providers' files have in common (inline or beside-the-file
// certificates, tls-auth with a key direction or tls-crypt, a udp and a tcp file per server,
// several remotes, directives for other platforms and old clients), and a few files per provider
// are broken the way downloaded files break. Every file names its own servers, so no two are
// duplicates.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pki } from '../sandbox/infra/pki';

export interface ProviderCorpus {
  root: string;
  /** Every file written, good and broken. */
  files: number;
  /** Files both Tunnelbar and nmcli must refuse. */
  broken: number;
  providers: number;
}

type CorpusPki = Pick<Pki, 'ca' | 'clientCert' | 'clientKey' | 'tlsCrypt'>;

interface Style {
  /** Certificates inline (most providers) or as files beside the .ovpn (ca.crt, ta.key). */
  inline: boolean;
  tls: 'tls-auth' | 'tls-crypt' | 'none';
  /** Client certificate and key, or user name and password only. */
  clientCert: boolean;
  remotes: number;
  extras: readonly string[];
}

/** Directives seen in providers' files that are for other platforms, old clients or tuning. */
const EXTRA_SETS: readonly (readonly string[])[] = [
  ['persist-key', 'persist-tun', 'mute-replay-warnings', 'verb 3'],
  ['auth SHA512', 'data-ciphers AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305', 'reneg-sec 0'],
  ['ping 15', 'ping-restart 60', 'explicit-exit-notify 2', 'remote-random'],
  ['comp-lzo no', 'fast-io', 'sndbuf 524288', 'rcvbuf 524288', 'mssfix 1450'],
  ['setenv CLIENT_CERT 0', 'route-delay 2', 'tun-mtu 1500', 'auth-nocache'],
  ['cipher AES-256-CBC', 'auth SHA256', 'key-direction 1', 'resolv-retry infinite'],
];

/** How a file can arrive broken: a directive no client knows, and a truncated certificate. */
const BROKEN_LINE = 'proto sctp';

function styleOf(provider: number): Style {
  return {
    inline: provider % 5 !== 4,
    tls: (['tls-auth', 'tls-crypt', 'none'] as const)[provider % 3] ?? 'none',
    clientCert: provider % 4 !== 1,
    remotes: 1 + (provider % 3),
    extras: EXTRA_SETS[provider % EXTRA_SETS.length] ?? [],
  };
}

function block(tag: string, text: string): string {
  return `<${tag}>\n${text.trimEnd()}\n</${tag}>\n`;
}

interface Material {
  ca: string;
  cert: string;
  key: string;
  tlsKey: string;
}

function fileText(
  style: Style,
  material: Material,
  server: string,
  proto: 'udp' | 'tcp',
  broken: boolean,
): string {
  const port = proto === 'udp' ? 1194 : 443;
  const lines = [
    'client',
    'dev tun',
    broken ? BROKEN_LINE : `proto ${proto}`,
    ...Array.from({ length: style.remotes }, (_, i) => `remote ${server}-${i}.example ${port}`),
    'nobind',
    'remote-cert-tls server',
    ...(style.clientCert ? [] : ['auth-user-pass']),
    ...style.extras,
  ];
  let text = `${lines.join('\n')}\n`;
  if (style.inline) {
    text += block('ca', material.ca);
    if (style.clientCert) text += block('cert', material.cert) + block('key', material.key);
    if (style.tls === 'tls-auth') text += `key-direction 1\n${block('tls-auth', material.tlsKey)}`;
    if (style.tls === 'tls-crypt') text += block('tls-crypt', material.tlsKey);
  } else {
    text += 'ca ca.crt\n';
    if (style.clientCert) text += 'cert client.crt\nkey client.key\n';
    if (style.tls === 'tls-auth') text += 'tls-auth ta.key 1\n';
    if (style.tls === 'tls-crypt') text += 'tls-crypt ta.key\n';
  }
  return text;
}

/**
 * `providers` folders under `root` with `filesPerProvider` files each (a udp and a tcp file per
 * server), `brokenPerProvider` of them broken.
 */
export function writeProviderCorpus(
  root: string,
  pki: CorpusPki,
  providers = 50,
  filesPerProvider = 146,
  brokenPerProvider = 2,
): ProviderCorpus {
  const material: Material = {
    ca: readFileSync(pki.ca, 'utf8'),
    cert: readFileSync(pki.clientCert, 'utf8'),
    key: readFileSync(pki.clientKey, 'utf8'),
    tlsKey: readFileSync(pki.tlsCrypt, 'utf8'),
  };
  let files = 0;
  let broken = 0;
  for (let p = 0; p < providers; p++) {
    const style = styleOf(p);
    const dir = join(root, `provider-${String(p).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    if (!style.inline) {
      copyFileSync(pki.ca, join(dir, 'ca.crt'));
      copyFileSync(pki.clientCert, join(dir, 'client.crt'));
      copyFileSync(pki.clientKey, join(dir, 'client.key'));
      copyFileSync(pki.tlsCrypt, join(dir, 'ta.key'));
    }
    for (let f = 0; f < filesPerProvider; f++) {
      const proto = f % 2 === 0 ? 'udp' : 'tcp';
      const server = `p${p}-s${Math.floor(f / 2)}`;
      const isBroken = f < brokenPerProvider;
      const name = `${server}-${proto}.ovpn`;
      writeFileSync(join(dir, name), fileText(style, material, server, proto, isBroken));
      files++;
      if (isBroken) broken++;
    }
  }
  return { root, files, broken, providers };
}
