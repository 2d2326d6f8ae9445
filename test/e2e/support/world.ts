import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { startHarness, type Harness } from '../../../main/harness/harness';
import type { Locale } from '../../../main/i18n/locale';
import { startKeyring, type Keyring } from '../../sandbox/infra/keyring';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/infra/sandbox';
import { launchChromium } from './chromium';

/** One e2e file's world: a sandbox, the harness over it, Chromium with one page on the harness. */
export interface World {
  sb: Sandbox;
  /** The harness's private keyring, when asked for one. */
  keyring: Keyring | null;
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and failed requests of the page (a CSP violation shows up here). */
  pageErrors: string[];
  /** The harness's home folder (certificate and inline files go under it), removed on stop. */
  home: string;
  /** Where the harness writes exported profiles (inside `home`). */
  exportDir: string;
  stop(): Promise<void>;
}

export interface WorldOptions {
  /** Runs before the harness starts (profiles added then are in its first snapshot). */
  prepare?: (sb: Sandbox) => Promise<void>;
  colorScheme?: 'light' | 'dark';
  /** A private gnome-keyring for the harness; without it the harness has no keyring at all. */
  keyring?: boolean;
  /** The sandbox's options ({ dns: true }: NetworkManager computes its DNS; { ipv6: true }). */
  sandbox?: SandboxOptions;
  /** The harness's language (as its LANG would choose it); English when absent. */
  locale?: Locale;
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const sb = await startSandbox(opts.sandbox);
  // Never the home of the user running the tests: files the app writes land here.
  const home = mkdtempSync(join(tmpdir(), 'tunnelbar-e2e-home-'));
  const exportDir = join(home, 'exports');
  mkdirSync(exportDir);
  const removeHome = (): void => {
    rmSync(home, { recursive: true, force: true });
  };
  let keyring: Keyring | null = null;
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  try {
    if (opts.keyring === true) keyring = await startKeyring();
    await opts.prepare?.(sb);
    // Never the keyring of the session the tests run in.
    harness = await startHarness({
      busAddress: sb.busAddress,
      port: 0,
      logFile: sb.logFile,
      sessionBusAddress: keyring?.address ?? null,
      home,
      exportDir,
      locale: opts.locale ?? 'en',
    });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1000, height: 680 },
      colorScheme: opts.colorScheme ?? 'light',
    });
    const page = await context.newPage();
    // Playwright turns file-chooser interception on when the first listener is added, without
    // waiting for Chromium to apply it: a test's waitForEvent('filechooser') just before a key
    // press lost that race under load (no chooser event in 30 s). A listener from the start has
    // it on long before any test opens a chooser.
    page.on('filechooser', () => undefined);
    const pageErrors: string[] = [];
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(harness.url);
    // The window's view is its own chunk, loaded with import() after the first one asked for the
    // snapshot: the load event can come before it is drawn. Tests that reach into the DOM without
    // a locator's wait (a drop dispatched on the window) start from the drawn window.
    await page.locator('main.app').waitFor();
    const started = { harness, browser, keyring };
    return {
      sb,
      keyring,
      harness,
      browser,
      context,
      page,
      pageErrors,
      home,
      exportDir,
      async stop() {
        await started.browser.close().catch(() => undefined);
        await started.harness.close().catch(() => undefined);
        await started.keyring?.stop();
        await sb.stop();
        removeHome();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await harness?.close().catch(() => undefined);
    await keyring?.stop();
    await sb.stop();
    removeHome();
    throw err;
  }
}
