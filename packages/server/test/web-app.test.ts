import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type App } from '../src/app.ts';
import { createTestDb, type TestDb } from './support/test-db.ts';
import { testConfig } from './support/test-server.ts';

const page = { accept: 'text/html,application/xhtml+xml' };

describe('the web app files', () => {
  const root = mkdtempSync(join(tmpdir(), 'cotejo-web-'));
  const built = join(root, 'dist');
  let testDb: TestDb;
  let withBuild: App;
  let withoutBuild: App;

  beforeAll(async () => {
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><title>Cotejo</title><div id="root"></div>',
    );
    writeFileSync(join(built, 'assets', 'app-1234.js'), 'console.log(1)');
    testDb = await createTestDb();
    const logger = pino({ level: 'silent' });
    withBuild = buildServer({ config: testConfig, db: testDb.db, logger, web: { webDir: built } });
    withoutBuild = buildServer({
      config: testConfig,
      db: testDb.db,
      logger,
      web: { webDir: join(root, 'missing') },
    });
    await Promise.all([withBuild.ready(), withoutBuild.ready()]);
  });
  afterAll(async () => {
    await withBuild?.close();
    await withoutBuild?.close();
    await testDb?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html for the app routes, with a content security policy', async () => {
    for (const url of ['/', '/documentos/123', '/sync-clients?x=1']) {
      const response = await withBuild.inject({ url, headers: page });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves hashed assets with a long cache, and unknown API paths as JSON 404', async () => {
    const asset = await withBuild.inject({ url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await withBuild.inject({ url: '/api/nada', headers: page });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const notAPage = await withBuild.inject({ url: '/favicon-que-no-existe.ico' });
    expect(notAPage.statusCode).toBe(404);
  });

  it('explains how to build the app when there is no build', async () => {
    const response = await withoutBuild.inject({ url: '/documentos', headers: page });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build -w packages/web');
    expect((await withoutBuild.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
