import type { Locator, Page } from 'playwright-core';

/** The bar over the list while profiles are selected: the count, bulk actions, their results. */
export class BulkBar {
  readonly region: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Selected profiles', exact: true });
  }

  /** Ticks a profile's selection checkbox in the list. */
  async select(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }
}

export const bulkBar = (page: Page): BulkBar => new BulkBar(page);
