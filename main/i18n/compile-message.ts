import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';

export type MessageValues = Record<string, PrimitiveType>;

/** A message ready to be filled in with its arguments. */
export interface CompiledMessage {
  format(values: MessageValues): string;
}

/**
 * Only `{name}` arguments: no plural, select, number format, tag or quoting (an apostrophe is
 * plain text unless it quotes one of ICU's characters). Most messages are of this kind; they are
 * filled in directly, since ICU's parser and Intl's locale set-up cost milliseconds per message
 * on a window's first render.
 */
const ARGUMENTS_ONLY = /^(?:[^{}<']|'(?![{}'#<>|])|\{\s*\w+\s*\})*$/;
const ARGUMENT = /\{\s*(\w+)\s*\}/g;

function argumentText(values: MessageValues, name: string): string {
  // As ICU does: a missing value is an error (the caller falls back to the English text).
  if (!(name in values)) throw new Error(`no value was given for {${name}}`);
  const value = values[name];
  return value === null || value === undefined || value === false ? '' : String(value);
}

/** The message as ICU MessageFormat reads it, with `locale`'s plural rules and number formats. */
export function compileMessage(message: string, locale: string): CompiledMessage {
  if (ARGUMENTS_ONLY.test(message)) {
    return {
      format: (values) =>
        message.replace(ARGUMENT, (_, name: string) => argumentText(values, name)),
    };
  }
  const icu = new IntlMessageFormat(message, locale);
  return { format: (values) => String(icu.format(values)) };
}
