/**
 * Which language the session wants, read the way gettext reads it, so Tunnelbar speaks the same
 * language as the rest of the desktop (nm-applet, GNOME Shell, the plugins' own dialogs).
 */

/** The catalogues shipped in locales/; `en` is the source, `en-XA` the pseudo-locale. */
export const AVAILABLE_LOCALES = ['en', 'de', 'en-XA'] as const;
export type Locale = (typeof AVAILABLE_LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

/** `de_DE.UTF-8@euro` → `de-DE`; `C`, `POSIX` and empty → null (no language asked for). */
export function posixToBcp47(value: string): string | null {
  const base = value.split('.')[0]?.split('@')[0]?.trim() ?? '';
  if (base === '' || base === 'C' || base === 'POSIX') return null;
  return base.replace(/_/g, '-');
}

/**
 * The languages asked for, best first. As gettext: LC_ALL, else LC_MESSAGES, else LANG decides
 * the locale; when that is C or POSIX, LANGUAGE is ignored and the answer is English; otherwise
 * LANGUAGE's colon-separated list comes first (it can name several fallbacks), then the locale.
 */
export function localesFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const nonEmpty = (v: string | undefined): string | undefined =>
    v === undefined || v === '' ? undefined : v;
  const locale = nonEmpty(env.LC_ALL) ?? nonEmpty(env.LC_MESSAGES) ?? nonEmpty(env.LANG);
  const main = locale === undefined ? null : posixToBcp47(locale);
  if (locale !== undefined && main === null) return [];
  const wanted: string[] = [];
  for (const entry of (env.LANGUAGE ?? '').split(':')) {
    const tag = posixToBcp47(entry);
    if (tag !== null) wanted.push(tag);
  }
  if (main !== null) wanted.push(main);
  return wanted;
}

/**
 * The shipped catalogue for the first wanted language that has one: an exact match
 * (`en-XA`), else the language alone (`de-AT` → `de`). English when none matches.
 */
export function negotiateLocale(wanted: readonly string[]): Locale {
  const byLower = new Map(AVAILABLE_LOCALES.map((l) => [l.toLowerCase(), l]));
  for (const tag of wanted) {
    const lower = tag.toLowerCase();
    const exact = byLower.get(lower);
    if (exact !== undefined) return exact;
    const language = byLower.get(lower.split('-')[0] ?? '');
    if (language !== undefined) return language;
  }
  return SOURCE_LOCALE;
}

/** The catalogue for this process's environment (the CLI, the harness). */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  return negotiateLocale(localesFromEnv(env));
}
