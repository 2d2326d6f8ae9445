import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';

/**
 * The pseudo-locale en-XA: every letter accented, the text bracketed and about 30 % longer (as
 * German and Finnish run), so a screenshot shows at once a string that skipped the catalogue
 * (plain ASCII), a clipped one (a missing bracket) and a layout that breaks with longer text.
 */

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
// One accented letter per plain one, each a single UTF-16 unit, so indexes line up.
const ACCENTED = 'áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';

function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED.charAt(PLAIN.indexOf(c)));
}

/** About 30 % more, as words of five so the text can still wrap. */
function padding(length: number): string {
  const extra = Math.ceil(length * 0.3);
  const words: string[] = [];
  for (let left = extra; left > 0; left -= 6) words.push('ẋ'.repeat(Math.min(5, left)));
  return words.length === 0 ? '' : ` ${words.join(' ')}`;
}

function accentAst(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [k, { ...o, value: accentAst(o.value) }]),
      );
      return { ...el, options };
    }
    return el;
  });
}

/** A plain text (no ICU syntax): accented, bracketed, longer. */
export function pseudoText(source: string): string {
  return `⟦${accent(source)}${padding(source.length)}⟧`;
}

/** An ICU message: only its literal text is accented; arguments and keywords stay. */
export function pseudoMessage(source: string): string {
  const ast = parse(source);
  // The printer leaves a literal '<' bare, which ICU then reads as a tag (a message with "<{tag}>"
  // would not parse, and the window would fall back to English); our messages have no tags, so
  // every '<' it prints is text, quoted again here.
  const printed = printAST(accentAst(ast)).replace(/</g, "'<'");
  return `⟦${printed}${padding(literalLength(ast))}⟧`;
}

/** The length of the words a message shows (its first option of each choice). */
function literalLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const el of elements) {
    if (el.type === TYPE.literal) length += el.value.length;
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      const first = Object.values(el.options)[0];
      length += first === undefined ? 0 : literalLength(first.value);
    } else length += 4;
  }
  return length;
}
