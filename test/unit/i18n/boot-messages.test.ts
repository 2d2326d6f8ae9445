import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredEntries, type Entry } from '../../../main/i18n/define';
import { BOOT_FILE, bootMessages } from '../../../scripts/i18n/boot-messages';
import { extract } from '../../../scripts/i18n/catalogue-check';
import '../../../scripts/i18n/modules';

const root = join(__dirname, '..', '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('the first chunk’s copy of the boot strings', () => {
  it('is what the code and locales/de.json say (else: npm run i18n:extract)', () => {
    const de = JSON.parse(read('locales/de.json')) as Record<string, string>;
    const boot = bootMessages(extract(registeredEntries()), { de });
    expect(boot.errors).toEqual([]);
    expect(read(BOOT_FILE)).toBe(boot.json);
  });

  it('holds only the boot namespace, English where a translation lacks a text', () => {
    const entries: Entry[] = [
      { id: 'boot.a', kind: 'text', source: 'Failed' },
      { id: 'boot.b', kind: 'text', source: 'Not yet German' },
      { id: 'other.c', kind: 'text', source: 'Elsewhere' },
    ];
    const boot = bootMessages(extract(new Map([['t', entries]])), {
      de: { 'boot.a': 'Fehlgeschlagen', 'other.c': 'Anderswo' },
    });
    const json = JSON.parse(boot.json) as Record<string, Record<string, string>>;
    expect(json.de).toEqual({ 'boot.a': 'Fehlgeschlagen', 'boot.b': 'Not yet German' });
    expect(json.en).toEqual({ 'boot.a': 'Failed', 'boot.b': 'Not yet German' });
    expect(Object.keys(json['en-XA'] ?? {})).toEqual(['boot.a', 'boot.b']);
  });

  it('refuses an ICU message: the first chunk cannot format one', () => {
    const entries: Entry[] = [{ id: 'boot.m', kind: 'message', source: 'Failed: {why}' }];
    const boot = bootMessages(extract(new Map([['t', entries]])), { de: {} });
    expect(boot.errors).toEqual([expect.stringContaining('boot.m is an ICU message')]);
  });
});
