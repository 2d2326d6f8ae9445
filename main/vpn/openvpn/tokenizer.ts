// Splits an OpenVPN configuration into directives and inline blocks, the way NetworkManager-openvpn
// 1.10.2's importer does (it reimplements OpenVPN's parse_line()):
// - lines end at "\n" or NUL; one trailing "\r" is dropped (CRLF files); a UTF-8 BOM is skipped;
// - leading whitespace is skipped; a line whose first non-space character is # or ; is a comment,
//   and a comment may also start at the beginning of any later word;
// - a word starting with " or ' runs to the matching quote and ends right after it ('a'b is two
//   words); inside double quotes a backslash takes the next character literally; single quotes take
//   everything literally; an unterminated quote is an error;
// - an unquoted word runs to the next whitespace, quotes inside it are literal, and a backslash takes
//   the next character literally (also a space); a backslash at the end of the line is an error;
// - a leading "--" on the directive is dropped;
// - a directive of the form <tag> opens an inline block that runs to the first line which, after
//   leading whitespace, starts with </tag>; each content line loses its leading whitespace and keeps
//   its end ("\r" of CRLF included). The caller decides whether the tag is supported, so the block
//   is only read when asked for.
// A generator, so a large file is processed line by line.

import { isAsciiSpace } from '../text';
import { importErrorStrings as m } from '../import-errors-strings';

export type OvpnLine =
  | { kind: 'directive'; line: number; params: string[] }
  | { kind: 'error'; line: number; message: string };

/** Splits one line (without its "\n") into words; null for blank and comment lines. */
export function tokenizeLine(raw: string): { params: string[] } | { error: string } | null {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  let i = 0;
  const n = text.length;
  while (i < n && isAsciiSpace(text[i])) i++;
  if (i >= n || text[i] === '#' || text[i] === ';') return null;
  const params: string[] = [];
  for (;;) {
    const wordStart = i;
    const first = text[i] ?? '';
    i++;
    let word = '';
    if (first === '"' || first === "'") {
      while (i < n && text[i] !== first) {
        if (first === '"' && text[i] === '\\') {
          i++;
          if (i >= n) break;
        }
        word += text[i] ?? '';
        i++;
      }
      if (i >= n) {
        return { error: m.ovpn.unterminatedQuote(first === '"', wordStart) };
      }
      i++;
    } else {
      let ch = first;
      for (;;) {
        if (ch === '\\') {
          if (i >= n) return { error: m.ovpn.trailingBackslash(wordStart) };
          ch = text[i] ?? '';
          i++;
        }
        word += ch;
        if (i >= n) break;
        ch = text[i] ?? '';
        i++;
        if (isAsciiSpace(ch)) break;
      }
    }
    params.push(word);
    while (i < n && isAsciiSpace(text[i])) i++;
    if (i >= n || text[i] === '#' || text[i] === ';') break;
  }
  return { params };
}

/** The content between the current position and the end of the file, consumed line by line. */
export class OvpnLines {
  private pos = 0;
  private lineNo = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text.startsWith('\uFEFF') ? text.slice(1) : text;
  }

  /** The number of the last line returned. */
  get line(): number {
    return this.lineNo;
  }

  /** The next raw line (without its delimiter) and the delimiter, or null at the end. */
  nextRaw(): { text: string; delimiter: string } | null {
    if (this.pos >= this.text.length) return null;
    let end = this.pos;
    while (end < this.text.length && this.text[end] !== '\n' && this.text[end] !== '\0') end++;
    const text = this.text.slice(this.pos, end);
    const delimiter = this.text[end] ?? '';
    this.pos = end + (delimiter === '' ? 0 : 1);
    this.lineNo++;
    return { text, delimiter };
  }

  /** The next directive or tokenizer error, skipping blank and comment lines; null at the end. */
  next(): OvpnLine | null {
    for (;;) {
      const raw = this.nextRaw();
      if (raw === null) return null;
      const t = tokenizeLine(raw.text);
      if (t === null) continue;
      if ('error' in t) return { kind: 'error', line: this.lineNo, message: t.error };
      const params = t.params;
      const head = params[0] ?? '';
      if (head.startsWith('--')) params[0] = head.slice(2);
      return { kind: 'directive', line: this.lineNo, params };
    }
  }

  /**
   * Reads an inline block whose opening tag was the last directive: its content, or null when the
   * file ends before </tag>.
   */
  readBlock(tag: string): string | null {
    const end = `</${tag}>`;
    let content = '';
    for (;;) {
      const raw = this.nextRaw();
      if (raw === null) return null;
      let s = 0;
      while (s < raw.text.length && isAsciiSpace(raw.text[s])) s++;
      const body = raw.text.slice(s);
      if (body.startsWith(end)) return content;
      content += body + raw.delimiter;
    }
  }
}

/** The tag of an inline-block opener such as `<ca>`, or null for an ordinary directive. */
export function blockTag(directive: string): string | null {
  if (directive.length >= 2 && directive.startsWith('<') && directive.endsWith('>')) {
    return directive.slice(1, -1);
  }
  return null;
}
