import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { labelledOptions } from '../../renderer/editor/fields';
import { keySetter } from '../../renderer/editor/form';
import { RowList } from '../../renderer/editor/RowList';

// The editor's shared pieces: RowList (routes, plugin data, peers), labelledOptions (selects) and
// keySetter (a field bound to one key of its page's object).

/** A list of names, each a text box with its own Remove, as the editor's pages use RowList. */
function Names({ initial, hint }: { initial: string[]; hint?: string }) {
  const [rows, setRows] = useState(initial);
  return (
    <>
      <RowList label="Names" hint={hint} rows={rows} blank="" addLabel="Add name" onRows={setRows}>
        {(name, i, row) => (
          <div className="name-row">
            <input
              aria-label={`Name ${String(i + 1)}`}
              value={name}
              onChange={(event) => {
                row.set(event.target.value);
              }}
            />
            <button type="button" onClick={row.remove}>
              {`Remove name ${String(i + 1)}`}
            </button>
          </div>
        )}
      </RowList>
      <output>{JSON.stringify(rows)}</output>
    </>
  );
}

function held(): unknown {
  return JSON.parse(screen.getByRole('status').textContent);
}

function box(name: string): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('textbox', { name });
}

describe('RowList', () => {
  it('is a group named and headed by its label, with the hint only when given', () => {
    const { unmount } = render(<Names initial={['a']} hint="One per line" />);
    const group = screen.getByRole('region', { name: 'Names' });
    expect(within(group).getByRole('heading', { level: 3 }).textContent).toBe('Names');
    expect(within(group).getByText('One per line').className).toBe('muted');
    unmount();
    render(<Names initial={['a']} />);
    expect(screen.queryByText('One per line')).toBeNull();
    expect(screen.getByRole('region', { name: 'Names' }).querySelectorAll('p')).toHaveLength(0);
  });

  it('appends the blank row, changes only the row typed in, and removes the row asked', async () => {
    const user = userEvent.setup();
    render(<Names initial={['alpha', 'beta']} />);
    await user.click(screen.getByRole('button', { name: 'Add name' }));
    expect(held()).toEqual(['alpha', 'beta', '']);
    await user.type(box('Name 3'), 'gamma');
    await user.type(box('Name 2'), '!');
    expect(held()).toEqual(['alpha', 'beta!', 'gamma']);
    await user.click(screen.getByRole('button', { name: 'Remove name 1' }));
    expect(held()).toEqual(['beta!', 'gamma']);
    // Rows are known by position: what was the second row is now the first.
    expect(box('Name 1').value).toBe('beta!');
    expect(screen.queryByRole('textbox', { name: 'Name 3' })).toBeNull();
  });
});

describe('labelledOptions', () => {
  it('labels each value from the catalogue, and by itself when the catalogue has none', () => {
    expect(labelledOptions(['tls', 'odd'], { tls: 'Certificates (TLS)' })).toEqual([
      { value: 'tls', label: 'Certificates (TLS)' },
      { value: 'odd', label: 'odd' },
    ]);
  });
});

describe('keySetter', () => {
  it('hands on a copy with only the one key changed, leaving the original as it was', () => {
    const ip = { method: 'auto', dns: ['192.0.2.1'], neverDefault: false };
    const handed: (typeof ip)[] = [];
    const set = keySetter(ip, (next) => handed.push(next));
    set('neverDefault')(true);
    set('dns')(['192.0.2.2', '192.0.2.3']);
    expect(handed).toEqual([
      { method: 'auto', dns: ['192.0.2.1'], neverDefault: true },
      { method: 'auto', dns: ['192.0.2.2', '192.0.2.3'], neverDefault: false },
    ]);
    expect(ip).toEqual({ method: 'auto', dns: ['192.0.2.1'], neverDefault: false });
  });
});
