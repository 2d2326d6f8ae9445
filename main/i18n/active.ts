import { compileMessage, type CompiledMessage, type MessageValues } from './compile-message';
import { SOURCE_LOCALE, type Locale } from './locale';

/**
 * The active language and the translations known so far. One language per process (a window, the
 * app core, a CLI run): the session's locale does not change under a running program, so a
 * module-level choice made once at start-up is enough and keeps every `strings.x.y` call site as
 * it was. The translations are handed in (`addTranslations`): main's processes get all of them
 * at once from catalogue.ts, the renderer only the one its window speaks, loaded before its first
 * render (renderer/locale.ts), so the others are not in the code every window starts with.
 *
 * English is not read from locales/en.json: the source texts in the code are the English, and
 * en.json is their extracted copy for translators (scripts/i18n-extract.ts keeps it in step).
 */
export type Messages = Readonly<Record<string, string>>;
export type { MessageValues };
export type TranslatedLocale = Exclude<Locale, 'en'>;

const translations: Partial<Record<TranslatedLocale, Messages>> = {};

let active: Locale = SOURCE_LOCALE;
const compiled = new Map<string, CompiledMessage>();

export function addTranslations(locale: TranslatedLocale, messages: Messages): void {
  translations[locale] = messages;
  if (locale === active) compiled.clear();
}

export function hasTranslations(locale: TranslatedLocale): boolean {
  return translations[locale] !== undefined;
}

export function setLocale(locale: Locale): void {
  if (locale === active) return;
  active = locale;
  compiled.clear();
}

export function currentLocale(): Locale {
  return active;
}

/** The tag for Intl's number, date and list formats (the pseudo-locale formats as English). */
export function intlLocale(): string {
  return active === 'en-XA' ? 'en' : active;
}

function translated(id: string): string | undefined {
  return active === 'en' ? undefined : translations[active]?.[id];
}

/** A text without arguments: the translation, or the English source when there is none yet. */
export function text(id: string, source: string): string {
  return translated(id) ?? source;
}

/**
 * A message with arguments, through ICU MessageFormat (plural, select, number). A translation
 * that cannot be formatted (a wrong argument name slipped past the check) falls back to English
 * rather than showing a broken sentence or throwing inside a render.
 */
export function format(id: string, source: string, values: MessageValues): string {
  const own = translated(id);
  if (own !== undefined) {
    try {
      return compile(id, own, intlLocale()).format(values);
    } catch {
      // fall through to the source text
    }
  }
  return compile(`${SOURCE_LOCALE}\u0000${id}`, source, SOURCE_LOCALE).format(values);
}

/** `message` compiled for Intl's `tag` (intlLocale() when translated); kept until setLocale. */
function compile(key: string, message: string, tag: string): CompiledMessage {
  let found = compiled.get(key);
  if (found === undefined) {
    found = compileMessage(message, tag);
    compiled.set(key, found);
  }
  return found;
}
