import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createTenantWithCredentials,
  platformClient,
  startServerProcess,
  type ServerProcess,
} from '../../scripts/lib/stack.ts';

/**
 * Clients of the first design, written here from its contract alone (ARCHITECTURE.md §3,
 * "Compatibility"), against a real server process whose every log line is captured.
 */
type Message = Record<string, unknown> & { type: string };

class LegacySocket {
  readonly messages: Message[] = [];
  #waiters = new Set<() => void>();
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString('utf8')) as Message);
      for (const wake of this.#waiters) wake();
    });
  }
  static open(url: string): Promise<LegacySocket> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new LegacySocket(socket)));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }
  next(match: (message: Message) => boolean): Promise<Message> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.messages.find(match);
        if (found) {
          this.#waiters.delete(check);
          resolve(found);
        }
      };
      this.#waiters.add(check);
      check();
    });
  }
  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }
}

const invoice = {
  tipoComprobante: 'A',
  numeroComprobante: '0001-00000100',
  cuit: '30500017704',
  fecha: '2026-03-15',
  importe: '1500.00',
};
const localRecord = {
  numeroComprobante: '0001-00000100',
  cuit: '30-50001770-4',
  fecha: '2026-03-15',
  importe: 1500,
};

describe('legacy clients (first design)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-legacy-'));
  let server: ServerProcess;
  let x: Awaited<ReturnType<typeof createTenantWithCredentials>>;
  let y: Awaited<ReturnType<typeof createTenantWithCredentials>>;
  let wsUrl: string;
  let legacy: LegacySocket;

  const waitFor = async (api: ReturnType<typeof platformClient>, id: string) => {
    let current = await api.get(id);
    for (let i = 0; i < 100 && current.body.status === 'PENDIENTE'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      current = await api.get(id);
    }
    return current.body;
  };
  const poll = async (key: string, query = '') =>
    fetch(`${server.url}/api/sync/pending-queries${query}`, {
      headers: { authorization: `Bearer ${key}` },
    });
  const postResponse = (key: string, body: object) =>
    fetch(`${server.url}/api/sync/query-response`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startServerProcess({ dataDir }, { LOG_LEVEL: 'trace', SYNC_WAIT_MS: '0' });
    x = await createTenantWithCredentials({ dataDir }, 'Legado X');
    y = await createTenantWithCredentials({ dataDir }, 'Legado Y');
    wsUrl = server.url.replace('http:', 'ws:');
  });
  afterAll(async () => {
    legacy?.socket.close();
    await server?.process.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a legacy WebSocket client: VALIDATE_INVOICE, VALIDATION_RESULT, PING/PONG', async () => {
    legacy = await LegacySocket.open(`${wsUrl}/ws?tenantId=${x.tenantId}&apiKey=${x.agentKey}`);
    legacy.send({ type: 'PING' });
    await legacy.next((m) => m.type === 'PONG');

    const api = platformClient(server.url, x.apiToken);
    const { body } = await api.validate(invoice);
    const query = await legacy.next((m) => m.type === 'VALIDATE_INVOICE' && m.queryId === body.id);
    expect(query.data).toEqual({
      numeroComprobante: '0001-00000100',
      cuit: '30500017704',
      fecha: '2026-03-15',
      importe: '1500.00',
    });
    legacy.send({
      type: 'VALIDATION_RESULT',
      queryId: body.id,
      result: { validated: true, exists: true, matches: true, data: localRecord },
    });
    expect(await waitFor(api, body.id)).toMatchObject({ status: 'OK' });
  });

  it('refuses QUERY_DATA with a clear error', async () => {
    legacy.send({ type: 'QUERY_DATA', sql: 'SELECT * FROM facturas' });
    const refusal = await legacy.next((m) => m.type === 'ERROR' && m.code === 'METHOD_NOT_FOUND');
    expect(refusal.message).toMatch(/QUERY_DATA no está soportado: la nube nunca envía SQL/);
  });

  it('refuses a key presented for another tenant, and a wrong key', async () => {
    await expect(
      LegacySocket.open(`${wsUrl}/ws?tenantId=${y.tenantId}&apiKey=${x.agentKey}`),
    ).rejects.toThrow('HTTP 401');
    await expect(
      LegacySocket.open(`${wsUrl}/ws?tenantId=${x.tenantId}&apiKey=ck_inexistente`),
    ).rejects.toThrow('HTTP 401');
  });

  it('serves a legacy poller with the same leases, and keeps tenants apart', async () => {
    const apiY = platformClient(server.url, y.apiToken);
    const { body } = await apiY.validate({ ...invoice, importe: '1499.00' });
    const polled = await poll(y.agentKey, `?apiKey=${y.agentKey}`);
    const pending = (await polled.json()) as {
      success: boolean;
      queries: { id: string; type: string; data: unknown; status: string; createdAt: string }[];
    };
    expect(pending).toMatchObject({
      success: true,
      queries: [{ id: body.id, type: 'VALIDATE_INVOICE', status: 'PROCESSING' }],
    });
    expect(await (await poll(y.agentKey)).json()).toEqual({ success: true, queries: [] });

    // Tenant X's clients cannot answer tenant Y's query, by socket or by polling.
    legacy.send({
      type: 'VALIDATION_RESULT',
      queryId: body.id,
      result: { validated: true, exists: false, matches: false, data: null },
    });
    await legacy.next((m) => m.type === 'ERROR' && m.code === 'UNKNOWN_REQUEST');
    const stranger = await postResponse(x.agentKey, {
      queryId: body.id,
      result: { exists: false },
    });
    expect(stranger.status).toBe(404);
    expect((await apiY.get(body.id)).body.status).toBe('PENDIENTE');

    const answered = await postResponse(y.agentKey, {
      queryId: body.id,
      result: { validated: true, exists: true, matches: false, data: localRecord },
    });
    expect(await answered.json()).toEqual({ success: true, duplicate: false });
    expect(await waitFor(apiY, body.id)).toMatchObject({
      status: 'DIFERENCIAS',
      verdict: { differences: [{ field: 'importe', cloud: '1499.00', local: '1500.00' }] },
    });
  });

  it('never writes a key that arrived in a URL to the log', () => {
    expect(server.process.output.length).toBeGreaterThan(10);
    for (const key of [x.agentKey, y.agentKey]) {
      expect(server.process.output.filter((line) => line.includes(key))).toEqual([]);
      expect(server.process.output.filter((line) => line.includes(key.slice(3, 20)))).toEqual([]);
    }
    expect(server.process.output.some((line) => line.includes('apiKey=[redacted]'))).toBe(true);
  });
});
