/**
 * The one permission a page gets: writing (not reading) the clipboard, for the diagnostics
 * view's Copy button. Everything else (camera, geolocation, notifications from the page, HID,
 * reading the clipboard, ...) is refused without asking.
 */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
