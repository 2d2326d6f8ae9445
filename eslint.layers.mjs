// @ts-check
// Which part of Tunnelbar may use which, held by lint (import-x's no-restricted-paths resolves each
// import to its file, so `../../nm/x` and `../nm/x` are the same target). README's "Design" section
// draws the same layers.
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/** Everything main/ holds that does the work without a desktop: the CLI runs on exactly this. */
const CORE = [
  'main/agent',
  'main/dbus',
  'main/dns',
  'main/editor',
  'main/errors',
  'main/export',
  'main/i18n',
  'main/import',
  'main/keyring',
  'main/lockdown',
  'main/nm',
  'main/reconnect',
  'main/vpn',
  'main/core.ts',
];
/** What runs the desktop app's decisions (the app core, the contract's main side, the harness). */
const DESKTOP = ['main/contract', 'main/desktop', 'main/harness'];
/** Main-side folders a format module may not reach: it is handed what it reads. */
const ABOVE_FORMATS = CORE.filter(
  (p) => !['main/vpn', 'main/i18n', 'main/errors', 'main/nm'].includes(p),
);

/** @type {import('eslint-plugin-import-x').PluginSettings} */
const settings = {
  'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
};

/** @type {Array<{target: string | string[], from: string | string[], except?: string[], message: string}>} */
const zones = [
  {
    target: 'main/errors',
    from: 'main',
    except: ['./errors', './i18n'],
    message: 'main/errors is the bottom: every part may use it, so it uses only the catalogues.',
  },
  {
    target: 'main/dbus',
    from: 'main',
    except: ['./dbus', './errors', './i18n'],
    message: 'main/dbus is the bus under everything: it knows nothing of NetworkManager or above.',
  },
  {
    target: 'main/vpn',
    from: [...ABOVE_FORMATS, ...DESKTOP, 'main/app', 'main/cli'],
    message: 'Formats (main/vpn) are pure: no bus, no files, nothing of the layers above.',
  },
  {
    target: 'main/vpn',
    from: 'main/nm',
    except: ['./dbus-types.ts'],
    message: 'Formats (main/vpn) use only the settings dictionary types of main/nm, never the bus.',
  },
  {
    target: CORE,
    from: [...DESKTOP, 'main/app', 'main/cli'],
    message:
      'The core imports nothing of the desktop app, the harness or the CLI: they all use it.',
  },
  {
    target: [...DESKTOP, 'main/cli'],
    from: 'main/app',
    message:
      'Only the Electron shell (main/app) uses main/app: the app core runs without Electron.',
  },
  {
    target: 'renderer',
    from: 'main',
    except: ['./i18n'],
    message:
      'The renderer reaches main only through the contract in preload/ (main/i18n, the shared catalogues, excepted).',
  },
  {
    target: ['main', 'preload', 'renderer'],
    from: 'test',
    message: 'Shipped code does not import the tests.',
  },
  {
    target: ['main', 'preload'],
    from: 'renderer',
    message: 'Main and the contract do not import the renderer.',
  },
];

export const layers = {
  files: ['main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
  plugins: { 'import-x': importX },
  settings,
  rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
};

/** Node's modules that reach outside the process: a format module is handed what it reads. */
export const NOT_IN_FORMATS = [
  'fs',
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'node:net',
  'node:os',
].map((name) => ({
  name,
  message: 'Formats (main/vpn) are pure: they are handed what they read.',
}));

/** The files of the Electron adapter: the only main-side files that may import electron. */
export const ELECTRON_ADAPTER = [
  'main/app/hardening.ts',
  'main/app/ipc.ts',
  'main/app/main.ts',
  'main/app/notifier.ts',
  'main/app/shell.ts',
  'main/app/tray.ts',
  'main/app/window-options.ts',
  'main/app/windows.ts',
];
