import { setLocale } from '../main/i18n/catalogue';
import { negotiateLocale, type Locale } from '../main/i18n/locale';

/**
 * The window's language, chosen before the first render. The harness serves the page with
 * data-locale from its own environment (LANG and friends); in Electron, navigator.languages is
 * the application's locale, which Chromium reads from the same variables. `html lang` follows,
 * so screen readers pronounce the page in its language.
 */
export function applyLocale(doc: Document, languages: readonly string[]): Locale {
  const served = doc.documentElement.dataset.locale;
  const locale = negotiateLocale(served === undefined ? languages : [served]);
  setLocale(locale);
  doc.documentElement.lang = locale;
  return locale;
}
