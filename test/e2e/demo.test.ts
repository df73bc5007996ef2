import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTs, type LoggedProcess } from '../../scripts/lib/logged-process.ts';
import { platformClient } from '../../scripts/lib/stack.ts';

interface DemoFile {
  url: string;
  tenantId: string;
  apiToken: string;
  invoices: Record<'ok' | 'diferencias' | 'noEncontrado' | 'duplicado', unknown>;
}

const expectedStatus = {
  ok: 'OK',
  diferencias: 'DIFERENCIAS',
  noEncontrado: 'NO_ENCONTRADO',
  duplicado: 'DUPLICADO',
} as const;

describe('npm start on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cotejo-demo-'));
  let demo: LoggedProcess | undefined;

  const startDemo = async () => {
    demo = startTs('scripts/demo.ts', [], { PORT: '0', DATA_DIR: dataDir });
    await demo.waitForText(/Cotejo está listo/, 60_000);
    return JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoFile;
  };

  afterAll(async () => {
    await demo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes demo.json whose invoices each yield their status, and prints a curl', async () => {
    const file = await startDemo();
    expect(demo?.output.some((line) => line.includes(`curl -s -X POST ${file.url}`))).toBe(true);
    const api = platformClient(file.url, file.apiToken);
    for (const [name, status] of Object.entries(expectedStatus)) {
      const { body } = await api.validate(file.invoices[name as keyof typeof expectedStatus]);
      expect({ name, status: body.status }).toEqual({ name, status });
    }
  });

  it('reuses the data on a second start', async () => {
    const first = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoFile;
    await demo?.stop();
    const second = await startDemo();
    expect(second.tenantId).toBe(first.tenantId);
    expect(demo?.output.some((line) => line.includes('datos reutilizados'))).toBe(true);
    const { body } = await platformClient(second.url, second.apiToken).validate(second.invoices.ok);
    expect(body.status).toBe('OK');
  });
});
