import type { Locator, Page } from 'playwright-core';

/** The privacy view's parts: the lockdown notice and the DNS section (resolvers, leak alert). */
export class PrivacyView {
  constructor(private readonly page: Page) {}

  /** The notice shown while lockdown is on (a status named after the lockdown switch). */
  lockdownNotice(lockdownName: string): Locator {
    return this.page.getByRole('status', { name: lockdownName });
  }

  dnsSection(): Locator {
    return this.page.getByRole('region', { name: 'DNS' });
  }
}

export const privacyView = (page: Page): PrivacyView => new PrivacyView(page);
