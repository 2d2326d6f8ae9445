import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** How long a VPN may take to come up or go down in the sandbox (it takes about a second). */
export const VPN_TIMEOUT_MS = 45_000;

export function switchOf(page: Page, name: string): Locator {
  return page.getByRole('switch', { name, exact: true });
}

/** The row's one-line state and address ("Connected · 10.8.0.2"). */
export function rowDetail(page: Page, name: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: switchOf(page, name) })
    .locator('.row-detail');
}

export function statusPanel(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

export function promptFor(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name: `Connect to ${name}`, exact: true });
}

export async function expectSwitch(page: Page, name: string, on: boolean): Promise<void> {
  await expect
    .poll(() => switchOf(page, name).getAttribute('aria-checked'), { timeout: VPN_TIMEOUT_MS })
    .toBe(String(on));
}

/** Waits until the row says connected, and returns its address. */
export async function connectedAddress(page: Page, name: string): Promise<string> {
  const detail = rowDetail(page, name);
  await expect
    .poll(() => detail.textContent(), { timeout: VPN_TIMEOUT_MS })
    .toMatch(/^Connected · /);
  return ((await detail.textContent()) ?? '').replace('Connected · ', '');
}

/** Types into the open prompt of `name` and presses Connect. */
export async function answerPrompt(page: Page, name: string, password: string): Promise<void> {
  const dialog = promptFor(page, name);
  await dialog.waitFor({ timeout: VPN_TIMEOUT_MS });
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
}
