import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  autostartCommand,
  autostartEntry,
  autostartPath,
  desktopExec,
  writeAutostart,
} from '../../../main/desktop/autostart';

describe('autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, ~/.config when that is unset or empty', () => {
    expect(autostartPath({ HOME: '/home/ada' })).toBe(
      '/home/ada/.config/autostart/tunnelbar.desktop',
    );
    expect(autostartPath({ HOME: '/home/ada', XDG_CONFIG_HOME: '' })).toBe(
      '/home/ada/.config/autostart/tunnelbar.desktop',
    );
    expect(autostartPath({ HOME: '/home/ada', XDG_CONFIG_HOME: '/cfg' })).toBe(
      '/cfg/autostart/tunnelbar.desktop',
    );
  });

  it('starts this installation again, tray only', () => {
    const base = {
      execPath: '/opt/Tunnelbar/tunnelbar-app',
      appPath: '/opt/Tunnelbar/resources/app.asar',
    };
    expect(autostartCommand({ ...base, appImage: undefined, isPackaged: true })).toEqual([
      '/opt/Tunnelbar/tunnelbar-app',
      '--hidden',
    ]);
    expect(
      autostartCommand({
        ...base,
        appImage: '/home/ada/Apps/Tunnelbar.AppImage',
        isPackaged: true,
      }),
    ).toEqual(['/home/ada/Apps/Tunnelbar.AppImage', '--hidden']);
    expect(
      autostartCommand({
        execPath: '/src/tunnelbar/node_modules/electron/dist/electron',
        appPath: '/src/tunnelbar',
        appImage: undefined,
        isPackaged: false,
      }),
    ).toEqual(['/src/tunnelbar/node_modules/electron/dist/electron', '/src/tunnelbar', '--hidden']);
  });

  it('quotes Exec arguments as the Desktop Entry Specification says', () => {
    expect(desktopExec(['/opt/Tunnelbar/tunnelbar-app', '--hidden'])).toBe(
      '/opt/Tunnelbar/tunnelbar-app --hidden',
    );
    expect(desktopExec(['/home/ada/My Apps/Tunnelbar.AppImage', '--hidden'])).toBe(
      '"/home/ada/My Apps/Tunnelbar.AppImage" --hidden',
    );
    // A quote, a dollar, a backtick are escaped inside quotes; a backslash ends up as four.
    expect(desktopExec(['/a"b$c`d\\e'])).toBe('"/a\\\\"b\\\\$c\\\\`d\\\\\\\\e"');
    expect(desktopExec(['/100%/app'])).toBe('/100%%/app');
    expect(desktopExec(['/x\ny'])).toBe('"/x\\ny"');
  });

  it('is a complete, hidden-launch desktop entry', () => {
    const text = autostartEntry(['/opt/Tunnelbar/tunnelbar-app', '--hidden']);
    expect(text.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Tunnelbar',
      'Comment=VPN connections in the tray',
      'Exec=/opt/Tunnelbar/tunnelbar-app --hidden',
      'Icon=tunnelbar-app',
      'Terminal=false',
      'Categories=Network;',
      'X-GNOME-Autostart-enabled=true',
      '',
    ]);
  });
});

describe('writeAutostart', () => {
  let home = '';
  afterEach(() => {
    if (home !== '') rmSync(home, { recursive: true, force: true });
  });

  it('writes the entry into a fresh home and removes it again', () => {
    home = mkdtempSync(join(tmpdir(), 'tunnelbar-home-'));
    const path = autostartPath({ HOME: home });
    const argv = ['/opt/Tunnelbar/tunnelbar-app', '--hidden'];
    writeAutostart(path, true, argv);
    expect(readFileSync(path, 'utf8')).toBe(autostartEntry(argv));
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    // Writing again replaces it in place.
    writeAutostart(path, true, ['/elsewhere/tunnelbar-app', '--hidden']);
    expect(readFileSync(path, 'utf8')).toContain('Exec=/elsewhere/tunnelbar-app --hidden');
    writeAutostart(path, false, argv);
    expect(existsSync(path)).toBe(false);
    // Already off: nothing to do, no error.
    writeAutostart(path, false, argv);
    expect(existsSync(path)).toBe(false);
  });
});
