// Lines of an .ovpn that are not quoted back. A key or certificate pasted outside its inline block
// (a provider that forgot `<key>`, a static key without `<tls-auth>`) reaches the parser as lines
// whose first word is key material; quoting it in a warning would put the key in the CLI's output,
// the import report and a notification. Only words shaped like an OpenVPN option are named, and
// none in a run of lines that began with one that is not (the short last line of a pasted key
// can look like a word), until a known directive or an `-----END` armor line ends the run.

/** What a note says instead of the directive's name. */
export const NOT_SHOWN = '(not shown)';

// Its warning is `import.ignored.unshown` (import-errors-strings.ts).

/**
 * An option name: words of letters and digits joined by hyphens, as OpenVPN's are (upper case too:
 * `Remote` is a mistyped `remote`, and worth naming).
 */
const OPTION_SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

/**
 * Whether a directive's name may be quoted. Besides the shape, one long word is refused: a line of
 * a static key is 32 hex digits (and may start with a letter), while OpenVPN's single-word options
 * are short (`keepalive`, `txqueuelen`).
 */
export function isShowableName(name: string): boolean {
  return OPTION_SHAPE.test(name) && name.length <= 40 && !/^[A-Za-z0-9]{17,}$/.test(name);
}

/**
 * The armor line that ends a PEM block or a static key: what follows is configuration again. (The
 * tokenizer has taken two of its dashes for an option's `--`.)
 */
export function endsMaterial(name: string): boolean {
  return /^-+END$/.test(name);
}
