import type { Locator, Page } from 'playwright-core';

/** The import dialog: its summary (a status), per-file warnings and its Close button. */
export class ImportDialog {
  readonly dialog: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Import' });
  }

  /** The summary line ("2 added, ..."), once the import has finished. */
  async summary(): Promise<string | null> {
    await this.dialog.getByRole('status').filter({ hasText: 'added' }).waitFor();
    return this.dialog.getByRole('status').textContent();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}

export const importDialog = (page: Page): ImportDialog => new ImportDialog(page);
