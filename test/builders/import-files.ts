// Writes a provider-style folder of .ovpn files for the import pipeline tests and the benchmark: each
// with its own server name (so none is a duplicate of another) and the sandbox's certificates
// inline, as providers ship them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pki } from '../sandbox/infra/pki';

export interface OvpnFolder {
  dir: string;
  files: string[];
}

/** A broken line: nmcli and Tunnelbar both reject `proto sctp`. */
export const BROKEN_LINE = 'proto sctp';

function block(tag: string, path: string): string {
  return `<${tag}>\n${readFileSync(path, 'utf8').trimEnd()}\n</${tag}>\n`;
}

export function fileName(index: number): string {
  return `server-${String(index).padStart(5, '0')}.ovpn`;
}

/**
 * `count` files in `dir`. The file at `brokenIndex` (if any) has BROKEN_LINE as its line
 * `brokenLine()` returns.
 */
export function writeOvpnFolder(
  dir: string,
  count: number,
  pki: Pick<Pki, 'ca' | 'clientCert' | 'clientKey' | 'tlsCrypt'>,
  brokenIndex = -1,
): OvpnFolder {
  mkdirSync(dir, { recursive: true });
  const inline = [
    block('ca', pki.ca),
    block('cert', pki.clientCert),
    block('key', pki.clientKey),
    block('tls-crypt', pki.tlsCrypt),
  ].join('');
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const head = [
      'client',
      'dev tun',
      i === brokenIndex ? BROKEN_LINE : 'proto udp',
      `remote vpn-${i}.provider.example 1194`,
      'resolv-retry infinite',
      'nobind',
      'remote-cert-tls server',
      'cipher AES-256-GCM',
      'verb 3',
    ];
    const path = join(dir, fileName(i));
    writeFileSync(path, `${head.join('\n')}\n${inline}`);
    files.push(path);
  }
  return { dir, files };
}

/** The line of BROKEN_LINE in a broken file. */
export function brokenLine(): number {
  return 3;
}
