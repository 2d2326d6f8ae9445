import { format, text, type MessageValues } from './active';

/**
 * The shape every string module keeps: `strings.section.key` is a text, `strings.section.fn(n)`
 * a sentence with values. `defineStrings` gives each leaf its catalogue id (namespace + path)
 * and makes it a getter, so the text is looked up in the active language when it is read, not
 * when the module loads. Sentences with values are written with `fmt` as ICU messages, so a
 * translation can reorder the values and has plural and select rules of its own.
 */

const TEMPLATE = Symbol('tunnelbar.i18n.template');

interface Template {
  readonly [TEMPLATE]: {
    readonly message: string;
    readonly values: (...args: never[]) => MessageValues;
  };
}

/** An ICU message and how the call's arguments become its named values. */
export function fmt<A extends unknown[]>(
  message: string,
  values: (...args: A) => MessageValues,
): (...args: A) => string {
  const template = (...args: A): string => format('', message, values(...args));
  return Object.assign(template, { [TEMPLATE]: { message, values } });
}

export type Entry =
  | { readonly id: string; readonly kind: 'text' | 'message'; readonly source: string }
  | { readonly id: string; readonly kind: 'function' };

/** Every namespace defined so far, for scripts/i18n-extract.ts. */
const registry = new Map<string, Entry[]>();

export function registeredEntries(): ReadonlyMap<string, readonly Entry[]> {
  return registry;
}

export function defineStrings<T extends object>(namespace: string, tree: T): T {
  const entries: Entry[] = [];
  registry.set(namespace, entries);
  return build(namespace, tree, entries) as T;
}

function build(prefix: string, node: object, entries: Entry[]): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    const id = `${prefix}.${key}`;
    if (typeof value === 'string') {
      entries.push({ id, kind: 'text', source: value });
      Object.defineProperty(out, key, { enumerable: true, get: () => text(id, value) });
    } else if (typeof value === 'function' && TEMPLATE in value) {
      const { message, values } = (value as Template)[TEMPLATE];
      entries.push({ id, kind: 'message', source: message });
      out[key] = (...args: never[]): string => format(id, message, values(...args));
    } else if (typeof value === 'function') {
      // A plain function (a template literal): still works, in English only; the extract
      // check names it so it gets written with fmt.
      entries.push({ id, kind: 'function' });
      out[key] = value;
    } else if (typeof value === 'object' && value !== null) {
      out[key] = build(id, value as object, entries);
    } else {
      out[key] = value;
    }
  }
  return out;
}
