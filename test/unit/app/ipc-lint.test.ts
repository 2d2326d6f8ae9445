import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own ESLint config, on code pretending to live at real paths: raw ipcMain and
// ipcRenderer are refused everywhere but their typed wrapper, and electron outside the shell.
const root = join(__dirname, '..', '..', '..');
const RULES = new Set(['no-restricted-syntax', 'no-restricted-imports']);
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => RULES.has(ruleId) });
  // The first file starts TypeScript's project service (typed linting): seconds, once.
  await eslint.lintText('export {};\n', { filePath: join(root, 'main/app/tray.ts') });
}, 120_000);

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const rawMain = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
const rawRenderer = "import { ipcRenderer } from 'electron';\nvoid ipcRenderer.invoke('x');\n";
const viaNamespace =
  "import * as electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);\n";
const viaRequire =
  "// eslint-disable-next-line @typescript-eslint/no-require-imports\nconst { ipcRenderer } = require('electron') as typeof import('electron');\nvoid ipcRenderer;\n";

describe('the IPC lint rule', () => {
  it('refuses ipcMain and ipcRenderer in the rest of the shell', async () => {
    for (const code of [rawMain, rawRenderer, viaNamespace, viaRequire]) {
      const found = await messages('main/app/tray.ts', code);
      expect(
        found.some((m) => /no-restricted-syntax: Use the typed IPC wrapper/.test(m)),
        code,
      ).toBe(true);
    }
  });

  it('refuses electron itself outside the Electron adapter and the preload', async () => {
    // main/app/sender.ts is main/app's but pure: it is no adapter file, so electron is refused.
    for (const file of ['main/core.ts', 'main/desktop/app-core.ts', 'main/app/sender.ts']) {
      expect(await messages(file, "import 'electron';\n"), file).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*Only the Electron adapter/),
      ]);
    }
    const found = await messages('main/core.ts', rawMain);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: .*Only the Electron adapter/),
        expect.stringMatching(
          /^no-restricted-syntax: Use the typed IPC wrapper \(main\/app\/ipc.ts\)/,
        ),
      ]),
    );
  });

  it('allows ipcMain in main/app/ipc.ts only, and ipcRenderer in the preload only', async () => {
    expect(await messages('main/app/ipc.ts', rawMain)).toEqual([]);
    expect(await messages('preload/index.ts', rawRenderer)).toEqual([]);
    expect((await messages('main/app/ipc.ts', rawRenderer)).join()).toMatch(/preload\/index.ts/);
    expect((await messages('preload/index.ts', rawMain)).join()).toMatch(/main\/app\/ipc.ts/);
  });

  it('passes the real wrappers as they are', async () => {
    const results = await eslint.lintFiles(['main/app/ipc.ts', 'preload/index.ts']);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });
});
