import type { GuiPrompter } from '../contract/gui-prompter';
import type { PreferencesStore } from '../contract/preferences';
import { ContractServer } from '../contract/server';
import type { Core } from '../core';
import type { Profile } from '../nm/profile';
import type { DriverClock } from '../reconnect/driver';
import { writeAutostart } from './autostart';
import type { DesktopPlatform } from './platform';
import type { Clock } from './tray-animation';

export interface AppCoreOptions {
  /** The opened core, with its agent answering through `prompter`; closed with the app core. */
  core: Core;
  prompter: GuiPrompter;
  preferences: PreferencesStore;
  platform: DesktopPlatform;
  /** Recent log lines of a profile's plugin (journald on a desktop, a file in the sandbox). */
  diagnostics: (profile: Profile) => Promise<string[]>;
  /** The login autostart entry to keep (its file and command line); null where there is none. */
  autostart: { path: string; argv: readonly string[] } | null;
  /** Where certificate files go (~/.cert/nm-openvpn/ under it); the user's home when absent. */
  home?: string;
  /** Timers of the tray's animation; the real ones when absent. */
  clock?: Clock;
  /** Time and timers of the reconnect policy; the real ones when absent. */
  reconnectClock?: DriverClock;
  onWarning?: (text: string) => void;
  /**
   * The session's language (Electron's app.getLocale(), the harness's LANG and friends), for the
   * tray, notifications and failure reasons; English when absent or without a catalogue.
   */
  locale?: string;
  /** The desktop asks for reduced motion: the tray shows a still icon while connecting. */
  reducedMotion?: () => boolean;
}

/**
 * The contract's server as the desktop app runs it: autostart written where the app has an
 * entry, exports saved where the platform asks, and unforeseen failures logged.
 */
export function contractServerFor(opts: AppCoreOptions): ContractServer {
  return new ContractServer({
    core: opts.core,
    prompter: opts.prompter,
    preferences: opts.preferences,
    diagnostics: opts.diagnostics,
    setAutostart: (enabled) => {
      if (opts.autostart !== null) {
        writeAutostart(opts.autostart.path, enabled, opts.autostart.argv);
      }
    },
    onInternalError: (call, err) => {
      opts.onWarning?.(
        `${call} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    },
    ...(opts.home === undefined ? {} : { home: opts.home }),
    ...(opts.platform.chooseExportPath === undefined
      ? {}
      : { chooseExportPath: opts.platform.chooseExportPath }),
  });
}
