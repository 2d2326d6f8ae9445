import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { ContractEvent } from '../../preload/mirror';
import { parseRoute, routeHash, type Route } from '../../preload/routes';
import { dispatchCall, type CallHandler } from '../desktop/call-dispatch';
import type { WindowId } from '../desktop/platform';
import { clientMessageSchema, ROUTE_PARAM, type ServerMessage } from './protocol';

/**
 * The largest legitimate message: an import of dropped files, which the renderer caps at
 * 256 MiB (renderer/import/read-files.ts), as base64 (4/3) with its JSON around it.
 */
export const MAX_MESSAGE_BYTES = 384 * 1024 * 1024;

export function parseJson(data: RawData): unknown {
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

export interface WindowSockets {
  opened(id: WindowId, route: Route): void;
  closed(id: WindowId): void;
}

/**
 * The contract over WebSockets, each page a window of the app core: its calls go to the app core
 * (which validates them, as behind Electron's IPC), and it hears the events the app core sends
 * it. The harness checks the token and origin before a socket gets here.
 */
export class ContractBridge {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly sockets = new Map<WindowId, WebSocket>();
  private nextId = 1;

  constructor(
    private readonly calls: CallHandler,
    private readonly windows: WindowSockets,
  ) {}

  /** For the HTTP server's 'upgrade' event, once the request was let in. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = parseRoute(url.searchParams.get(ROUTE_PARAM) ?? '');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.attach(ws, route);
    });
  }

  send(id: WindowId, event: ContractEvent): void {
    this.message(id, { type: 'event', name: event.name, payload: event.payload });
  }

  show(id: WindowId, route: Route | null): void {
    this.message(id, { type: 'show', hash: route === null ? null : routeHash(route) });
  }

  /** Tells the page to close and lets go of it: the app core hears it closed at once. */
  close(id: WindowId): void {
    const ws = this.sockets.get(id);
    if (ws === undefined) return;
    this.message(id, { type: 'close' });
    this.forget(id);
    ws.close(1000, 'closed by the app');
  }

  closeAll(): void {
    for (const id of [...this.sockets.keys()]) this.close(id);
    this.wss.close();
  }

  private attach(ws: WebSocket, route: Route): void {
    const id = this.nextId++;
    this.sockets.set(id, ws);
    ws.on('close', () => {
      this.forget(id);
    });
    ws.on('message', (data) => {
      const parsed = clientMessageSchema.safeParse(parseJson(data));
      if (!parsed.success) {
        ws.close(1008, 'malformed message');
        return;
      }
      const { id: callId, name, args } = parsed.data;
      void dispatchCall(this.calls, name, args, true).then((reply) => {
        send(ws, { type: 'reply', id: callId, ...reply });
      });
    });
    this.windows.opened(id, route);
  }

  private forget(id: WindowId): void {
    if (this.sockets.delete(id)) this.windows.closed(id);
  }

  private message(id: WindowId, message: ServerMessage): void {
    const ws = this.sockets.get(id);
    if (ws !== undefined) send(ws, message);
  }
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}
