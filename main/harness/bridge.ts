import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { CallFailure } from '../../preload/contract';
import { CallError, type ContractServer } from '../contract/server';
import { clientMessageSchema, CONTRACT_PATH, type ServerMessage } from './protocol';

/** Large enough for any call of the contract (a prompt answer is at most a few KiB). */
// profiles:import-files carries the files' contents (base64): a provider's folder of thousands.
const MAX_MESSAGE_BYTES = 384 * 1024 * 1024;

function failureOf(err: unknown): CallFailure {
  if (err instanceof CallError) return { word: err.word, sentence: err.message };
  return { word: 'internal-error', sentence: 'The harness failed to carry this out.' };
}

function parseJson(data: RawData): unknown {
  try {
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(new Uint8Array(data));
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * The contract over WebSockets: each call goes to ContractServer.handle (which validates it, as
 * for the Electron shell), each contract event goes to every page. Only pages of the harness's
 * own origin may connect: another site open in the same browser must not drive NetworkManager.
 */
export class ContractBridge {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly sockets = new Set<WebSocket>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly contract: ContractServer,
    private readonly origin: string,
  ) {
    this.unsubscribe = contract.subscribe((name, payload) => {
      for (const socket of this.sockets) send(socket, { type: 'event', name, payload });
    });
  }

  /** For the HTTP server's 'upgrade' event. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== CONTRACT_PATH || req.headers.origin !== this.origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.attach(ws);
    });
  }

  close(): void {
    this.unsubscribe();
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    this.wss.close();
  }

  private attach(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      const parsed = clientMessageSchema.safeParse(parseJson(data));
      if (!parsed.success) {
        ws.close(1008, 'malformed message');
        return;
      }
      const { id, name, args } = parsed.data;
      void this.contract.handle(name, args).then(
        (value) => {
          send(ws, { type: 'reply', id, ok: true, value });
        },
        (err: unknown) => {
          send(ws, { type: 'reply', id, ok: false, failure: failureOf(err) });
        },
      );
    });
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
