import { resolve } from 'node:path';
import { HIDDEN_FLAG } from './autostart';

export interface LaunchArgs {
  /** Started by autostart: the tray only, no window. */
  hidden: boolean;
  /** Profiles to import (.ovpn, WireGuard .conf), as a double-click in a file manager passes them. */
  files: string[];
}

const IMPORTABLE = /\.(ovpn|conf)$/i;

/**
 * Reads a command line, the first launch's or a second instance's. Switches (ours and the ones
 * Chromium adds) are skipped, and so is anything that is not an importable file, such as the
 * app's directory under `electron .`. Relative paths resolve against the caller's directory.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchArgs {
  const rest = argv.slice(1);
  return {
    hidden: rest.includes(HIDDEN_FLAG),
    files: rest.filter((a) => !a.startsWith('-') && IMPORTABLE.test(a)).map((a) => resolve(cwd, a)),
  };
}
