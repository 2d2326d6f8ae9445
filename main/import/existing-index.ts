// The profiles an import compares files with: those NetworkManager had when it started, and those
// the import adds as it goes (so a folder holding the same file twice gets one profile). Each is
// kept as a skeleton hash; file contents are hashed, and secrets fetched with GetSecrets, only
// for profiles whose skeleton matches a file's, and at most once each.

import type { SettingsDict } from '../nm/dbus-types';
import { fileHashes, sameFiles, secretsCovered, secretsFromDict, skeletonOf } from './dedupe';
import type { ImportedProfile } from '../vpn/profile';
import type { ReadFile } from '../vpn/result';
import { fromSettingsDict } from '../vpn/settings-dict-read';

/** A connection NetworkManager holds, as GetSettings gave it (no secrets). */
export interface ExistingProfile {
  /** Its settings object path, for GetSecrets. */
  path: string;
  uuid: string;
  id: string;
  settings: SettingsDict;
}

/** A file's content, reduced for comparison (see dedupe.ts). */
export interface ContentKey {
  skeleton: string;
  files: Record<string, string>;
  secrets: Record<string, string>;
}

export interface IndexDeps {
  readFile: ReadFile;
  /** GetSecrets of one setting of a saved profile. */
  getSecrets(path: string, setting: 'vpn' | 'wireguard'): Promise<SettingsDict>;
}

interface Entry {
  uuid: string;
  id: string;
  /** An existing profile: read lazily. null for one this run adds (its hashes are known). */
  existing: { path: string; profile: ImportedProfile } | null;
  files: Record<string, string> | null;
  secrets: Record<string, string> | null;
  /** For a profile this run adds: resolves to whether NetworkManager took it. */
  added: Promise<boolean> | null;
}

export class DuplicateIndex {
  private readonly bySkeleton = new Map<string, Entry[]>();
  private readonly idOwners = new Map<string, string>();

  constructor(
    existing: Iterable<ExistingProfile>,
    private readonly deps: IndexDeps,
  ) {
    for (const e of existing) {
      if (!this.idOwners.has(e.id)) this.idOwners.set(e.id, e.uuid);
      const profile = fromSettingsDict(e.settings);
      if (profile === null) continue;
      this.push(skeletonOf(profile), {
        uuid: e.uuid,
        id: e.id,
        existing: { path: e.path, profile },
        files: null,
        secrets: null,
        added: null,
      });
    }
  }

  /** The UUID of a profile already named `id`, if any (NetworkManager allows several). */
  nameTakenBy(id: string): string | undefined {
    return this.idOwners.get(id);
  }

  /** A profile this run adds under `id`, for the files after it. */
  claimName(id: string, uuid: string): void {
    if (!this.idOwners.has(id)) this.idOwners.set(id, uuid);
  }

  /** A profile with the same content, or null. */
  async find(key: ContentKey): Promise<{ uuid: string; id: string } | null> {
    for (const entry of this.bySkeleton.get(key.skeleton) ?? []) {
      // One added earlier in this run and still on its way: a twin only if it gets there.
      if (entry.added !== null && !(await entry.added)) continue;
      entry.files ??= entry.existing ? fileHashes(entry.existing.profile, this.deps.readFile) : {};
      if (!sameFiles(entry.files, key.files)) continue;
      if (Object.keys(key.secrets).length > 0) {
        entry.secrets ??= await this.loadSecrets(entry);
        if (!secretsCovered(key.secrets, entry.secrets)) continue;
      }
      return { uuid: entry.uuid, id: entry.id };
    }
    return null;
  }

  /** A profile this run is adding; `added` resolves to whether NetworkManager took it. */
  remember(key: ContentKey, uuid: string, id: string, added: Promise<boolean>): void {
    this.push(key.skeleton, {
      uuid,
      id,
      existing: null,
      files: key.files,
      secrets: key.secrets,
      added,
    });
  }

  private push(skeleton: string, entry: Entry): void {
    const list = this.bySkeleton.get(skeleton);
    if (list === undefined) this.bySkeleton.set(skeleton, [entry]);
    else list.push(entry);
  }

  private async loadSecrets(entry: Entry): Promise<Record<string, string>> {
    if (entry.existing === null) return {};
    const setting = 'vpn' in entry.existing.profile ? 'vpn' : 'wireguard';
    try {
      return secretsFromDict(await this.deps.getSecrets(entry.existing.path, setting));
    } catch {
      // Secrets we may not read (agent-owned, or gone): then they cannot be shown to be equal.
      return {};
    }
  }
}
