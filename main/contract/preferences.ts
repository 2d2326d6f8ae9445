import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * What Tunnelbar remembers of its own (never a secret): favourites, last use, autostart, and
 * whether to bring dropped VPNs back: the app's choice, and each profile's own where it has one.
 */
const preferencesSchema = z.object({
  favourites: z.array(z.string()).default([]),
  lastUsed: z.record(z.string(), z.number()).default({}),
  autostart: z.boolean().default(false),
  reconnect: z.boolean().default(true),
  reconnectProfiles: z.record(z.string(), z.boolean()).default({}),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** Whether a dropped tunnel of this profile is brought back: its own choice, else the app's. */
export function reconnectEnabled(prefs: Preferences, uuid: string): boolean {
  return prefs.reconnectProfiles[uuid] ?? prefs.reconnect;
}

export function defaultPreferencesPath(): string {
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'tunnelbar', 'preferences.json');
}

/** A small JSON file, written atomically; a damaged file is set aside rather than lost. */
export class PreferencesStore {
  private value: Preferences;

  constructor(private readonly path: string = defaultPreferencesPath()) {
    this.value = this.read();
  }

  get(): Preferences {
    return this.value;
  }

  update(change: (current: Preferences) => Preferences): Preferences {
    this.value = change(this.value);
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.value, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    return this.value;
  }

  private read(): Preferences {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return preferencesSchema.parse({});
    }
    const parsed = preferencesSchema.safeParse(safeJson(text));
    if (parsed.success) return parsed.data;
    renameSync(this.path, `${this.path}.damaged`);
    return preferencesSchema.parse({});
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
