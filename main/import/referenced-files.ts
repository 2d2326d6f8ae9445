// Which staged files the added OpenVPN profiles use (a `ca ca.crt` dropped beside the .ovpn): they
// stay in the staging folder, where the profile now points; everything else there is removed.
// The profile files are read again with the same parser, so the paths are exactly the ones the
// profile was added with.

import { join } from 'node:path';
import type { FileOutcome } from './types';
import { parseImportFile } from '../vpn/detect';
import { FILE_KEYS } from '../vpn/openvpn/keys';
import { readProfileFile, readReferencedFile } from './read-bounded';
import { utf8safeUnescape } from '../vpn/text';

/** The files the added OpenVPN profiles refer to, absolute (inside the staging folder or not). */
export function referencedFiles(dir: string, outcomes: readonly FileOutcome[]): Set<string> {
  const used = new Set<string>();
  for (const o of outcomes) {
    if (o.status !== 'added' || o.kind !== 'openvpn') continue;
    const result = parseImportFile(join(dir, o.file), readReferencedFile, readProfileFile);
    if (!result.ok || !('vpn' in result.profile)) continue;
    const data = result.profile.vpn.data;
    for (const key of FILE_KEYS) {
      const stored = data[key];
      if (stored === undefined || stored === '') continue;
      // crl-verify-file is stored as is; the other paths "utf8safe"-escaped.
      used.add(key === 'crl-verify-file' ? stored : utf8safeUnescape(stored));
    }
  }
  return used;
}
