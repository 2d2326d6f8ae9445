import { existsSync } from 'node:fs';
import { pluginShortName } from '../nm/profile';
import type { VpnPluginInfo } from './vpn-plugins';

/**
 * How a plugin's auth dialog can run. Distributions ship the dialog apart from the plugin (the
 * `-gnome` package): the `.name` file then names a dialog that is not there.
 */
export type DialogMode =
  | { kind: 'external-ui'; path: string }
  /** No external UI mode: it shows its own window, as nm-applet runs it. */
  | { kind: 'windowed'; path: string }
  | { kind: 'missing'; message: string };

/** The packages holding a plugin's auth dialog, by distribution. */
export interface GuiPackages {
  debian: string;
  fedora: string;
}

/** Debian ships strongSwan's dialog in the plugin's own package; the others follow one pattern. */
const DEBIAN_EXCEPTIONS: Record<string, string> = {
  strongswan: 'network-manager-strongswan',
};

export function guiPackages(serviceType: string): GuiPackages {
  const short = pluginShortName(serviceType);
  return {
    debian: DEBIAN_EXCEPTIONS[short] ?? `network-manager-${short}-gnome`,
    fedora: `NetworkManager-${short}-gnome`,
  };
}

export function missingGuiMessage(plugin: VpnPluginInfo): string {
  const packages = guiPackages(plugin.serviceType);
  return (
    `The login window of the ${plugin.name} VPN plugin is not installed. ` +
    `Install ${packages.debian} (Debian, Ubuntu) or ${packages.fedora} (Fedora).`
  );
}

export function dialogMode(
  plugin: VpnPluginInfo,
  exists: (path: string) => boolean = existsSync,
): DialogMode {
  const path = plugin.authDialog;
  if (path === null || !exists(path))
    return { kind: 'missing', message: missingGuiMessage(plugin) };
  return plugin.supportsExternalUi ? { kind: 'external-ui', path } : { kind: 'windowed', path };
}
