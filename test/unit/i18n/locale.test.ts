import { describe, expect, it } from 'vitest';
import { localeFromEnv, localesFromEnv, negotiateLocale } from '../../../main/i18n/locale';

describe('the session locale, read as gettext reads it', () => {
  it('takes LANG when nothing else is set', () => {
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('de');
  });

  it('lets LC_ALL win over LC_MESSAGES, and LC_MESSAGES over LANG', () => {
    expect(localeFromEnv({ LC_ALL: 'de_AT.UTF-8', LC_MESSAGES: 'fr_FR', LANG: 'en_US' })).toBe(
      'de',
    );
    expect(localeFromEnv({ LC_MESSAGES: 'de_CH.UTF-8', LANG: 'en_US.UTF-8' })).toBe('de');
    expect(localeFromEnv({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
  });

  it('puts LANGUAGE’s list first, falling through languages without a catalogue', () => {
    expect(localesFromEnv({ LANGUAGE: 'fr:de', LANG: 'en_US.UTF-8' })).toEqual([
      'fr',
      'de',
      'en-US',
    ]);
    expect(localeFromEnv({ LANGUAGE: 'fr:de', LANG: 'en_US.UTF-8' })).toBe('de');
  });

  it('ignores LANGUAGE under the C locale, as gettext does', () => {
    expect(localeFromEnv({ LANGUAGE: 'de', LC_ALL: 'C' })).toBe('en');
    expect(localeFromEnv({ LANGUAGE: 'de', LANG: 'POSIX' })).toBe('en');
  });

  it('knows the pseudo-locale and falls back to English for the unknown', () => {
    expect(localeFromEnv({ LANG: 'en_XA.UTF-8' })).toBe('en-XA');
    expect(localeFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
    expect(negotiateLocale(['de-DE'])).toBe('de');
  });
});
