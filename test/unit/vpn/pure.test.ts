// main/vpn/ holds the formats as pure functions: they are handed what they read (a ReadFile) and
// return data. This reads every module's imports and fails on one that reaches the bus, the file
// system, electron, or the layers above (import pipeline, editor, app), until a lint rule holds it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const vpn = join(root, 'main/vpn');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? modules(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `from '…'`, `import('…')` and a bare `import '…'` (not `Buffer.from('…')`).
  const specs = /\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'|^import\s+'([^']+)'/gm;
  return [...text.matchAll(specs)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** What a format module may import besides main/vpn/ itself. */
function allowed(file: string, spec: string): boolean {
  if (['node:path', 'node:crypto'].includes(spec)) return true;
  // Variant is the settings dictionary's value type; no bus connection comes with it.
  if (spec === 'dbus-next') return file.endsWith('settings-dict.ts');
  if (!spec.startsWith('.')) return false;
  const target = relative(root, resolve(dirname(file), spec));
  return (
    target.startsWith('main/vpn/') ||
    target === 'main/nm/dbus-types' ||
    target === 'preload/openvpn-keys' ||
    target === 'main/i18n/define'
  );
}

describe('main/vpn/ is pure', () => {
  it('imports nothing of the bus, the file system, electron or the layers above', () => {
    const found = modules(vpn).flatMap((file) =>
      imports(file)
        .filter((spec) => !allowed(file, spec))
        .map((spec) => `${relative(root, file)}: ${spec}`),
    );
    expect(modules(vpn).length).toBeGreaterThan(30);
    expect(found).toEqual([]);
  });

  it('would notice a module that reads files itself', () => {
    expect(allowed(join(vpn, 'openvpn/parse.ts'), 'node:fs')).toBe(false);
    expect(allowed(join(vpn, 'openvpn/parse.ts'), '../../import/read-bounded')).toBe(false);
    expect(allowed(join(vpn, 'openvpn/parse.ts'), '../../nm/bus')).toBe(false);
    expect(allowed(join(vpn, 'openvpn/parse.ts'), '../text')).toBe(true);
  });
});
