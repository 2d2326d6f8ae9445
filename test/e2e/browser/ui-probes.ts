// In-page timing for `npm run bench:ui`, injected by the bench (never part of the app). A script,
// not a module (no import or export): Playwright runs it as an init script. Times are taken here,
// in the page, so the browser's automation link adds nothing to them.

/** One key typed into the profile search: ms from the key event to the list showing the query. */
interface TunnelbarSearchSample {
  key: string;
  query: string;
  /** To the DOM change (the list's data-query matches the field). */
  dom: number;
  /** To the first task after the next animation frame: the frame that shows it was drawn. */
  frame: number;
}

/** One change of a switch's aria-checked, at wall-clock ms (timeOrigin + now, sub-ms). */
interface TunnelbarSwitchSample {
  checked: string;
  at: number;
}

function installTunnelbarProbes(): void {
  const search: TunnelbarSearchSample[] = [];
  /** Who waits for the search's samples to reach a count (searchSamples), resolved on push. */
  const searchWaiters: { count: number; resolve: () => void }[] = [];
  const switches: TunnelbarSwitchSample[] = [];
  const wallNow = (): number => performance.timeOrigin + performance.now();

  function armSearch(): void {
    const input = document.querySelector('input[type="search"]');
    const scroller = document.querySelector('.scroller');
    if (!(input instanceof HTMLInputElement) || scroller === null) {
      throw new Error('the profile list is not on the page');
    }
    let pending: { key: string; start: number } | null = null;
    input.addEventListener(
      'keydown',
      (event) => {
        pending = { key: event.key, start: event.timeStamp };
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const started = pending;
      if (started === null || scroller.getAttribute('data-query') !== input.value) return;
      pending = null;
      const dom = performance.now() - started.start;
      const query = input.value;
      requestAnimationFrame(() => {
        setTimeout(() => {
          search.push({ key: started.key, query, dom, frame: performance.now() - started.start });
          for (const waiter of searchWaiters.filter((w) => search.length >= w.count)) {
            searchWaiters.splice(searchWaiters.indexOf(waiter), 1);
            waiter.resolve();
          }
        }, 0);
      });
    }).observe(scroller, { attributes: true, attributeFilter: ['data-query'] });
  }

  /**
   * Resolves once `count` keys were timed. The bench awaits this one call instead of asking again
   * and again: each question would be a task on the page's main thread while it draws the frame
   * being timed.
   */
  function searchSamples(count: number): Promise<number> {
    if (search.length >= count) return Promise.resolve(search.length);
    return new Promise((resolve) => {
      searchWaiters.push({
        count,
        resolve: () => {
          resolve(search.length);
        },
      });
    });
  }

  function watchSwitch(name: string): void {
    new MutationObserver((records) => {
      const at = wallNow();
      for (const record of records) {
        const target = record.target;
        if (!(target instanceof Element) || target.getAttribute('aria-label') !== name) continue;
        switches.push({ checked: target.getAttribute('aria-checked') ?? '', at });
      }
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-checked'],
    });
  }

  /**
   * Page open: from the document's start, watches for the switch named `name` and stamps (wall
   * clock) the first task after the frame that draws it. Installed by an init script, so nothing
   * from the bench runs on the page's main thread while it loads (polling with Playwright's role
   * queries did, tens of ms of them on a busy machine).
   */
  let listShownAt: number | null = null;
  const listShownWaiters: ((at: number) => void)[] = [];
  function watchListShown(name: string): void {
    const selector = `[role="switch"][aria-label="${CSS.escape(name)}"]`;
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector) === null) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        setTimeout(() => {
          const at = wallNow();
          listShownAt = at;
          for (const resolve of listShownWaiters.splice(0)) resolve(at);
        }, 0);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  }

  /** Resolves with the wall-clock ms at which the watched switch was drawn. */
  function listShown(): Promise<number> {
    if (listShownAt !== null) return Promise.resolve(listShownAt);
    return new Promise((resolve) => {
      listShownWaiters.push(resolve);
    });
  }

  Object.defineProperty(window, 'tunnelbarProbes', {
    value: {
      search,
      switches,
      armSearch,
      searchSamples,
      watchSwitch,
      watchListShown,
      listShown,
      wallNow,
    },
  });
}

installTunnelbarProbes();
