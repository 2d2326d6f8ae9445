import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import de from '../../../locales/de.json';
import en from '../../../locales/en.json';
import pseudo from '../../../locales/en-XA.json';
import { compileMessage, type MessageValues } from '../../../main/i18n/compile-message';

const catalogues: [string, Record<string, string>][] = [
  ['en', en],
  ['de', de],
  ['en', pseudo],
];

function argumentNames(message: string): string[] {
  return [...message.matchAll(/\{\s*(\w+)\s*\}/g)].map((m) => m[1] ?? '');
}

function icu(message: string, locale: string, values: MessageValues): string {
  return String(new IntlMessageFormat(message, locale).format(values));
}

describe('compileMessage', () => {
  it('fills in every catalogue message with {name} arguments as ICU MessageFormat does', () => {
    let compared = 0;
    for (const [locale, messages] of catalogues) {
      for (const message of Object.values(messages)) {
        const names = argumentNames(message);
        if (names.length === 0 || /[{]\s*\w+\s*,/.test(message)) continue;
        for (const value of ['‹x›', 1234.5]) {
          const values = Object.fromEntries(names.map((n) => [n, value]));
          expect(compileMessage(message, locale).format(values)).toBe(icu(message, locale, values));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('keeps plural, number and quoting to ICU', () => {
    const cases: [string, MessageValues][] = [
      ['{n, plural, one {# profile} other {# profiles}}', { n: 1200 }],
      ["it's '{not}' an argument, {name}", { name: 'a' }],
      ["can't reach {host}", { host: 'vpn.example' }],
    ];
    for (const [message, values] of cases) {
      expect(compileMessage(message, 'en').format(values)).toBe(icu(message, 'en', values));
    }
    // A tag-like text is ICU's too (it fails there, and the caller falls back to English).
    expect(() => compileMessage('<b>{name}</b>', 'en').format({ name: 'x' })).toThrow();
    expect(compileMessage('{n, number} of {t, number}', 'de').format({ n: 1200, t: 7201 })).toBe(
      '1.200 of 7.201',
    );
  });

  it('refuses a message whose argument has no value, as ICU does', () => {
    expect(() => compileMessage('Connect {name}', 'en').format({})).toThrow(/name/);
    expect(() => icu('Connect {name}', 'en', {})).toThrow();
  });
});
