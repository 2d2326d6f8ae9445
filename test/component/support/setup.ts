import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { contractViolations } from '../../fakes/fake-api';

// jsdom has no layout: every box is 0×0 and nothing scrolls, so the virtualized list would draw
// no rows. Give elements a fixed box and make scrolling move scrollTop (with a scroll event), so
// the virtualizer behaves as in a 400×600 window.
const BOX = { width: 400, height: 600 };
const scrollTops = new WeakMap<Element, number>();

Element.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  return DOMRect.fromRect({ x: 0, y: 0, ...BOX });
};
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { get: () => BOX.height });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { get: () => BOX.width });
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { get: () => BOX.height });
// A scroller is as tall as its content: the virtual list's inner box, sized by style.height.
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  get(this: HTMLElement) {
    const content = this.firstElementChild;
    const height = content instanceof HTMLElement ? Number.parseFloat(content.style.height) : NaN;
    return Number.isNaN(height) ? BOX.height : Math.max(height, BOX.height);
  },
});
Object.defineProperty(Element.prototype, 'scrollTop', {
  get(this: Element) {
    return scrollTops.get(this) ?? 0;
  },
  set(this: Element, value: number) {
    scrollTops.set(this, value);
  },
});
Element.prototype.scrollTo = function scrollTo(
  this: Element,
  optionsOrX?: ScrollToOptions | number,
): void {
  const top = typeof optionsOrX === 'object' ? (optionsOrX.top ?? 0) : 0;
  scrollTops.set(this, top);
  this.dispatchEvent(new Event('scroll'));
};

afterEach(() => {
  cleanup();
  // Every call a view made must be one the real contract accepts.
  const violations = contractViolations.splice(0);
  expect(violations).toEqual([]);
});
