import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Entry } from '../../main/i18n/define';
import { pseudoMessage, pseudoText } from './pseudo';

/** What the code says the catalogues must be, and what is wrong with the ones on disk. */

export interface Extracted {
  /** id → English source, for locales/en.json. */
  readonly source: Record<string, string>;
  /** id → pseudo-locale text, for locales/en-XA.json. */
  readonly pseudo: Record<string, string>;
  /** Ids that are ICU messages (the others are plain texts, never parsed). */
  readonly messages: ReadonlySet<string>;
  /** Problems in the code that no command can fix. */
  readonly errors: string[];
}

export function extract(namespaces: ReadonlyMap<string, readonly Entry[]>): Extracted {
  const source: Record<string, string> = {};
  const pseudo: Record<string, string> = {};
  const messages = new Set<string>();
  const errors: string[] = [];
  const ids = [...namespaces.values()].flat().sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const entry of ids) {
    if (entry.kind === 'function') {
      errors.push(
        `${entry.id} is a plain function, which cannot be translated: write it as ` +
          "fmt('… {name} …', (name: string) => ({ name })) (main/i18n/define.ts)",
      );
      continue;
    }
    source[entry.id] = entry.source;
    if (entry.kind === 'message') {
      messages.add(entry.id);
      try {
        pseudo[entry.id] = pseudoMessage(entry.source);
      } catch (e) {
        errors.push(`${entry.id} is not a valid ICU message: ${String(e)}`);
      }
    } else {
      pseudo[entry.id] = pseudoText(entry.source);
    }
  }
  return { source, pseudo, messages, errors };
}

/** The argument names an ICU message uses (plural and select included). */
export function argumentNames(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (el.type === TYPE.tag) {
        walk(el.children);
        continue;
      }
      names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return names;
}

export interface TranslationReport {
  readonly missing: string[];
  readonly stale: string[];
  readonly errors: string[];
}

/**
 * A translation against the source. Missing texts only warn (they show in English until
 * translated, and engineers adding strings cannot be asked to write every language); a
 * translated message that cannot be formatted, or names an argument the source does not give,
 * is an error: it would show English in its place at run time.
 */
export function checkTranslation(
  locale: string,
  extracted: Extracted,
  translation: Readonly<Record<string, string>>,
): TranslationReport {
  const missing = Object.keys(extracted.source).filter((id) => !(id in translation));
  const stale = Object.keys(translation).filter((id) => !(id in extracted.source));
  const errors: string[] = [];
  for (const id of extracted.messages) {
    const text = translation[id];
    const english = extracted.source[id];
    if (text === undefined || english === undefined) continue;
    try {
      const allowed = argumentNames(english);
      for (const name of argumentNames(text)) {
        if (!allowed.has(name))
          errors.push(`${locale}: ${id} uses {${name}}, which it is not given`);
      }
    } catch (e) {
      errors.push(`${locale}: ${id} is not a valid ICU message: ${String(e)}`);
    }
  }
  return { missing, stale, errors };
}

/** Ids whose text differs between two catalogues, or that only one has. */
export function differences(
  want: Readonly<Record<string, string>>,
  have: Readonly<Record<string, string>>,
): string[] {
  const ids = new Set([...Object.keys(want), ...Object.keys(have)]);
  return [...ids].filter((id) => want[id] !== have[id]).sort();
}
