import type { Locator, Page } from 'playwright-core';

// What forced colours (Windows High Contrast, GNOME's high contrast through Chromium) leave
// rendered: computed styles compared with the system colours themselves, read from a probe.

/** The element, as far as these probes need it (the tests have no DOM types). */
interface InPage {
  ownerDocument: {
    defaultView: { getComputedStyle(el: unknown, pseudo?: string): Record<string, string> };
  };
}

/** The rendered value of a system colour (Canvas, CanvasText, Highlight, ButtonText...). */
export function systemColor(page: Page, name: string): Promise<string> {
  return page.evaluate<string>(`(() => {
    const probe = document.createElement('span');
    probe.style.forcedColorAdjust = 'none';
    probe.style.color = ${JSON.stringify(name)};
    document.body.append(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return value;
  })()`);
}

/** Computed style properties of an element (camelCase names, as CSSStyleDeclaration has them). */
export function styleOf<K extends string>(
  target: Locator,
  names: readonly K[],
): Promise<Record<K, string>> {
  return target.evaluate((el: InPage, keys: readonly string[]) => {
    const style = el.ownerDocument.defaultView.getComputedStyle(el);
    return Object.fromEntries(keys.map((k) => [k, style[k] ?? '']));
  }, names) as Promise<Record<K, string>>;
}
