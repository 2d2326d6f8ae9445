import { z } from 'zod';
import { uuidSchema } from './uuid-schema';

/**
 * The profile library's part of the contract: actions over a selection of many profiles, import
 * of files the user picked or dropped (their contents travel, so the same path works in Electron
 * and in the browser harness), export of one profile to a file main writes, and certificate files.
 */

const uuid = uuidSchema;

export const selectionActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delete') }),
  /** OpenVPN's `username`, or the plugin's user-name key; '' removes it. */
  z.object({ kind: z.literal('set-username'), username: z.string().max(256) }),
  /** "Use this connection only for resources on its network" (ipv4 and ipv6 never-default). */
  z.object({ kind: z.literal('never-default'), on: z.boolean() }),
  z.object({ kind: z.literal('autoconnect'), on: z.boolean() }),
]);
export type SelectionAction = z.infer<typeof selectionActionSchema>;

export const selectionActionArgsSchema = z.object({
  uuids: z.array(uuid).min(1).max(20_000),
  action: selectionActionSchema,
});

/** What a selection action did: how many profiles it changed, and each one it could not. */
export interface SelectionResultView {
  changed: number;
  failures: { uuid: string; id: string; sentence: string }[];
}

/** One file the user picked or dropped: its path relative to what was dropped, and its bytes. */
export const droppedFileSchema = z.object({
  /** e.g. `provider/de-berlin.ovpn`; `/`-separated, no `..`, not absolute. */
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'not a relative path'),
  /** The file's content in base64 (certificates and PKCS#12 files are binary). */
  base64: z.string().max(4 * 1024 * 1024),
});
export type DroppedFile = z.infer<typeof droppedFileSchema>;

export const importFilesArgsSchema = z.object({
  files: z.array(droppedFileSchema).min(1).max(20_000),
});

/** One file's line in the import report. */
export interface ImportFileReport {
  file: string;
  status: 'added' | 'duplicate' | 'failed';
  /** The new profile (added) or the existing one it duplicates. */
  uuid: string | null;
  id: string | null;
  warnings: string[];
  repairs: string[];
  /** Why it failed, as a sentence (never a secret). */
  error: string | null;
}

export interface ImportReportView {
  total: number;
  added: number;
  duplicates: number;
  failed: number;
  /** Why the import stopped early (NetworkManager gone, permission denied), or null. */
  fatal: string | null;
  files: ImportFileReport[];
}

/** What `profile:export` answers: the file main wrote, or null when the user cancelled. */
export interface ExportResultView {
  path: string;
  warnings: string[];
}

/** A certificate or key file, as the editor shows it next to its field. */
export type CertInfoView =
  | {
      kind: 'certificate';
      subject: string;
      issuer: string;
      /** ms since epoch, of the first certificate in the file. */
      notBefore: number;
      notAfter: number;
      /** How many certificates the file holds (a CA bundle holds several). */
      count: number;
    }
  | { kind: 'private-key'; encrypted: boolean }
  | { kind: 'pkcs12' }
  | { kind: 'static-key' }
  /** A certificate revocation list (the CRL field's file). */
  | { kind: 'crl' }
  | { kind: 'unreadable'; sentence: string };

export const certStoreArgsSchema = z.object({
  /** The picked or dropped file's name, used in the stored file's name. */
  name: z.string().min(1).max(255),
  base64: z.string().max(4 * 1024 * 1024),
});

export const certInspectArgsSchema = z.object({ path: z.string().min(1).max(4096) });
