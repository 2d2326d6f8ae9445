import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeApi, profile, snapshot } from '../fakes/fake-api';
import { emit, renderApp } from './support/render-app';

// The list's checkboxes: one per row, shift-click ranges, "select all shown", and a selection
// that is kept by uuid across searches and scrolling and loses profiles that disappear.

function box(name: string): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>('checkbox', { name: `Select ${name}` });
}

function checkedNames(): string[] {
  return screen
    .getAllByRole<HTMLInputElement>('checkbox', { name: /^Select (?!all)/ })
    .filter((b) => b.checked)
    .map((b) => (b.getAttribute('aria-label') ?? '').replace('Select ', ''));
}

const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

describe('selecting profiles in the list', () => {
  it('has a checkbox named after each profile; checking does not change the status shown', async () => {
    await renderApp(new FakeApi(snapshot(names.map((n) => profile(n)))));
    const user = userEvent.setup();
    await user.click(box('charlie'));
    expect(box('charlie').checked).toBe(true);
    expect(screen.getByText('1 selected')).toBeTruthy();
    // The status pane still shows the first profile, not the one checked.
    expect(screen.getByRole('region', { name: 'alpha' })).toBeTruthy();
    await user.click(box('charlie'));
    expect(box('charlie').checked).toBe(false);
    expect(screen.queryByRole('region', { name: 'Selected profiles' })).toBeNull();
  });

  it('selects a range with shift-click, in the order shown', async () => {
    await renderApp(new FakeApi(snapshot(names.map((n) => profile(n)))));
    const user = userEvent.setup();
    await user.click(box('bravo'));
    await user.keyboard('{Shift>}');
    await user.click(box('delta'));
    await user.keyboard('{/Shift}');
    expect(checkedNames()).toEqual(['bravo', 'charlie', 'delta']);
    expect(screen.getByText('3 selected')).toBeTruthy();
    // Upwards from the last one clicked; the range takes the clicked box's new state (unchecked).
    await user.click(box('echo'));
    await user.keyboard('{Shift>}');
    await user.click(box('charlie'));
    await user.keyboard('{/Shift}');
    expect(checkedNames()).toEqual(['bravo']);
  });

  it('"select all shown" selects what the search shows, and the selection survives searching', async () => {
    await renderApp(
      new FakeApi(
        snapshot([
          profile('nl-ams-1'),
          profile('nl-ams-2'),
          profile('de-ber-1'),
          profile('office'),
        ]),
      ),
    );
    const user = userEvent.setup();
    await user.click(box('office'));
    const search = screen.getByRole('searchbox', { name: 'Search profiles' });
    await user.type(search, 'nl-');
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all shown' });
    expect(all.checked).toBe(false);
    await user.click(all);
    expect(checkedNames()).toEqual(['nl-ams-1', 'nl-ams-2']);
    expect(all.checked).toBe(true);
    // The hidden "office" stayed selected: three in all.
    expect(screen.getByText('3 selected')).toBeTruthy();
    await user.clear(search);
    expect(checkedNames()).toEqual(['nl-ams-1', 'nl-ams-2', 'office']);
    const allAgain = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all shown' });
    expect(allAgain.checked).toBe(false);
    expect(allAgain.indeterminate).toBe(true);
    // All shown checked: the control unchecks them.
    await user.type(search, 'nl-');
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    expect(checkedNames()).toEqual([]);
    expect(screen.getByText('1 selected')).toBeTruthy();
  });

  it('keeps the selection of rows scrolled out of view', async () => {
    const many = Array.from({ length: 300 }, (_, i) => profile(`p-${String(i).padStart(3, '0')}`));
    await renderApp(new FakeApi(snapshot(many)));
    const user = userEvent.setup();
    await user.click(box('p-000'));
    await user.type(screen.getByRole('searchbox'), 'p-299');
    await user.click(box('p-299'));
    await user.clear(screen.getByRole('searchbox'));
    expect(box('p-000').checked).toBe(true);
    expect(screen.queryByRole('checkbox', { name: 'Select p-299' })).toBeNull();
    expect(screen.getByText('2 selected')).toBeTruthy();
  });

  it('drops profiles that disappear from the selection', async () => {
    const api = new FakeApi(snapshot(names.map((n) => profile(n))));
    await renderApp(api);
    const user = userEvent.setup();
    await user.click(box('alpha'));
    await user.click(box('bravo'));
    expect(screen.getByText('2 selected')).toBeTruthy();
    emit(api, 'state:profiles', { profiles: names.slice(1).map((n) => profile(n)) });
    expect(screen.getByText('1 selected')).toBeTruthy();
    // It does not come back selected with the profile.
    emit(api, 'state:profiles', { profiles: names.map((n) => profile(n)) });
    expect(checkedNames()).toEqual(['bravo']);
  });

  it('reaches the checkbox from the keyboard; arrows still move between switches', async () => {
    const many = Array.from({ length: 20 }, (_, i) => profile(`p-${String(i).padStart(2, '0')}`));
    await renderApp(new FakeApi(snapshot(many)));
    const user = userEvent.setup();
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('switch', { name: 'p-01' }));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(box('p-01'));
    await user.keyboard(' ');
    expect(box('p-01').checked).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('switch', { name: 'p-02' }));
    // Only the focused row's checkbox is in the Tab order, like its switch.
    const boxes = screen.getAllByRole('checkbox', { name: /^Select p-/ });
    expect(boxes.filter((b) => b.tabIndex === 0)).toHaveLength(1);
  });
});
