import type { TrayMenuEntry } from '../../desktop/surface-types';
import type { TrayInputMessage, TrayPageMessage } from '../protocol';

/**
 * The harness's /tray page: draws the app core's tray model as the panel would (the icon with its
 * tooltip, the menu) and reports a click on the icon or an entry back, as Electron's Tray does.
 * Served by the harness only; types are its only imports.
 */

const socketUrl = new URL('/tray/socket', window.location.href);
socketUrl.protocol = 'ws:';
socketUrl.search = '';
socketUrl.hash = '';
socketUrl.searchParams.set('token', new URLSearchParams(window.location.search).get('token') ?? '');
const socket = new WebSocket(socketUrl);

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the tray page has no #${id}`);
  return found;
}

function input(message: TrayInputMessage): void {
  socket.send(JSON.stringify(message));
}

const icon = element('tray-icon');
icon.addEventListener('click', () => {
  input({ type: 'click' });
});

/** Electron's menus double a literal ampersand; the page shows the name as it is. */
function label(text: string): string {
  return text.replaceAll('&&', '&');
}

function menuItem(entry: TrayMenuEntry, index: number): HTMLLIElement {
  const item = document.createElement('li');
  if (entry.kind === 'separator') {
    item.setAttribute('role', 'separator');
    return item;
  }
  item.setAttribute('role', 'none');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label(entry.label);
  if (entry.kind === 'info') {
    button.setAttribute('role', 'menuitem');
    button.disabled = true;
  } else if (entry.kind === 'vpn') {
    button.setAttribute('role', 'menuitemcheckbox');
    button.setAttribute('aria-checked', String(entry.checked));
    button.disabled = !entry.enabled;
  } else if (entry.kind === 'lockdown' || entry.kind === 'lockdown-lan') {
    button.setAttribute('role', 'menuitemcheckbox');
    button.setAttribute('aria-checked', String(entry.checked));
  } else {
    button.setAttribute('role', 'menuitem');
  }
  button.addEventListener('click', () => {
    input({ type: 'choose', index });
  });
  item.append(button);
  return item;
}

/** What each list was last drawn from: a list is redrawn only when it changed, as a menu is. */
const drawn = new Map<string, string>();

function redraw(id: string, from: unknown, items: () => Node[]): void {
  const key = JSON.stringify(from);
  if (drawn.get(id) === key) return;
  drawn.set(id, key);
  element(id).replaceChildren(...items());
}

function draw(message: TrayPageMessage): void {
  const { model } = message;
  const img = icon.querySelector('img');
  if (img !== null) img.src = `/tray-icons/${message.iconFile}`;
  icon.title = model.tooltip;
  // The page gives the icon's name in the harness's language (tray-page.ts).
  icon.setAttribute('aria-label', `${icon.dataset.name ?? 'Tray icon'}: ${model.tooltip}`);
  icon.dataset.state = model.icon;
  element('tray-tooltip').textContent = model.tooltip;
  redraw('tray-menu', model.menu, () => model.menu.map(menuItem));
  redraw('notifications', message.notifications, () =>
    message.notifications.map((n) => {
      const item = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = n.title;
      item.append(title, ` ${n.body}`);
      return item;
    }),
  );
  redraw('window-requests', message.windowRequests, () =>
    message.windowRequests.map((url) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = url;
      link.target = '_blank';
      link.textContent = url;
      item.append(link);
      return item;
    }),
  );
}

socket.addEventListener('message', (event: MessageEvent<string>) => {
  draw(JSON.parse(event.data) as TrayPageMessage);
});
