import { useId, useState, type ReactNode } from 'react';
import { splitList } from './inet';

/** The message next to a field, tied to it by aria-describedby. */
function Problem({ id, text }: { id: string; text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <span id={id} className="field-problem" role="alert">
      {text}
    </span>
  );
}

interface Common {
  label: string;
  problem?: string | undefined;
  hint?: string | undefined;
}

function describedBy(problemId: string, hintId: string, c: Common): string | undefined {
  const ids = [c.problem === undefined ? '' : problemId, c.hint === undefined ? '' : hintId];
  const joined = ids.filter((x) => x !== '').join(' ');
  return joined === '' ? undefined : joined;
}

/** Label, control, hint and message; the label names only the control (htmlFor). */
function FieldShell({ c, id, children }: { c: Common; id: string; children: ReactNode }) {
  return (
    <div className="edit-field">
      <label className="edit-label" htmlFor={id}>
        {c.label}
      </label>
      {children}
      {c.hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {c.hint}
        </span>
      )}
      <Problem id={`${id}-problem`} text={c.problem} />
    </div>
  );
}

export function TextField(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    secret?: boolean;
    placeholder?: string;
  },
) {
  const id = useId();
  return (
    <FieldShell c={props} id={id}>
      <input
        id={id}
        type={props.secret === true ? 'password' : 'text'}
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={props.problem !== undefined}
        aria-describedby={describedBy(`${id}-problem`, `${id}-hint`, props)}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
      />
    </FieldShell>
  );
}

/**
 * A number the person types: the text is kept as typed, the value is NaN while it is not a whole
 * number (validation then says so), and `empty` when the field is cleared.
 */
export function NumberField(
  props: Common & {
    value: number | null;
    empty: number | null;
    onChange: (n: number | null) => void;
  },
) {
  const shown = (n: number | null): string => (n === null || n === props.empty ? '' : String(n));
  const [text, setText] = useState(() => shown(props.value));
  const parse = (t: string): number | null =>
    t.trim() === '' ? props.empty : /^\d+$/.test(t.trim()) ? Number(t.trim()) : Number.NaN;
  // Follow a value changed from outside (not by typing here).
  const parsed = parse(text);
  const current = Object.is(parsed, props.value) ? text : shown(props.value);
  return (
    <TextField
      {...props}
      value={current}
      onChange={(t) => {
        setText(t);
        props.onChange(parse(t));
      }}
    />
  );
}

/** A list typed with commas or spaces, kept as typed while it means the same list. */
export function ListField(
  props: Common & { value: readonly string[]; onChange: (list: string[]) => void },
) {
  const [text, setText] = useState(() => props.value.join(', '));
  const same = splitList(text).join('\n') === props.value.join('\n');
  return (
    <TextField
      {...props}
      value={same ? text : props.value.join(', ')}
      onChange={(t) => {
        setText(t);
        props.onChange(splitList(t));
      }}
    />
  );
}

export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => {
          props.onChange(event.target.checked);
        }}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** A select's options: each value labelled from its catalogue, by the value itself when it has none. */
export function labelledOptions<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<string, string>>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}

export function SelectField<T extends string>(
  props: Common & {
    value: T;
    options: readonly { value: T; label: string }[];
    onChange: (value: T) => void;
  },
) {
  const id = useId();
  return (
    <FieldShell c={props} id={id}>
      <select
        id={id}
        value={props.value}
        aria-describedby={describedBy(`${id}-problem`, `${id}-hint`, props)}
        onChange={(event) => {
          const found = props.options.find((o) => o.value === event.target.value);
          if (found !== undefined) props.onChange(found.value);
        }}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
