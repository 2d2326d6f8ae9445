import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layers of README's "Design" section, as the project's ESLint config holds them
// (eslint.layers.mjs): code pretending to live at real paths, importing across a layer or not.
const root = join(__dirname, '..', '..', '..');
const RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => RULES.has(ruleId) });
  await eslint.lintText('export {};\n', { filePath: join(root, 'main/vpn/text.ts') });
}, 120_000);

/** The layer rules' messages for one import written in the file at `filePath`. */
async function refusals(filePath: string, spec: string): Promise<string[]> {
  const code = `import '${spec}';\n`;
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the layers, held by lint', () => {
  it.each([
    ['main/vpn/text.ts', '../nm/model', /Formats \(main\/vpn\) use only the settings dictionary/],
    ['main/vpn/openvpn/parse.ts', '../../import/walk', /Formats \(main\/vpn\) are pure/],
    ['main/vpn/text.ts', 'node:fs', /Formats \(main\/vpn\) are pure/],
    ['main/nm/model.ts', '../desktop/app-core', /The core imports nothing of the desktop/],
    ['main/editor/apply.ts', '../contract/server', /The core imports nothing of the desktop/],
    ['main/desktop/app-core.ts', '../app/paths', /Only the Electron shell \(main\/app\)/],
    ['main/dbus/connection.ts', '../nm/names', /main\/dbus is the bus under everything/],
    ['main/errors/tunnelbar-error.ts', '../nm/names', /main\/errors is the bottom/],
    ['renderer/tunnel-state.ts', '../main/nm/model', /The renderer reaches main only through/],
    ['main/core.ts', '../test/fakes/fake-nm-bus', /Shipped code does not import the tests/],
  ])('%s may not import %s', async (file, spec, message) => {
    const found = await refusals(file, spec);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['main/vpn/text.ts', '../nm/dbus-types'],
    ['main/vpn/openvpn/parse.ts', '../../i18n/define'],
    ['main/import/pipeline.ts', '../vpn/openvpn/parse'],
    ['main/desktop/app-core.ts', '../contract/server'],
    ['main/app/shell.ts', '../desktop/app-core'],
    ['renderer/tunnel-state.ts', '../preload/contract'],
    ['renderer/tunnel-state.ts', '../main/i18n/define'],
    ['main/dbus/connection.ts', '../errors/tunnelbar-error'],
  ])('%s may import %s', async (file, spec) => {
    expect(await refusals(file, spec)).toEqual([]);
  });
});
