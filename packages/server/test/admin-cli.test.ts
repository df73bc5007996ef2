import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runAdminCli } from '../src/admin/admin-cli.ts';
import { serverFileName } from '../src/admin/server-file.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/start-server.ts';
import { AgentClient } from './support/agent-client.ts';
import { createTestDb, testDbKind, type TestDb } from './support/test-db.ts';

const run = promisify(execFile);
const cliEntry = new URL('../src/admin/main.ts', import.meta.url).pathname;
const tsxBin = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;

/** Runs the CLI in-process and returns its exit code and output. */
async function admin(dataDir: string, databaseUrl: string | undefined, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runAdminCli(
    args,
    { dataDir, databaseUrl },
    {
      out: (text) => (out += text),
      err: (text) => (err += text),
    },
  );
  return { code, out, err, json: () => JSON.parse(out) as Record<string, string> };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cotejo-admin-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('admin CLI, straight to the database', () => {
  let testDb: TestDb | undefined;
  afterEach(async () => {
    await testDb?.close();
  });

  it('creates tenants, keys and tokens, prints secrets once and revokes them', async () => {
    const dataDir = tempDir();
    testDb = testDbKind === 'postgres' ? await createTestDb() : undefined;
    const url = testDb?.databaseUrl;

    const tenant = await admin(dataDir, url, 'tenant', 'create', '--name', 'ACME SA', '--json');
    expect(tenant.code).toBe(0);
    const { id: tenantId = '' } = tenant.json();
    expect(tenantId).toMatch(/^[0-9a-f-]{36}$/);

    const key = await admin(dataDir, url, 'key', 'create', '--tenant', tenantId, '--json');
    expect(Object.keys(key.json()).sort()).toEqual(['id', 'key']);
    expect(key.json().key).toMatch(/^ck_[\w-]{43}$/);
    const token = await admin(dataDir, url, 'token', 'create', '--tenant', tenantId);
    expect(token.out).toMatch(/ct_\S{43}/);
    expect(token.out).toMatch(/no se volverá a mostrar/);

    const list = await admin(dataDir, url, 'tenant', 'list');
    expect(list.out).toContain(`${tenantId}`);
    expect(list.out).toContain('ACME SA');

    expect((await admin(dataDir, url, 'key', 'revoke', '--id', key.json().key ?? '')).code).toBe(0);
    const revokedAgain = await admin(dataDir, url, 'key', 'revoke', '--id', key.json().id ?? '');
    expect(revokedAgain.out).toMatch(/revocada/);

    const user = await admin(
      dataDir,
      url,
      'user',
      'create',
      '--tenant',
      tenantId,
      '--email',
      'Ana@ACME.com',
      '--json',
    );
    expect(user.code).toBe(0);
    expect(user.json().email).toBe('ana@acme.com');
    expect(user.json().password).toMatch(/^[\w-]{16}$/);
    const again = await admin(
      dataDir,
      url,
      'user',
      'create',
      '--tenant',
      tenantId,
      '--email',
      'ana@acme.com',
    );
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/Ya existe un usuario/);

    const unknown = await admin(dataDir, url, 'key', 'create', '--tenant', 'no-existe');
    expect(unknown).toMatchObject({ code: 1, out: '' });
    expect(unknown.err).toMatch(/No existe el cliente/);
    const usage = await admin(dataDir, url, 'tenant', 'borrar');
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/Uso: npm run admin/);
  });
});

describe.skipIf(testDbKind === 'postgres')('admin CLI while a server owns PGlite', () => {
  it('goes through the running server, and opens PGlite itself once it stopped', async () => {
    const dataDir = tempDir();
    const server = await startServer(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    );
    try {
      expect(existsSync(join(dataDir, serverFileName))).toBe(true);
      // The real CLI process: stdout is exactly one JSON object.
      const { stdout } = await run(
        tsxBin,
        [cliEntry, 'tenant', 'create', '--name', 'Vía servidor', '--json'],
        { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } },
      );
      const { id: tenantId = '' } = JSON.parse(stdout) as { id?: string };
      const key = await admin(dataDir, undefined, 'key', 'create', '--tenant', tenantId, '--json');
      const client = await AgentClient.connect(
        `${server.url.replace('http', 'ws')}/api/agent/ws`,
        key.json().key ?? '',
      );
      await client.close();
      expect((await server.admin.listTenants()).map((t) => t.name)).toContain('Vía servidor');
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dataDir, serverFileName))).toBe(false);
    const list = await admin(dataDir, undefined, 'tenant', 'list', '--json');
    expect(list.json()).toMatchObject({ tenants: [{ name: 'Vía servidor' }] });
  });

  it('ignores a stale server.json whose process is gone', async () => {
    const dataDir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(
      join(dataDir, serverFileName),
      JSON.stringify({ url: 'http://127.0.0.1:9', pid: gone }),
    );
    const tenant = await admin(
      dataDir,
      undefined,
      'tenant',
      'create',
      '--name',
      'Directo',
      '--json',
    );
    expect(tenant.code).toBe(0);
    expect(tenant.json().id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
