import { z } from 'zod';
import type { CallFailure, EventName } from '../../preload/contract';

/**
 * The harness's WebSocket protocol: the contract's calls and events as JSON messages. Calls carry
 * the same (name, args) the preload sends over IPC, and are validated by the same ContractServer.
 * The browser client imports the types only (no zod in the page).
 */
export const CONTRACT_PATH = '/contract';
export const CLIENT_SCRIPT_PATH = '/harness/tunnelbar-client.js';

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
  | { type: 'event'; name: EventName; payload: unknown };
