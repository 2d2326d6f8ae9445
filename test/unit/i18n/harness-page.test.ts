import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../main/i18n/catalogue';
import { localeFromEnv } from '../../../main/i18n/locale';
import { harnessPage } from '../../../main/harness/page';
import { trayPage } from '../../../main/harness/tray-page';

afterEach(() => {
  setLocale('en');
});

const csp = "default-src 'none'";
const built = `<!doctype html>\n<html lang="en">\n  <head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />\n    <script type="module" src="./main.js"></script>\n  </head>\n</html>`;

describe('the harness page’s language', () => {
  it('is the harness’s, in html lang and data-locale, with the client script still first', () => {
    const page = harnessPage(built, csp, 'de');
    expect(page).toContain('<html lang="de" data-locale="de">');
    expect(page.indexOf('harness')).toBeLessThan(page.indexOf('./main.js'));
    expect(page).toMatch(
      /<script type="module" src="[^"]+"><\/script>\n {4}<script type="module" src=".\/main.js">/,
    );
  });
});

describe('the harness’s tray page', () => {
  it('speaks the harness’s language, its html lang included, and has no English of its own', () => {
    const locale = localeFromEnv({ LANG: 'de_DE.UTF-8' });
    setLocale(locale);
    const page = trayPage(csp, locale);
    expect(page).toContain('<html lang="de" data-locale="de">');
    expect(page).toContain('<h1>Systemleiste</h1>');
    expect(page).toContain('data-name="Systemleistensymbol"');
    expect(page).toContain('aria-label="Systemleistenmenü"');
    const words = page.replace(/<[^>]*>/g, ' ');
    for (const english of ['Tray', 'Notifications', 'Windows to open'])
      expect(words).not.toContain(english);
  });
});
