import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withheldLocalValue } from '../src/validations/record-result.ts';
import type { AgentClient } from './support/agent-client.ts';
import { invoiceInput } from './support/invoices.ts';
import { startTestServer, type TestServer, type TestTenant } from './support/test-server.ts';

/** A sync-client in data-minimization mode answers with the verdict alone. */
describe('minimized lookup results', () => {
  let server: TestServer;
  let tenant: TestTenant;

  const answerNext = async (client: AgentClient, result: unknown) => {
    const answered = new Set(client.frames.map((frame) => frame.id));
    const lookup = await client.next(
      (frame) => frame.method === 'invoice.lookup' && !answered.has(frame.id),
    );
    client.send({ jsonrpc: '2.0', id: lookup.id, result });
  };

  beforeAll(async () => {
    server = await startTestServer({ syncWaitMs: 5_000 });
    tenant = await server.createTenant('Empresa minimizada');
  });
  afterEach(() => server.closeAgents());
  afterAll(async () => {
    await server?.stop();
  });

  it('stores the client’s verdict with the cloud values and no local values', async () => {
    const client = await server.connectAgent(tenant.key);
    const posted = server.validate(tenant.token, invoiceInput);
    await answerNext(client, {
      minimized: true,
      status: 'DIFERENCIAS',
      exists: true,
      matches: false,
      differingFields: ['importe', 'fecha'],
      duplicates: 0,
      lookup: 'facturas',
    });
    const body = (await posted).json<Record<string, unknown>>();
    expect(body).toMatchObject({
      status: 'DIFERENCIAS',
      verdict: {
        status: 'DIFERENCIAS',
        exists: true,
        matches: false,
        duplicates: 0,
        local: [],
        differences: [
          { field: 'importe', cloud: '1500.00', local: withheldLocalValue },
          { field: 'fecha', cloud: '2026-03-15', local: withheldLocalValue },
        ],
      },
    });
  });

  it('accepts a minimized NO_ENCONTRADO', async () => {
    const client = await server.connectAgent(tenant.key);
    const posted = server.validate(tenant.token, invoiceInput);
    await answerNext(client, {
      minimized: true,
      status: 'NO_ENCONTRADO',
      exists: false,
      matches: false,
      differingFields: [],
      duplicates: 0,
    });
    expect((await posted).json()).toMatchObject({
      status: 'NO_ENCONTRADO',
      verdict: { exists: false, differences: [], local: [] },
    });
  });

  it('refuses a minimized verdict that contradicts itself', async () => {
    const client = await server.connectAgent(tenant.key);
    const posted = server.validate(tenant.token, invoiceInput);
    await answerNext(client, {
      minimized: true,
      status: 'OK',
      exists: true,
      matches: true,
      differingFields: ['importe'],
      duplicates: 0,
    });
    expect((await posted).json()).toMatchObject({
      status: 'ERROR',
      error: { code: 'BAD_REQUEST' },
    });
  });
});
