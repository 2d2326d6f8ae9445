import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { startHarness, type Harness } from '../../main/harness/harness';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { launchChromium } from './chromium';

/** One e2e file's world: a sandbox, the harness over it, Chromium with one page on the harness. */
export interface World {
  sb: Sandbox;
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests of the page (a CSP violation shows up here). */
  pageErrors: string[];
  stop(): Promise<void>;
}

export interface WorldOptions {
  /** Runs before the harness starts (profiles added then are in its first snapshot). */
  prepare?: (sb: Sandbox) => Promise<void>;
  colorScheme?: 'light' | 'dark';
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const sb = await startSandbox();
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  try {
    await opts.prepare?.(sb);
    harness = await startHarness({ busAddress: sb.busAddress, port: 0, logFile: sb.logFile });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1000, height: 680 },
      colorScheme: opts.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(harness.url);
    const started = { harness, browser };
    return {
      sb,
      harness,
      browser,
      context,
      page,
      pageErrors,
      async stop() {
        await started.browser.close().catch(() => undefined);
        await started.harness.close().catch(() => undefined);
        await sb.stop();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await harness?.close().catch(() => undefined);
    await sb.stop();
    throw err;
  }
}
