import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAgentServer } from './agent-test-server.ts';
import { sampleInvoice } from './invoice-fixtures.ts';
import { createSqliteErp, facturasLookup } from './sqlite-erp.ts';

const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

function startCli(
  config: string,
  env: Record<string, string> = { COTEJO_AGENT_KEY: 'clave-de-prueba' },
) {
  const child = spawn(tsx, [main, 'run', '--config', config], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr }));
  return { child, exited };
}

const indent = (sql: string) => sql.replaceAll('\n', '\n      ');

describe('sync-client CLI', () => {
  let erp: ReturnType<typeof createSqliteErp>;
  const writeConfig = (url: string, lookupSql: string, name = 'facturas') => {
    const file = join(erp.folder, 'cotejo.yaml');
    writeFileSync(
      file,
      `server:\n  url: ${url}\n  keyEnv: COTEJO_AGENT_KEY\ndatabase:\n  kind: sqlite\n  path: ./erp.sqlite\n` +
        `lookups:\n  - name: ${name}\n    sql: |\n      ${indent(lookupSql)}\nqueryTimeoutMs: 5000\n` +
        `maxConcurrentLookups: 4\nlogLevel: info\n`,
    );
    return file;
  };

  beforeEach(() => {
    erp = createSqliteErp();
  });
  afterEach(() => erp[Symbol.dispose]());

  it('refuses to start on a DELETE lookup, naming the lookup', async () => {
    const config = writeConfig(
      'http://127.0.0.1:9',
      'DELETE FROM facturas WHERE numero = @numero',
      'borrar',
    );
    const { code, stderr } = await startCli(config).exited;
    expect(code).toBe(2);
    expect(stderr).toContain('lookups[0].sql');
    expect(stderr).toContain('«borrar» no es un único SELECT');
    expect(erp.count()).toBe(1);
  });

  it('refuses to start on two statements', async () => {
    const config = writeConfig('http://127.0.0.1:9', `${facturasLookup};\nDROP TABLE facturas;`);
    const { code, stderr } = await startCli(config).exited;
    expect(code).toBe(2);
    expect(stderr).toContain(
      '«facturas» no es un único SELECT de solo lectura: contiene más de una sentencia',
    );
    expect(erp.count()).toBe(1);
  });

  it('refuses to start without the key in the environment', async () => {
    const config = writeConfig('http://127.0.0.1:9', facturasLookup);
    const { code, stderr } = await startCli(config, {}).exited;
    expect(code).toBe(2);
    expect(stderr).toContain('la variable de entorno COTEJO_AGENT_KEY no está definida');
  });

  it('runs: logs "connected", answers a lookup and stops on SIGTERM', async () => {
    const server = await startAgentServer();
    try {
      const { child, exited } = startCli(writeConfig(server.url, facturasLookup));
      const lines = createInterface({ input: child.stdout });
      const peer = await server.nextConnection();
      expect(await peer.next()).toMatchObject({
        method: 'agent.hello',
        params: { database: 'sqlite', lookups: ['facturas'], version: '0.1.0' },
      });
      for await (const line of lines) {
        if ((JSON.parse(line) as { msg?: string }).msg === 'connected') break;
      }
      const response = await peer.request('invoice.lookup', sampleInvoice);
      expect(response).toMatchObject({
        result: { lookup: 'facturas', rows: [{ importe: '1234.56' }] },
      });
      child.kill('SIGTERM');
      expect((await exited).code).toBe(0);
    } finally {
      await server.close();
    }
  });
});
