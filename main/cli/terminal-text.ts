// Text from outside Tunnelbar (profile names, a server's challenge or banner, file names and the
// lines of imported files, NetworkManager's error texts) printed on a terminal. A terminal acts on
// control characters instead of showing them: ESC and C1 sequences can move the cursor, rewrite
// earlier lines, set the window title or answer back into the input; CR and BS overwrite what was
// printed; bidi overrides show text in another order than it is. So every such character is shown
// as a visible escape (`\x1b`, `\u202e`) rather than dropped: the person sees that something odd
// is there, and nothing is hidden. JSON output needs none of this: JSON escapes C0 itself.

/**
 * C0 controls, DEL, C1 controls, the bidi marks, embeddings, overrides and isolates, and the
 * Unicode line and paragraph separators (some terminals break lines at them).
 */
/* eslint-disable no-control-regex -- matching control characters is its whole job */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/* eslint-enable no-control-regex */

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every character a terminal would act on replaced by a visible escape. `oneLine`
 * (the default) escapes tab and newline too: a name or a file line is one field of one line, and
 * a newline in it could forge a line of output that seems to come from Tunnelbar. `lines` keeps
 * them, for texts that are legitimately several lines (a server's banner, an error message).
 */
export function terminalSafe(text: string, keep: 'oneLine' | 'lines' = 'oneLine'): string {
  return text.replace(UNSAFE, (ch) =>
    keep === 'lines' && (ch === '\n' || ch === '\t') ? ch : escape(ch),
  );
}
