import type { Locator, Page } from 'playwright-core';

/** The status panel of the selected profile (a region named after it). */
export class StatusPanel {
  readonly region: Locator;

  constructor(page: Page, name: string) {
    this.region = page.getByRole('region', { name, exact: true });
  }

  /** The panel's "Why it failed" part, shown after a failed connect. */
  whyItFailed(): Locator {
    return this.region.getByRole('region', { name: 'Why it failed' });
  }
}

export const statusPanel = (page: Page, name: string): StatusPanel => new StatusPanel(page, name);
