import type { Locator, Page } from 'playwright-core';

// Driving the page with the keyboard only: Tab until a control has focus, as a person would, and
// asking what has focus. In-page code is given as strings (no DOM types in the tests' TypeScript).

/** The in-page element, as far as these checks need it (the tests have no DOM types). */
interface InPage {
  ownerDocument: { activeElement: unknown };
  contains(other: unknown): boolean;
}

export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el: InPage) => el === el.ownerDocument.activeElement);
}

/** Whether focus is inside `scope` (a dialog). */
export function holdsFocus(scope: Locator): Promise<boolean> {
  return scope.evaluate((el: InPage) => el.contains(el.ownerDocument.activeElement));
}

/** What has focus, for failure messages: its tag, role and name. */
export function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (el === null) return 'nothing';
    const name = el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 40);
    return el.tagName.toLowerCase() + (el.getAttribute('role') ? '[' + el.getAttribute('role') + ']' : '') + ' "' + name + '"';
  })()`);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  target: Locator,
  opts: { back?: boolean; limit?: number } = {},
): Promise<void> {
  const key = opts.back === true ? 'Shift+Tab' : 'Tab';
  const limit = opts.limit ?? 80;
  for (let i = 0; i < limit; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(key);
  }
  if (await hasFocus(target)) return;
  throw new Error(
    `${String(limit)} presses of ${key} never reached it; focus is on ${await focused(page)}`,
  );
}

/**
 * Focuses the switch of the profile `name` as a person would: Tab into the list (one row is in
 * the tab order), Home, then Down arrow until it is there.
 */
export async function focusRow(page: Page, name: string): Promise<void> {
  await tabTo(page, page.locator('[role="switch"][tabindex="0"]'));
  await page.keyboard.press('Home');
  const target = page.getByRole('switch', { name, exact: true });
  for (let i = 0; i < 50; i++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the Down arrow never reached ${name}; focus is on ${await focused(page)}`);
}
