/**
 * The names behind the labels openconnect asks for. NetworkManager-openconnect's auth dialog keeps
 * a form's answers as `form:<form id>:<field name>` (`form:main:username`), but openconnect's CLI
 * only prints a field's label. With `--dump-http-traffic` it also prints each AnyConnect response
 * body, lines prefixed `< `, where the XML gives the form's `<auth id>` and each input's name and
 * label. This reads those lines (and nothing else): label -> the plugin's key. Pure.
 *
 * The dump also holds what must never be shown or kept (the answers Tunnelbar sends, lines `> `,
 * and the session cookies in the response headers): `isDumpLine` and `HeaderBlock` let the
 * transcript drop them before anything is stored.
 */

/** A line of openconnect's HTTP dump: a request (`> `) or response body (`< `) line. */
export function isDumpLine(line: string): boolean {
  return line.startsWith('> ') || line.startsWith('< ') || line === '>' || line === '<';
}

/**
 * The response headers openconnect prints in verbose mode, unprefixed, after "Got HTTP response:"
 * (a Set-Cookie among them holds the session): every `Name: value` line right after it is one.
 */
export class HeaderBlock {
  private inside = false;

  /** Whether `line` is a response header (to drop). */
  drops(line: string): boolean {
    if (line.startsWith('Got HTTP response:')) {
      this.inside = true;
      return false;
    }
    if (this.inside && /^[A-Za-z0-9-]+: /.test(line)) return true;
    this.inside = false;
    return false;
  }
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e);
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_:-]+)\s*=\s*"([^"]*)"/g)) {
    const [, name, value] = m;
    if (name !== undefined && value !== undefined) out.set(name, decode(value));
  }
  return out;
}

/** A label as the transcript has it: trimmed, without the trailing colon. */
function bare(label: string): string {
  return label.trim().replace(/:$/, '').trim();
}

/** A field as the plugin knows it: its key, and for a choice each label's name (what it saves). */
export interface PluginField {
  key: string;
  choices: Record<string, string>;
}

export class FormNames {
  private form: string | null = null;
  private readonly byLabel = new Map<string, PluginField>();
  /** The choice whose options are being read. */
  private select: PluginField | null = null;

  /** Feeds one dumped line (`< ...`); request lines and anything else are ignored. */
  read(line: string): void {
    if (!line.startsWith('< ')) return;
    const pattern = /<(auth|input|select)\b([^>]*)>|<option\b([^>]*)>([^<]*)<\/option>/g;
    for (const m of line.matchAll(pattern)) {
      const [, tag, rest, optionAttrs, optionText] = m;
      if (optionText !== undefined) {
        const label = decode(optionText.trim());
        if (this.select !== null)
          this.select.choices[label] = attributes(optionAttrs ?? '').get('value') ?? label;
        continue;
      }
      const attrs = attributes(rest ?? '');
      if (tag === 'auth') {
        // A new form: the labels of the previous one no longer apply.
        this.form = attrs.get('id') ?? null;
        this.byLabel.clear();
        this.select = null;
        continue;
      }
      const name = attrs.get('name');
      const label = attrs.get('label');
      const type = attrs.get('type') ?? '';
      if (this.form === null || name === undefined || label === undefined) continue;
      if (tag === 'input' && !['text', 'password'].includes(type)) continue;
      const field: PluginField = { key: `form:${this.form}:${name}`, choices: {} };
      this.byLabel.set(bare(label), field);
      this.select = tag === 'select' ? field : null;
    }
  }

  /** The plugin's field asked with `label`, or null when the form did not say. */
  fieldFor(label: string): PluginField | null {
    return this.byLabel.get(label) ?? null;
  }
}
