import { TRAY_SCRIPT_PATH } from './protocol';

/**
 * The /tray page: the tray as the app core models it (icon, tooltip, menu), clickable, with the
 * notifications shown so far and the windows the app core opened that no page shows yet. Plain
 * DOM, drawn by tray-client.ts, under the renderer's CSP.
 */
export function trayPage(csp: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <title>Tunnelbar tray (harness)</title>
    <script type="module" src="${TRAY_SCRIPT_PATH}"></script>
  </head>
  <body>
    <main>
      <h1>Tray</h1>
      <button id="tray-icon" type="button"><img alt="" width="48" height="48" /></button>
      <p id="tray-tooltip"></p>
      <ul id="tray-menu" role="menu" aria-label="Tray menu"></ul>
      <h2>Notifications</h2>
      <ol id="notifications" aria-label="Notifications"></ol>
      <h2>Windows to open</h2>
      <ul id="window-requests" aria-label="Windows to open"></ul>
    </main>
  </body>
</html>
`;
}
