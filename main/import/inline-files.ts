// Writing inline blocks to files. NetworkManager-openvpn 1.10.2 reads certificates from
// ~/.cert/nm-openvpn/ (the folder its importer uses, labelled for it under SELinux). nmcli names the
// files after the .ovpn file and overwrites another profile's file of the same name; Tunnelbar names
// them after the new profile's UUID and never overwrites anything (exclusive create), mode 0600.

import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenVpnProfile } from '../vpn/profile';
import type { InlineFile } from '../vpn/result';
import type { InlineTag } from '../vpn/openvpn/keys';
import { utf8safeEscape } from '../vpn/text';

export const INLINE_DIR = '.cert/nm-openvpn';

/**
 * `<home>/.cert/nm-openvpn`, made if missing with mode 0755 as the plugin's importer makes it
 * (NetworkManager's openvpn, as root, reads the files in it).
 */
export function makeCertDir(home: string): string {
  const dir = join(home, INLINE_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/** `<home>/.cert/nm-openvpn/<uuid>-<tag>.pem` (".pem" even for binary PKCS#12, as the plugin does). */
export function inlineFilePath(home: string, uuid: string, tag: InlineTag): string {
  return join(home, INLINE_DIR, `${uuid}-${tag}.pem`);
}

/**
 * Writes each block with mode 0600 and returns the paths in the same order. Missing folders are
 * created by makeCertDir. On any failure the files written so far are removed
 * before the error is thrown, so a failed import leaves nothing behind.
 */
export function writeInlineFiles(
  files: readonly InlineFile[],
  home: string,
  uuid: string,
): string[] {
  const written: string[] = [];
  if (files.length === 0) return written;
  try {
    makeCertDir(home);
    for (const f of files) {
      const path = inlineFilePath(home, uuid, f.tag);
      writeFileSync(path, f.content, { mode: 0o600, flag: 'wx' });
      written.push(path);
    }
  } catch (e) {
    removeFiles(written);
    throw e;
  }
  return written;
}

/** Removes files, ignoring the ones already gone (rollback of a failed import). */
export function removeFiles(paths: readonly string[]): void {
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

/** The profile with each inline block's keys set to its written path (stored "utf8safe"-escaped). */
export function withInlinePaths(
  profile: OpenVpnProfile,
  files: readonly InlineFile[],
  paths: readonly string[],
): OpenVpnProfile {
  const data = { ...profile.vpn.data };
  files.forEach((f, i) => {
    const path = paths[i];
    if (path === undefined) throw new Error(`no path for the inline block <${f.tag}>`);
    // The plugin stores a block's path escaped, crl-verify-file included.
    for (const key of f.dataKeys) data[key] = utf8safeEscape(path);
  });
  return { ...profile, vpn: { ...profile.vpn, data } };
}
