import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { VPN_TIMEOUT_MS } from '../support/timeouts';
import { editorView } from './editor';

/** The main window's list of VPN profiles: a row per profile, with its switch and its state. */
export class ProfileList {
  constructor(private readonly page: Page) {}

  switchOf(name: string): Locator {
    return this.page.getByRole('switch', { name, exact: true });
  }

  /** The row's one-line state and address ("Connected · 10.8.0.2"). */
  rowDetail(name: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.switchOf(name) })
      .locator('.row-detail');
  }

  async expectSwitch(name: string, on: boolean): Promise<void> {
    await expect
      .poll(() => this.switchOf(name).getAttribute('aria-checked'), { timeout: VPN_TIMEOUT_MS })
      .toBe(String(on));
  }

  /** Waits until the row says connected, and returns its address. */
  async connectedAddress(name: string): Promise<string> {
    const detail = this.rowDetail(name);
    await expect
      .poll(() => detail.textContent(), { timeout: VPN_TIMEOUT_MS })
      .toMatch(/^Connected · /);
    return ((await detail.textContent()) ?? '').replace('Connected · ', '');
  }

  /** Selects a profile (by its name, not its switch) and opens the editor; returns its region. */
  async openEditor(name: string): Promise<Locator> {
    await this.page
      .getByRole('listitem')
      .filter({ has: this.switchOf(name) })
      .getByText(name, { exact: true })
      .click();
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = editorView(this.page).region(name);
    await editor.waitFor();
    return editor;
  }
}

export const profileList = (page: Page): ProfileList => new ProfileList(page);
