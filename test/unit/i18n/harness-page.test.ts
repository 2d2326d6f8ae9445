import { describe, expect, it } from 'vitest';
import { harnessPage } from '../../../main/harness/page';

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
