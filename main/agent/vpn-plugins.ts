import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a VPN plugin's `.name` file says about its auth dialog. */
export interface VpnPluginInfo {
  name: string;
  serviceType: string;
  authDialog: string | null;
  supportsExternalUi: boolean;
  supportsHints: boolean;
}

/** Where NetworkManager looks for `.name` files (the packaged folder first). */
export const DEFAULT_PLUGIN_DIRS = ['/usr/lib/NetworkManager/VPN', '/etc/NetworkManager/VPN'];

/**
 * The folders the agent reads `.name` files from: `TUNNELBAR_VPN_PLUGIN_DIRS` (colon-separated)
 * when set, for tests and unusual installs, else NetworkManager's own.
 */
export function pluginDirsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = (env.TUNNELBAR_VPN_PLUGIN_DIRS ?? '').split(':').filter((d) => d !== '');
  return dirs.length > 0 ? dirs : DEFAULT_PLUGIN_DIRS;
}

/** Parses a GLib key file into group → key → value (no locale keys, no list splitting). */
export function parseKeyFile(text: string): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const group = /^\[(.+)\]$/.exec(line);
    if (group?.[1] !== undefined) {
      current = new Map();
      groups.set(group[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || current === undefined) continue;
    current.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return groups;
}

export function parsePluginInfo(text: string): VpnPluginInfo | null {
  const groups = parseKeyFile(text);
  const main = groups.get('VPN Connection');
  const service = main?.get('service');
  if (main === undefined || service === undefined) return null;
  const gnome = groups.get('GNOME');
  return {
    name: main.get('name') ?? service,
    serviceType: service,
    authDialog: gnome?.get('auth-dialog') ?? null,
    supportsExternalUi: gnome?.get('supports-external-ui-mode') === 'true',
    supportsHints: gnome?.get('supports-hints') === 'true',
  };
}

/** Finds the installed plugin for a service type; null when none is installed. */
export function findVpnPlugin(
  serviceType: string,
  dirs = DEFAULT_PLUGIN_DIRS,
): VpnPluginInfo | null {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.name')) continue;
      const info = parsePluginInfo(readFileSync(join(dir, file), 'utf8'));
      if (info?.serviceType === serviceType) return info;
    }
  }
  return null;
}
