import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { World } from './world';

/** Screenshots land in test-artifacts/e2e/ (gitignored), for people to look at and for CI. */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** After a failed test: a screenshot of the page, the page's errors and the sandbox log's tail. */
export async function reportFailure(w: World, taskName: string, logTail = 4000): Promise<void> {
  await screenshot(w.page, `failed-${taskName.slice(0, 40).replace(/\W+/g, '-')}`);
  console.log(`--- page errors ---\n${w.pageErrors.join('\n')}`);
  console.log(`--- sandbox log ---\n${w.sb.readLog().slice(-logTail)}`);
}
