import { negotiateLocale, type Locale } from '../main/i18n/locale';

/**
 * The language a window speaks: the one the harness served the page with (data-locale, from its
 * own environment), else the browser's; in Electron, navigator.languages is the application's
 * locale, which Chromium reads from LANG and friends. Small and without the catalogues, so the
 * first chunk can use it too (boot-failure.ts).
 */
export function windowLocale(doc: Document, languages: readonly string[]): Locale {
  const served = doc.documentElement.dataset.locale;
  return negotiateLocale(served === undefined ? languages : [served]);
}
