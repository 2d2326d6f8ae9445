import type { Locator, Page } from 'playwright-core';

/** The connection editor: its region (named after the profile), its page tabs and its fields. */
export class EditorView {
  constructor(private readonly page: Page) {}

  region(name: string): Locator {
    return this.page.getByRole('region', { name: `Edit ${name}`, exact: true });
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }
}

export const editorView = (page: Page): EditorView => new EditorView(page);

/** A form field by its label, in the page or in one part of it (the editor, a group). */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true });
}
