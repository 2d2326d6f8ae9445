import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The flag autostart launches with: tray only, no editor window at login. */
export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE = 'tunnelbar.desktop';

/** $XDG_CONFIG_HOME/autostart/tunnelbar.desktop, ~/.config when XDG_CONFIG_HOME is unset or empty. */
export function autostartPath(env: { XDG_CONFIG_HOME?: string; HOME?: string }): string {
  const configHome =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== ''
      ? env.XDG_CONFIG_HOME
      : join(env.HOME ?? '/', '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

export interface LaunchFacts {
  /** process.execPath: the app's binary, or the electron binary when run from a checkout. */
  execPath: string;
  /** $APPIMAGE: the AppImage file, the only path that outlives the running mount. */
  appImage: string | undefined;
  /** app.isPackaged; false under `electron .`, where the app's directory must be passed too. */
  isPackaged: boolean;
  /** app.getAppPath(). */
  appPath: string;
}

/** The command line that starts this very installation again, tray only. */
export function autostartCommand(f: LaunchFacts): string[] {
  if (f.appImage !== undefined && f.appImage !== '') return [f.appImage, HIDDEN_FLAG];
  if (f.isPackaged) return [f.execPath, HIDDEN_FLAG];
  return [f.execPath, f.appPath, HIDDEN_FLAG];
}

// Desktop Entry Specification, "The Exec key": an argument with one of these must be quoted.
const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** Quotes argv for an Exec key, then escapes the result as a desktop-file string value. */
export function desktopExec(argv: readonly string[]): string {
  const quoted = argv.map((arg) => {
    // Field codes start with %, so a literal one is doubled wherever it is.
    const literal = arg.replaceAll('%', '%%');
    if (literal !== '' && !RESERVED.test(literal)) return literal;
    return `"${literal.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  });
  // The string-value escapes apply on top of the quoting: a backslash is written twice, and a
  // line break must not end the key.
  return quoted
    .join(' ')
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t');
}

/** The autostart entry. Pure, so its content is tested without touching a home directory. */
export function autostartEntry(argv: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Tunnelbar',
    'Comment=VPN connections in the tray',
    `Exec=${desktopExec(argv)}`,
    'Icon=tunnelbar-app',
    'Terminal=false',
    'Categories=Network;',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Writes (atomically) or removes the autostart entry. A missing entry is already "off". */
export function writeAutostart(path: string, enabled: boolean, argv: readonly string[]): void {
  if (!enabled) {
    rmSync(path, { force: true });
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, autostartEntry(argv), { mode: 0o644 });
  renameSync(tmp, path);
}
