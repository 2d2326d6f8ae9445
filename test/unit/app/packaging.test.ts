import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ICON, PRELOAD_BUNDLE, RENDERER_INDEX } from '../../../main/app/paths';
import { CALL_NAMES, EVENT_NAMES } from '../../../preload/contract';

// electron-builder.yml cannot be tried here (no Electron binary to package): it is checked against
// electron-builder's own schema, and everything it names must exist after `npm run build`.
const root = join(__dirname, '..', '..', '..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, null, null);
});

function packageJson(): { main?: string } {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main?: string };
}

/** The "files" patterns; electron-builder's loader turns the YAML list into [{filter: [...]}]. */
function filePatterns(): string[] {
  const entries = [config.files ?? []].flat() as (string | { filter?: string | string[] })[];
  return entries.flatMap((e) => (typeof e === 'string' ? [e] : [e.filter ?? []].flat()));
}

function included(file: string): boolean {
  const patterns = filePatterns();
  const includes = patterns.filter((p) => !p.startsWith('!'));
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return includes.some((p) => matchesGlob(file, p)) && !excludes.some((p) => matchesGlob(file, p));
}

function resourcePaths(): string[] {
  return (config.extraResources as { from: string; to: string }[]).map((r) => r.from);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would catch a mistake (the check is not vacuous)', async () => {
    const broken = { ...config, linux: { ...config.linux, targett: ['deb'] } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration object that does not match/,
    );
  });

  it('builds an AppImage, a deb and an rpm; the packages need NetworkManager', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.deb?.depends).toContain('network-manager');
    expect(config.rpm?.depends).toContain('NetworkManager');
  });

  it('makes the app the handler of .ovpn files, and WireGuard configurations by content', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'ovpn', mimeType: 'application/x-openvpn-profile' }),
    ]);
    expect(config.linux?.mimeTypes).toEqual(['application/x-wireguard-profile']);
    const mime = readFileSync(join(root, 'packaging/mime/tunnelbar-wireguard.xml'), 'utf8');
    expect(mime).toContain('type="application/x-wireguard-profile"');
    expect(mime).toContain('value="[Interface]"');
    // No glob: a *.conf glob would claim every .conf file on the system.
    expect(mime).not.toContain('<glob');
  });

  it('ships the CLI and links it onto the PATH', () => {
    expect(resourcePaths()).toContain('packaging/bin/tunnelbar');
    const wrapper = readFileSync(join(root, 'packaging/bin/tunnelbar'), 'utf8');
    expect(wrapper).toContain('ELECTRON_RUN_AS_NODE=1');
    expect(wrapper).toContain('out/main/cli/tunnelbar.js');
    for (const script of [config.deb?.afterInstall, config.rpm?.afterInstall]) {
      expect(script).toBe('packaging/after-install.sh');
    }
    const afterInstall = readFileSync(join(root, 'packaging/after-install.sh'), 'utf8');
    expect(afterInstall).toContain("resources/bin/tunnelbar' '/usr/bin/tunnelbar'");
  });

  it('names only things that exist after the build', () => {
    const named = [
      ...resourcePaths(),
      config.deb?.afterInstall,
      config.deb?.afterRemove,
      config.rpm?.afterInstall,
      config.rpm?.afterRemove,
    ];
    for (const path of named) {
      expect(path, 'a path named in electron-builder.yml').toBeTypeOf('string');
      expect(existsSync(join(root, String(path))), String(path)).toBe(true);
    }
    for (const executable of ['packaging/bin/tunnelbar', 'packaging/after-install.sh']) {
      accessSync(join(root, executable), constants.X_OK);
    }
    const iconDir = join(root, String(config.linux?.icon));
    expect(readdirSync(iconDir)).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
  });

  it('packs every entry point the app loads, and they are built', () => {
    const main = packageJson().main;
    expect(main).toBe('out/main/app/main.js');
    const entryPoints = [
      String(main),
      PRELOAD_BUNDLE,
      RENDERER_INDEX,
      'out/main/cli/tunnelbar.js',
      'out/main/cli/tunnelbar-full.js',
      APP_ICON,
      'assets/tray/connected-light-panel-22.png',
      'assets/tray/connected-light-panel-22@2x.png',
    ];
    for (const file of entryPoints) {
      expect(existsSync(join(root, file)), `${file} (run npm run build)`).toBe(true);
      expect(included(file), `${file} is in "files"`).toBe(true);
    }
    expect(included('out/main/harness/cli.js')).toBe(false);
    expect(included('main/app/main.ts')).toBe(false);
  });

  it('has a preload bundle that a sandbox can load: one file requiring only electron', () => {
    const bundle = readFileSync(join(root, PRELOAD_BUNDLE), 'utf8');
    const required = [...bundle.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    expect(required).toEqual(['electron']);
    expect(bundle).not.toMatch(/^\s*(import|export)\s/m);
    expect(bundle).toContain('exposeInMainWorld("tunnelbar"');
  });

  it("checks names against the contract's own, put in at build time without the schemas", () => {
    const bundle = readFileSync(join(root, PRELOAD_BUNDLE), 'utf8');
    for (const name of [...CALL_NAMES, ...EVENT_NAMES]) expect(bundle).toContain(`"${name}"`);
    expect(bundle).not.toContain('__TUNNELBAR_CONTRACT_NAMES__');
    expect(bundle).not.toContain('safeParse');
  });
});
