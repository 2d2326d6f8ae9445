import {
  addTranslations,
  hasTranslations,
  setLocale,
  type Messages,
  type TranslatedLocale,
} from '../main/i18n/active';
import type { Locale } from '../main/i18n/locale';
import { windowLocale } from './window-locale';

/**
 * The window's language (windowLocale), chosen before the first render. `html lang` follows, so
 * screen readers pronounce the page in its language. Its translations are loaded with
 * loadTranslations before the first render.
 */
export function applyLocale(doc: Document, languages: readonly string[]): Locale {
  const locale = windowLocale(doc, languages);
  setLocale(locale);
  doc.documentElement.lang = locale;
  return locale;
}

/**
 * The translations of `locale`, each language its own chunk: a window loads only the one it
 * speaks (English is the code's own text and needs none).
 */
export async function loadTranslations(locale: Locale): Promise<void> {
  if (locale === 'en' || hasTranslations(locale)) return;
  addTranslations(locale, await translationsOf(locale));
}

/** A language's catalogue chunk; exhaustive, so a new language in locale.ts must be added here. */
async function translationsOf(locale: TranslatedLocale): Promise<Messages> {
  switch (locale) {
    case 'de':
      return (await import('../locales/de.json')).default;
    case 'en-XA':
      return (await import('../locales/en-XA.json')).default;
  }
}
