// The UI bench's page open: a page of the harness loaded in a browser, timed from navigation to
// the frame that draws a given profile's switch. The page stamps that frame itself (ui-probes.ts,
// installed before the page's own scripts), so nothing of the bench's runs on the page's main
// thread while it loads: waiting with Playwright's role queries did, tens of ms on a busy machine.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { browserScript } from '../../main/harness/browser-script';

export const PROBES = join(__dirname, '..', 'e2e', 'browser', 'ui-probes.ts');

/** Wall-clock ms with sub-ms resolution, comparable with the page's timeOrigin + now(). */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * page clock − Node clock, from the round trip with the least delay: both clocks are the same
 * wall clock read by two processes, so what is left is their start-up rounding.
 */
export async function clockOffset(page: Page): Promise<{ offset: number; error: number }> {
  let best = { offset: 0, error: Infinity };
  for (let i = 0; i < 20; i++) {
    const before = wallNow();
    const pageAt = z.number().parse(await page.evaluate('tunnelbarProbes.wallNow()'));
    const after = wallNow();
    if ((after - before) / 2 < best.error) {
      best = { offset: pageAt - (before + after) / 2, error: (after - before) / 2 };
    }
  }
  return best;
}

/** Opens `url` in a new window (context) of `browser`: ms until `switchName`'s switch is drawn. */
export async function openPage(
  browser: Browser,
  url: string,
  switchName: string,
): Promise<{ page: Page; ms: number }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 680 } });
  const page = await context.newPage();
  await page.addInitScript({
    content: `${browserScript(PROBES)}\ntunnelbarProbes.watchListShown(${JSON.stringify(switchName)});`,
  });
  const started = wallNow();
  await page.goto(url, { waitUntil: 'commit' });
  const shownAt = z.number().parse(await page.evaluate('tunnelbarProbes.listShown()'));
  const ms = shownAt - (await clockOffset(page)).offset - started;
  // What was timed is the switch the person sees: a screen reader finds it by its name too.
  await page.getByRole('switch', { name: switchName, exact: true }).waitFor();
  return { page, ms };
}
