/**
 * The renderer's Content-Security-Policy, from `default-src 'none'` up: only our own scripts,
 * styles, images and fonts, and connections back to where the page came from (the harness's
 * WebSocket; in Electron, file:// allows nothing more). No inline script or style, no eval, no
 * frames, no plugins, no forms.
 *
 * The one string is used twice: main sets it as a response header on the session, and the
 * renderer's index.html carries it in a <meta http-equiv="Content-Security-Policy"> (file://
 * pages get no headers). Directives that a <meta> policy ignores (frame-ancestors, sandbox,
 * report-uri) are left out so both carry the same policy and the browser logs no warning.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
