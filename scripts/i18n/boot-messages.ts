import { AVAILABLE_LOCALES, type Locale } from '../../main/i18n/locale';
import type { Extracted } from './catalogue-check';

/**
 * renderer/boot-messages.json: the `boot` namespace (renderer/boot-strings.ts) in every shipped
 * language, for the page's first chunk, which shows them without the catalogues or ICU (they are
 * in the view's chunk, which may be the very thing that failed to load). A text a translation
 * lacks is the English one, as the catalogues do at run time.
 */

export const BOOT_FILE = 'renderer/boot-messages.json';
const PREFIX = 'boot.';

/** The translated catalogues as read from locales/ (the source and the pseudo-locale are made). */
export type Translations = Readonly<
  Record<Exclude<Locale, 'en' | 'en-XA'>, Readonly<Record<string, string>>>
>;

export function bootMessages(
  extracted: Extracted,
  translations: Translations,
): { json: string; errors: string[] } {
  const ids = Object.keys(extracted.source)
    .filter((id) => id.startsWith(PREFIX))
    .sort();
  const errors = ids
    .filter((id) => extracted.messages.has(id))
    .map(
      (id) => `${id} is an ICU message: boot strings are plain texts (the first chunk has no ICU)`,
    );
  const catalogueOf = (locale: Locale): Readonly<Record<string, string>> => {
    switch (locale) {
      case 'en':
        return extracted.source;
      case 'en-XA':
        return extracted.pseudo;
      default:
        return translations[locale];
    }
  };
  const byLocale = Object.fromEntries(
    [...AVAILABLE_LOCALES].sort().map((locale) => {
      const catalogue = catalogueOf(locale);
      return [
        locale,
        Object.fromEntries(ids.map((id) => [id, catalogue[id] ?? extracted.source[id]])),
      ];
    }),
  );
  return { json: `${JSON.stringify(byLocale, null, 2)}\n`, errors };
}
