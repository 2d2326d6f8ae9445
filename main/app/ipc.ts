import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callChannel, eventChannel } from '../../preload/channels';
import { CALL_NAMES } from '../../preload/contract';
import type { ContractEvent } from '../../preload/mirror';
import { dispatchCall, type CallHandler } from '../desktop/call-dispatch';
import type { SenderInfo } from './sender';

/**
 * The typed wrapper over ipcMain, and the only code that uses it: one handler per contract call,
 * each checking its sender before the contract server (which validates the payload) sees it.
 */
export interface IpcOptions {
  server: CallHandler;
  isTrusted: (sender: SenderInfo) => boolean;
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
    ipcMain.handle(callChannel(name), (event, ...args: unknown[]) =>
      dispatchCall(opts.server, name, args, opts.isTrusted(senderInfo(event))),
    );
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(callChannel(name));
  };
}

/** Sends one contract event to one window's page. */
export function sendEvent(target: WebContents, event: ContractEvent): void {
  if (!target.isDestroyed()) target.send(eventChannel(event.name), event.payload);
}
