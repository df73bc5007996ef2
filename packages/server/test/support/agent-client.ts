import { agentSubprotocol, type LocalRow } from '@cotejo/protocol';
import WebSocket from 'ws';

export interface Frame {
  jsonrpc: '2.0';
  id?: string | number | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: { code?: string } };
}

/** What the server said when it refused an upgrade. */
export interface Refusal {
  status: number;
  body: { error: { code: string; message: string } };
}

/**
 * A real WebSocket client standing in for a sync-client: records every frame it receives,
 * lets tests wait for frames and for the close, and answers lookups.
 */
export class AgentClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse((data as Buffer).toString('utf8')) as Frame);
      for (const wake of this.#waiters) wake();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
    );
  }

  static connect(
    wsUrl: string,
    key: string | null,
    protocol: string | null = agentSubprotocol,
  ): Promise<AgentClient> {
    const socket = new WebSocket(wsUrl, protocol === null ? [] : [protocol], {
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
    });
    const client = new AgentClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('end', () => {
          const refusal: Refusal = {
            status: response.statusCode ?? 0,
            body: JSON.parse(body) as Refusal['body'],
          };
          reject(Object.assign(new Error('upgrade refused'), { refusal }));
          socket.terminate();
        });
      });
    });
  }

  /** Connects expecting a refusal; resolves with it. */
  static async refusal(wsUrl: string, key: string | null, protocol?: string | null) {
    try {
      const client = await AgentClient.connect(wsUrl, key, protocol);
      client.socket.terminate();
    } catch (error) {
      const { refusal } = error as { refusal?: Refusal };
      if (refusal) return refusal;
      throw error;
    }
    throw new Error('the upgrade was accepted');
  }

  /** The first received frame (already seen or to come) matching `match`. */
  next(match: (frame: Frame) => boolean): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.find(match);
        if (found) {
          this.#waiters.delete(check);
          resolve(found);
        }
      };
      this.#waiters.add(check);
      void this.closed.then(() => {
        if (this.#waiters.delete(check)) reject(new Error('closed before the expected frame'));
      });
      check();
    });
  }

  lookup(id: string): Promise<Frame> {
    return this.next((frame) => frame.method === 'invoice.lookup' && frame.id === id);
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  answer(id: string, rows: LocalRow[]): void {
    this.send({ jsonrpc: '2.0', id, result: { rows, lookup: 'facturas' } });
  }

  /** Answers every lookup, now and later, with `rowsFor(invoice params)`. */
  autoAnswer(rowsFor: (params: Record<string, unknown>) => LocalRow[]): void {
    const answered = new Set<unknown>();
    const sweep = () => {
      for (const frame of this.frames) {
        if (frame.method !== 'invoice.lookup' || answered.has(frame.id)) continue;
        answered.add(frame.id);
        this.answer(String(frame.id), rowsFor(frame.params as Record<string, unknown>));
      }
    };
    this.#waiters.add(sweep);
    sweep();
  }

  hello(hostname = 'erp-server-01'): void {
    this.send({
      jsonrpc: '2.0',
      method: 'agent.hello',
      params: { version: '0.1.0', hostname, database: 'sqlite', lookups: ['facturas'] },
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close(1000);
    await this.closed;
  }
}
