import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callChannel, eventChannel, isOneOf, type CallReply } from './channels';
import type { CallFailure, CallName, CallResults, EventName, TunnelbarApi } from './contract';

/**
 * The sandboxed preload: puts exactly the contract's TunnelbarApi on `window.tunnelbar`, and is
 * the only code that touches ipcRenderer. Names are checked here as well as in main, so a page
 * cannot reach a channel outside the contract; payloads are validated in main only (the schemas
 * stay out of the preload bundle).
 */

/**
 * The contract's names, put in at build time by vite.preload.config.mts from the contract's one
 * table (CALL_NAMES, EVENT_NAMES): importing the table would bundle zod into the preload.
 */
declare const __TUNNELBAR_CONTRACT_NAMES__: {
  readonly calls: readonly CallName[];
  readonly events: readonly EventName[];
};
const { calls: callNames, events: eventNames } = __TUNNELBAR_CONTRACT_NAMES__;

function refused(word: string, sentence: string): Promise<never> {
  const failure: CallFailure = { word, sentence };
  // A plain object, not an Error: contextBridge copies only an Error's message, and the renderer
  // needs the word.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(failure);
}

const api: TunnelbarApi = {
  async call(name, ...args) {
    if (!isOneOf(callNames, name)) {
      return refused('unknown-call', `There is no call named "${String(name)}".`);
    }
    type Result = CallResults[typeof name];
    const reply = (await ipcRenderer.invoke(callChannel(name), ...args)) as CallReply<Result>;
    if (reply.ok) return reply.value;
    return refused(reply.failure.word, reply.failure.sentence);
  },

  on(name, listener) {
    if (!isOneOf(eventNames, name)) {
      throw new Error(`There is no event named "${String(name)}".`);
    }
    const channel = eventChannel(name);
    // The IPC event is not passed on: it would hand the page ipcRenderer's sender.
    const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]): void => {
      listener(payload);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('tunnelbar', api);
