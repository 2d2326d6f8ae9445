import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CALL_CHANNELS, EVENT_CHANNELS } from '../../preload/channels';
import {
  CALL_NAMES,
  type CallName,
  type EventName,
  type EventPayloads,
} from '../../preload/contract';
import { dispatchCall, type CallHandler } from './call-dispatch';
import type { SenderInfo } from './sender';

/**
 * The typed wrapper over ipcMain, and the only code that uses it: one handler per contract call,
 * each checking its sender before the contract server (which validates the payload) sees it.
 */
export interface IpcOptions {
  server: CallHandler;
  isTrusted: (sender: SenderInfo) => boolean;
  /** Told of every call that succeeded, with its validated arguments, after the fact. */
  onCalled?: (name: CallName, args: unknown[]) => void;
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isTopFrame: frame !== null && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

/** Registers the handlers; returns the function that removes them. */
export function registerCallHandlers(opts: IpcOptions): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(CALL_CHANNELS[name], async (event, ...args: unknown[]) => {
      const reply = await dispatchCall(opts.server, name, args, opts.isTrusted(senderInfo(event)));
      if (reply.ok) opts.onCalled?.(name, args);
      return reply;
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(CALL_CHANNELS[name]);
  };
}

/** Sends one contract event to one window's page. */
export function sendEvent<E extends EventName>(
  target: WebContents,
  name: E,
  payload: EventPayloads[E],
): void {
  if (!target.isDestroyed()) target.send(EVENT_CHANNELS[name], payload);
}
