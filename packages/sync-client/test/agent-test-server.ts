import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { agentSubprotocol } from '@cotejo/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import { frameText } from '../src/connection/frame-text.ts';

/** A queue of values that tests take in arrival order. */
function createInbox<T>() {
  const items: T[] = [];
  const waiting: ((item: T) => void)[] = [];
  return {
    put(item: T) {
      const waiter = waiting.shift();
      if (waiter) waiter(item);
      else items.push(item);
    },
    take(): Promise<T> {
      const item = items.shift();
      if (item !== undefined) return Promise.resolve(item);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

export interface PeerConnection {
  socket: WebSocket;
  headers: IncomingHttpHeaders;
  next(): Promise<Record<string, unknown>>;
  request(method: string, params?: unknown): Promise<Record<string, unknown>>;
}

/**
 * A tiny stand-in for the Cotejo server's agent endpoint: real HTTP upgrade, subprotocol
 * `cotejo.v1`, Bearer key check (answering 401 otherwise), frames as parsed JSON; and
 * `GET /healthz`.
 */
export async function startAgentServer(acceptedKey = 'clave-de-prueba') {
  const server = createServer();
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(agentSubprotocol) ? agentSubprotocol : false),
  });
  const connections = createInbox<PeerConnection>();
  /** `busyRetryAfterSeconds`: answer upgrades 503 with that Retry-After (a storm). */
  const state = { acceptedKey, nextId: 1, busyRetryAfterSeconds: null as number | null };

  server.on('request', (request, response) => {
    const found = request.url === '/healthz';
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(found ? { ok: true } : { error: { code: 'NOT_FOUND' } }));
  });
  server.on('upgrade', (request, socket, head) => {
    if (state.busyRetryAfterSeconds !== null) {
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${state.busyRetryAfterSeconds}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    const authorized = request.headers.authorization === `Bearer ${state.acceptedKey}`;
    if (request.url !== '/api/agent/ws' || !authorized) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const frames = createInbox<Record<string, unknown>>();
      ws.on('message', (data) =>
        frames.put(JSON.parse(frameText(data)) as Record<string, unknown>),
      );
      connections.put({
        socket: ws,
        headers: request.headers,
        next: () => frames.take(),
        async request(method, params) {
          const id = `req-${state.nextId++}`;
          ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
          const response = await frames.take();
          if (response.id !== id)
            throw new Error(`respuesta inesperada: ${JSON.stringify(response)}`);
          return response;
        },
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    nextConnection: () => connections.take(),
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.close();
      await once(server, 'close');
    },
  };
}
