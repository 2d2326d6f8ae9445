// Certificate and key files for the editor's fields. A file the user picked or dropped is kept
// where NetworkManager-openvpn 1.10.2 reads them (~/.cert/nm-openvpn/, as its importer does), under
// a random prefix so nothing is ever overwritten (exclusive create), readable by the user only.
// Inspection reads only regular files of at most MAX_CERT_BYTES (read-bounded.ts: a FIFO would
// freeze the main process, a device is never opened) and answers what the file is, never its
// contents.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { CertInfoView } from '../../preload/library';
import { INLINE_DIR, makeCertDir } from '../import/inline-files';
import { CERT_FILE_LIMIT, FileRefused, readReferencedFile } from '../import/read-bounded';
import { TunnelbarError } from '../errors/tunnelbar-error';
import { inspectBytes } from './cert-inspect';
import { editorStrings as s } from './editor-strings';
import { importErrorStrings } from '../vpn/import-errors-strings';

/** Far above any certificate bundle or key (a few KiB to a few hundred KiB). */
export const MAX_CERT_BYTES = CERT_FILE_LIMIT.bytes;

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
    throw new TunnelbarError('cert-unreadable', s.cert.notReceived);
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
      throw new TunnelbarError('cert-empty', s.cert.empty(sanitizedCertName(name)));
    }
    if (bytes.length > MAX_CERT_BYTES) {
      throw new TunnelbarError('cert-too-large', s.cert.tooLarge(sanitizedCertName(name)));
    }
    const dir = makeCertDir(home);
    const path = join(dir, `${randomBytes(6).toString('hex')}-${sanitizedCertName(name)}`);
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    return Promise.resolve({ path, info: inspectBytes(bytes) });
  } catch (err) {
    if (err instanceof TunnelbarError) return Promise.reject(err);
    const code = (err as NodeJS.ErrnoException).code ?? s.cert.unknownError;
    return Promise.reject(
      new TunnelbarError('cert-not-stored', s.cert.notStored(join(home, INLINE_DIR), code)),
    );
  }
}

/** What the file at `path` holds, or why it cannot be read. */
export function inspectCert(path: string): Promise<CertInfoView> {
  if (!isAbsolute(path)) {
    return Promise.resolve({
      kind: 'unreadable',
      sentence: s.cert.notAbsolute,
    });
  }
  try {
    return Promise.resolve(inspectBytes(readReferencedFile(path)));
  } catch (err) {
    return Promise.resolve({ kind: 'unreadable', sentence: readFailure(err) });
  }
}

function readFailure(err: unknown): string {
  if (err instanceof FileRefused && err.reason === 'too-large') {
    return s.cert.readTooLarge;
  }
  if (err instanceof FileRefused && err.kind !== undefined) {
    return err.kind === 'folder'
      ? s.cert.folder
      : s.cert.special(importErrorStrings.file.kind[err.kind]);
  }
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return s.cert.missing;
    case 'EACCES':
    case 'EPERM':
      return s.cert.noPermission;
    case 'EISDIR':
      return s.cert.folder;
    default:
      return s.cert.unreadable(code ?? s.cert.unknownError);
  }
}
