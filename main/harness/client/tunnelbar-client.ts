import type { CallFailure, EventName, TunnelbarApi } from '../../../preload/contract';
import type { ClientMessage, ServerMessage } from '../protocol';

/**
 * The harness's stand-in for the preload: window.tunnelbar (the contract's TunnelbarApi) over a
 * WebSocket to the harness, which hands calls to the same ContractServer the Electron shell uses.
 * Served by the harness only; never part of the renderer's bundle. Loaded as a module before the
 * renderer's own, so the API exists when the renderer starts.
 */

type Pending = { resolve: (value: unknown) => void; reject: (failure: CallFailure) => void };

// The page is one window of the app core: it names its route (the hash it was opened at, which
// says whether it is the editor or a request's prompt) and passes the harness's token on.
const socketUrl = new URL('/contract', window.location.href);
socketUrl.protocol = 'ws:';
socketUrl.search = '';
socketUrl.hash = '';
socketUrl.searchParams.set('token', new URLSearchParams(window.location.search).get('token') ?? '');
socketUrl.searchParams.set('route', window.location.hash);
const socket = new WebSocket(socketUrl);
const pending = new Map<number, Pending>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 1;

const opened = new Promise<void>((resolve) => {
  socket.addEventListener('open', () => {
    resolve();
  });
});

function failure(word: string, sentence: string): CallFailure {
  return { word, sentence };
}

socket.addEventListener('message', (event: MessageEvent<string>) => {
  const message = JSON.parse(event.data) as ServerMessage;
  switch (message.type) {
    case 'reply': {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(message.failure);
      break;
    }
    case 'event':
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
      break;
    case 'show':
      // As Electron's loadURL of a new hash: the renderer sees a hashchange, keeps its state.
      if (message.hash !== null && window.location.hash !== message.hash) {
        window.location.hash = message.hash;
      }
      window.focus();
      break;
    case 'close':
      // Only closes a window a script opened; the app core has let go of this one either way.
      window.close();
      break;
  }
});

socket.addEventListener('close', () => {
  for (const waiting of pending.values()) {
    waiting.reject(failure('harness-closed', 'The test harness closed its connection.'));
  }
  pending.clear();
});

const api: TunnelbarApi = {
  async call(name, ...args) {
    await opened;
    const id = nextId++;
    const message: ClientMessage = { type: 'call', id, name, args };
    return new Promise((resolve, reject) => {
      if (socket.readyState !== WebSocket.OPEN) {
        // A plain {word, sentence}, as the preload rejects with: the renderer reads both.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(failure('harness-closed', 'The test harness closed its connection.'));
        return;
      }
      // The value comes from ContractServer, typed by the contract on the harness's side.
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify(message));
    });
  },
  on(name, listener) {
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
};

Object.defineProperty(window, 'tunnelbar', { value: Object.freeze(api), enumerable: true });
