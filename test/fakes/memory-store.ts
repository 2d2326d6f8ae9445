import type { SecretStore, StoredProfile } from '../../main/agent/secret-store';

/** An in-memory store: `${uuid}/${setting}/${key}` → value. */
export class MemoryStore implements SecretStore {
  readonly items = new Map<string, string>();
  readonly lookups: string[][] = [];
  constructor(private readonly up = true) {}
  available = (): Promise<boolean> => Promise.resolve(this.up);
  lookup(uuid: string, setting: string, keys: readonly string[]): Promise<Record<string, string>> {
    this.lookups.push([...keys]);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.items.get(`${uuid}/${setting}/${key}`);
      if (value !== undefined) out[key] = value;
    }
    return Promise.resolve(out);
  }
  holds(uuid: string, setting: string, keys: readonly string[]): Promise<boolean> {
    return Promise.resolve(keys.some((key) => this.items.has(`${uuid}/${setting}/${key}`)));
  }
  save(profile: StoredProfile, setting: string, values: Record<string, string>): Promise<void> {
    for (const [k, val] of Object.entries(values))
      this.items.set(`${profile.uuid}/${setting}/${k}`, val);
    return Promise.resolve();
  }
  deleteAll: SecretStore['deleteAll'] = () => Promise.resolve();
  close = (): void => undefined;
}
