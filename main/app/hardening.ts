import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../desktop/csp';
import { isAllowedPermission } from './permissions';

/**
 * The session's half of the hardening (the window's half is window-options.ts): the CSP on every
 * response, and every permission (camera, notifications from the page, geolocation, HID, ...)
 * refused without asking (but clipboard writes, above). Main shows notifications itself.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isAllowedPermission(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Every page stays where it was loaded: no navigation (a link, a dropped file, a redirect),
 * no new windows, no <webview>. Main opens windows and changes routes with loadURL, which these
 * events do not cover.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the above to every web contents the app ever creates, ours or not. */
export function hardenApp(session: Session): void {
  hardenSession(session);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}
