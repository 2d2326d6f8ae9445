import type { Locale } from '../i18n/locale';
import { CLIENT_SCRIPT_PATH } from './protocol';

/**
 * The built index.html as the harness serves it: unchanged but for the client script, put before
 * the renderer's own module so window.tunnelbar exists when the renderer starts (module scripts
 * run in document order). It also checks that the page carries the shell's CSP: the harness
 * tests the policy the app ships, not a looser one.
 */
export function harnessPage(html: string, csp: string, locale: Locale = 'en'): string {
  if (!html.includes(`content="${csp}"`)) {
    throw new Error(
      'out/renderer/index.html does not carry the CSP of main/desktop/csp.ts; the two must be equal',
    );
  }
  // The harness's language (its LANG, ...), not the browser's: the page then speaks as the
  // Electron window would on this session. The renderer reads data-locale (renderer/locale.ts).
  const localized = html.replace(
    /<html lang="[^"]*">/,
    `<html lang="${locale}" data-locale="${locale}">`,
  );
  const entry = localized.indexOf('<script type="module"');
  if (entry < 0) throw new Error('out/renderer/index.html has no module script');
  const tag = `<script type="module" src="${CLIENT_SCRIPT_PATH}"></script>\n    `;
  return localized.slice(0, entry) + tag + localized.slice(entry);
}
