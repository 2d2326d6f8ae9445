import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

// In-page code is given as expression strings: this file is checked with Node's types, and the
// browser's (document, window) are not among them.

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

const RUN_AXE = `window.axe.run(document).then((r) => r.violations.map((v) => ({
  id: v.id, impact: v.impact,
  targets: v.nodes.map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 100) + ' ' + n.failureSummary),
})))`;

/**
 * axe-core's serious and critical violations on the page as it is now, each as
 * "rule (impact): selectors". Evaluated through the DevTools protocol, which the page's CSP
 * (no inline scripts) does not govern, so the page is tested with the policy it ships.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<Violation[]>(RUN_AXE);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.targets.join(', ')}`);
}

const VISIBLE_TEXTS = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || parent.closest('[hidden],[aria-hidden="true"],.visually-hidden')) continue;
    if (parent.getClientRects().length === 0) continue;
    const text = (node.textContent || '').trim();
    if (text !== '') out.push(text);
  }
  return out;
})()`;

/**
 * Visible text that did not go through the catalogue: under the pseudo-locale every catalogue
 * text is bracketed ⟦…⟧, so a text node with an English-looking word outside brackets was
 * hard-coded. `data` lists what the page shows from NetworkManager (names, addresses).
 */
export async function untranslatedTexts(page: Page, data: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate<string[]>(VISIBLE_TEXTS);
  return texts.filter((text) => {
    // Brackets nest (a message whose value is a catalogue text); anything with a digit is data
    // (addresses, host:port:udp).
    let rest = text
      .replace(/⟦[^⟦⟧]*⟧/g, '')
      .replace(/⟦[^⟦⟧]*⟧/g, '')
      .replace(/\S*\d\S*/g, '');
    for (const d of data) rest = rest.split(d).join('');
    return /[A-Za-z]{3,}/.test(rest);
  });
}
