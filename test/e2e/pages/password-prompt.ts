import type { Locator, Page } from 'playwright-core';
import { VPN_TIMEOUT_MS } from '../support/timeouts';

/** The password prompt of one profile ("Connect to <name>"), in whichever window shows it. */
export class PasswordPrompt {
  readonly dialog: Locator;

  constructor(page: Page, name: string) {
    this.dialog = page.getByRole('dialog', { name: `Connect to ${name}`, exact: true });
  }

  /** Types the password into the open prompt and presses Connect. */
  async answer(password: string): Promise<void> {
    await this.dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
    await this.dialog.getByLabel('Password', { exact: true }).fill(password);
    await this.dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  }
}

export const passwordPrompt = (page: Page, name: string): PasswordPrompt =>
  new PasswordPrompt(page, name);
