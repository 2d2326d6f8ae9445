import type { Locale } from '../i18n/locale';
import { TRAY_SCRIPT_PATH } from './protocol';
import { trayStrings as s } from './tray-strings';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** A translation put into the page's HTML, text or attribute. */
function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * The /tray page: the tray as the app core models it (icon, tooltip, menu), clickable, with the
 * notifications shown so far and the windows the app core opened that no page shows yet. Plain
 * DOM, drawn by tray-client.ts, under the renderer's CSP. Its own words are in the harness's
 * language (the active catalogue, which the app core set from `locale`); the client script may
 * import no catalogue, so the one word it needs, the icon's name, comes in a data attribute.
 */
export function trayPage(csp: string, locale: Locale): string {
  return `<!doctype html>
<html lang="${locale}" data-locale="${locale}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>${html(s.title)}</title>
    <script type="module" src="${TRAY_SCRIPT_PATH}"></script>
  </head>
  <body>
    <main>
      <h1>${html(s.heading)}</h1>
      <button id="tray-icon" type="button" data-name="${html(s.icon)}"><img alt="" width="48" height="48" /></button>
      <p id="tray-tooltip"></p>
      <ul id="tray-menu" role="menu" aria-label="${html(s.menu)}"></ul>
      <h2>${html(s.notifications)}</h2>
      <ol id="notifications" aria-label="${html(s.notifications)}"></ol>
      <h2>${html(s.windows)}</h2>
      <ul id="window-requests" aria-label="${html(s.windows)}"></ul>
    </main>
  </body>
</html>
`;
}
