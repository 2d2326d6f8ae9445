// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { ELECTRON_ADAPTER, layers, NOT_IN_FORMATS } from './eslint.layers.mjs';

// Raw IPC is allowed in one wrapper per side (main/app/ipc.ts, preload/index.ts), so every call and
// event goes through the typed contract, its sender check and its validation.
/** @param {string} name @param {string} wrapper */
const forbidIpc = (name, wrapper) =>
  [
    `ImportSpecifier[imported.name='${name}']`,
    `MemberExpression[property.name='${name}']`,
    `ObjectPattern > Property[key.name='${name}']`,
  ].map((selector) => ({
    selector,
    message: `Use the typed IPC wrapper (${wrapper}), not ${name}.`,
  }));
const noIpcMain = forbidIpc('ipcMain', 'main/app/ipc.ts');
const noIpcRenderer = forbidIpc('ipcRenderer', 'preload/index.ts');

const noElectron = {
  group: ['electron', 'electron/*'],
  message:
    'Only the Electron adapter (ELECTRON_ADAPTER in eslint.layers.mjs) and preload/index.ts import electron: the core, the app core, the CLI, the harness and the renderer run without it.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-artifacts/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    rules: {
      'no-restricted-syntax': ['error', ...noIpcMain, ...noIpcRenderer],
      'no-restricted-imports': ['error', { patterns: [noElectron] }],
    },
  },
  {
    files: ['main/vpn/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [noElectron],
          paths: [
            ...NOT_IN_FORMATS,
            {
              name: 'dbus-next',
              importNames: ['systemBus', 'sessionBus', 'MessageBus'],
              message: 'Formats (main/vpn) build settings (Variant), never talk to the bus.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Electron adapter, the preload, and the tests' typed stand-in for Electron's API.
    files: [...ELECTRON_ADAPTER, 'preload/index.ts', 'test/fakes/electron-stand-in/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  layers,
  {
    files: ['main/app/ipc.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noIpcRenderer] },
  },
  {
    files: ['preload/index.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noIpcMain] },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
