import { z } from 'zod';
import type { CallFailure, EventName } from '../../preload/contract';
import type { NotificationText, TrayModel } from '../desktop/surface-types';

/**
 * The harness's WebSocket protocols, as JSON messages. A page of the app connects to
 * CONTRACT_PATH: it is one window of the app core, carrying the contract's calls (the same
 * (name, args) the preload sends over IPC) and events, and told to show or close itself. The
 * /tray page connects to TRAY_PATH: it draws the tray's model and reports clicks. The browser
 * scripts import the types only (no zod in the page).
 */
export const CONTRACT_PATH = '/contract';
export const TRAY_PATH = '/tray/socket';
export const TRAY_PAGE_PATH = '/tray';
export const CLIENT_SCRIPT_PATH = '/harness/tunnelbar-client.js';
export const TRAY_SCRIPT_PATH = '/harness/tray-client.js';
/** The tray's PNGs (assets/tray), as Electron's Tray shows them. */
export const TRAY_ICONS_PATH = '/tray-icons/';
/** The query parameter carrying the harness's token, on its pages and its WebSockets. */
export const TOKEN_PARAM = 'token';
/** The query parameter a page's WebSocket names its route with (its location.hash). */
export const ROUTE_PARAM = 'route';

export const clientMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  name: z.string().max(64),
  args: z.array(z.unknown()).max(8),
});
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; failure: CallFailure }
  | { type: 'event'; name: EventName; payload: unknown }
  /** Come forward, moving to this hash first when it is not null. */
  | { type: 'show'; hash: string | null }
  /** The app core closed this window. */
  | { type: 'close' };

export const trayInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('click') }),
  z.object({ type: z.literal('choose'), index: z.number().int().nonnegative().max(10_000) }),
]);
export type TrayInputMessage = z.infer<typeof trayInputSchema>;

/** What the /tray page shows: the tray, and what the desktop around it would show. */
export interface TrayPageMessage {
  type: 'tray';
  model: TrayModel;
  /** The PNG the icon shows, under TRAY_ICONS_PATH. */
  iconFile: string;
  /** Every notification so far, oldest first. */
  notifications: NotificationText[];
  /** Windows the app core opened that no page shows yet: their URLs, to open. */
  windowRequests: string[];
}
