import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredEntries, type Entry } from '../../../main/i18n/define';
import { checkTranslation, differences, extract } from '../../../scripts/i18n/catalogue-check';
import '../../../scripts/i18n/modules';

const locales = join(__dirname, '..', '..', '..', 'locales');
const read = (name: string): Record<string, string> =>
  JSON.parse(readFileSync(join(locales, name), 'utf8')) as Record<string, string>;

describe('the catalogue check', () => {
  it('finds locales/en.json and en-XA.json as the code says (else: npm run i18n:extract)', () => {
    const extracted = extract(registeredEntries());
    expect(extracted.errors).toEqual([]);
    expect(differences(extracted.source, read('en.json'))).toEqual([]);
    expect(differences(extracted.pseudo, read('en-XA.json'))).toEqual([]);
  });

  // Missing German only warns (npm run i18n:extract lists it): engineers adding strings are
  // not asked to write every language, and the string shows in English until translated.
  it('has German only with the arguments the English gives', () => {
    const report = checkTranslation('de', extract(registeredEntries()), read('de.json'));
    expect(report.errors).toEqual([]);
  });

  it('names a new string missing from the source catalogue, and a plain function', () => {
    const entries: Entry[] = [
      { id: 't.old', kind: 'text', source: 'Old' },
      { id: 't.added', kind: 'text', source: 'Added today' },
      { id: 't.raw', kind: 'function' },
    ];
    const extracted = extract(new Map([['t', entries]]));
    expect(differences(extracted.source, { 't.old': 'Old' })).toEqual(['t.added']);
    expect(extracted.errors).toEqual([expect.stringContaining('t.raw is a plain function')]);
  });

  it('refuses a translation that uses an argument the message is not given', () => {
    const entries: Entry[] = [{ id: 't.m', kind: 'message', source: 'Hello {name}' }];
    const extracted = extract(new Map([['t', entries]]));
    expect(checkTranslation('de', extracted, { 't.m': 'Hallo {nmae}' }).errors).toEqual([
      'de: t.m uses {nmae}, which it is not given',
    ]);
  });

  it('keeps placeholders and ICU keywords in the pseudo-locale, accents and lengthens the rest', () => {
    const entries: Entry[] = [
      {
        id: 't.m',
        kind: 'message',
        source: '{n, plural, one {# file} other {# files}} for {name}',
      },
    ];
    const pseudo = extract(new Map([['t', entries]])).pseudo['t.m'] ?? '';
    expect(pseudo).toMatch(/^⟦\{n,plural,one\{# ƒîļé\} other\{# ƒîļéš\}\} ƒöŕ \{name\} ẋ+⟧$/);
  });
});
