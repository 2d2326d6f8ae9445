import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNELS, EVENT_CHANNELS, hasChannel, type CallReply } from './channels';
import type { CallFailure, CallResults, TunnelbarApi } from './contract';

/**
 * The sandboxed preload: puts exactly the contract's TunnelbarApi on `window.tunnelbar`, and is
 * the only code that touches ipcRenderer. Names are checked here as well as in main, so a page
 * cannot reach a channel outside the contract; payloads are validated in main only (the schemas
 * stay out of the preload bundle).
 */

function refused(word: string, sentence: string): Promise<never> {
  const failure: CallFailure = { word, sentence };
  // A plain object, not an Error: contextBridge copies only an Error's message, and the renderer
  // needs the word.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(failure);
}

const api: TunnelbarApi = {
  async call(name, ...args) {
    if (!hasChannel(CALL_CHANNELS, name)) {
      return refused('unknown-call', `There is no call named "${String(name)}".`);
    }
    type Result = CallResults[typeof name];
    const reply = (await ipcRenderer.invoke(CALL_CHANNELS[name], ...args)) as CallReply<Result>;
    if (reply.ok) return reply.value;
    return refused(reply.failure.word, reply.failure.sentence);
  },

  on(name, listener) {
    if (!hasChannel(EVENT_CHANNELS, name)) {
      throw new Error(`There is no event named "${String(name)}".`);
    }
    const channel = EVENT_CHANNELS[name];
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
