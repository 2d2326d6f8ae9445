// Certificate and key files for the editor's fields. A file the user picked or dropped is kept
// where NetworkManager-openvpn 1.10.2 reads them (~/.cert/nm-openvpn/, as its importer does), under
// a random prefix so nothing is ever overwritten (exclusive create), readable by the user only.
// Inspection reads at most MAX_CERT_BYTES and answers what the file is, never its contents.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { CertInfoView } from '../../preload/library';
import { INLINE_DIR, makeCertDir } from '../import/inline-files';
import { TunnelbarError } from '../nm/errors';
import { inspectBytes } from './cert-inspect';

/** Far above any certificate bundle or key (a few KiB to a few hundred KiB). */
export const MAX_CERT_BYTES = 1024 * 1024;

/** The picked file's name reduced to safe characters: no folders, no hidden file, bounded. */
export function sanitizedCertName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return cleaned === '' ? 'file' : cleaned;
}

function decodeBase64(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new TunnelbarError('cert-unreadable', 'The file could not be received; choose it again.');
  }
  return Buffer.from(compact, 'base64');
}

/** Keeps the file under `<home>/.cert/nm-openvpn/` and answers its path and what it holds. */
export function storeCert(
  home: string,
  name: string,
  base64: string,
): Promise<{ path: string; info: CertInfoView }> {
  try {
    const bytes = decodeBase64(base64);
    if (bytes.length === 0) {
      throw new TunnelbarError('cert-empty', `The file “${sanitizedCertName(name)}” is empty.`);
    }
    if (bytes.length > MAX_CERT_BYTES) {
      throw new TunnelbarError(
        'cert-too-large',
        `The file “${sanitizedCertName(name)}” is larger than 1 MiB, far too large for a certificate or key; choose the right file.`,
      );
    }
    const dir = makeCertDir(home);
    const path = join(dir, `${randomBytes(6).toString('hex')}-${sanitizedCertName(name)}`);
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    return Promise.resolve({ path, info: inspectBytes(bytes) });
  } catch (err) {
    if (err instanceof TunnelbarError) return Promise.reject(err);
    const code = (err as NodeJS.ErrnoException).code ?? 'an error';
    return Promise.reject(
      new TunnelbarError(
        'cert-not-stored',
        `The file could not be kept in ${join(home, INLINE_DIR)} (${code}); check that this folder can be written.`,
      ),
    );
  }
}

/** What the file at `path` holds, or why it cannot be read. */
export async function inspectCert(path: string): Promise<CertInfoView> {
  if (!isAbsolute(path)) {
    return { kind: 'unreadable', sentence: 'Give the file’s full path, starting with /.' };
  }
  let bytes: Buffer;
  try {
    bytes = await readBounded(path);
  } catch (err) {
    return { kind: 'unreadable', sentence: readFailure((err as NodeJS.ErrnoException).code) };
  }
  if (bytes.length > MAX_CERT_BYTES) {
    return {
      kind: 'unreadable',
      sentence: 'This file is larger than 1 MiB, far too large for a certificate or key.',
    };
  }
  return inspectBytes(bytes);
}

/** At most MAX_CERT_BYTES + 1 bytes of the file (one more tells that it is too large). */
async function readBounded(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_CERT_BYTES + 1);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buf.length) break;
    }
    return buf.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function readFailure(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'There is no file at this path; check it or choose the file.';
    case 'EACCES':
    case 'EPERM':
      return 'Tunnelbar may not read this file, so it cannot show what it holds (NetworkManager may still be able to use it).';
    case 'EISDIR':
      return 'This is a folder; choose a file.';
    default:
      return `This file could not be read (${code ?? 'unknown error'}).`;
  }
}
