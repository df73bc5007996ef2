/**
 * `npm start`: the whole product on embedded defaults. Starts the server (PGlite under DATA_DIR
 * unless DATABASE_URL is set), creates a demo tenant with its credentials, generates a SQLite ERP,
 * starts a real sync-client process against it and prints a ready-to-paste curl.
 * A second run reuses everything in DATA_DIR.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, startServer } from '@cotejo/server';
import { createDemoErp, demoErpLookupSql, type DemoInvoices } from './lib/demo-erp.ts';
import { startTs } from './lib/logged-process.ts';
import { ensureWebBuild } from './lib/web-build.ts';
import { writeSqliteSyncClientConfig } from './lib/sync-client-config.ts';

interface DemoFile {
  url: string;
  tenantId: string;
  apiToken: string;
  agentKey: string;
  invoices: DemoInvoices;
  /** The web app's demo login. */
  user?: { email: string; password: string };
}

const config = loadConfig(process.env);
const dataDir = resolve(config.dataDir);
mkdirSync(dataDir, { recursive: true });
const demoPath = join(dataDir, 'demo.json');
const erpPath = join(dataDir, 'demo-erp.sqlite');
const syncClientConfigPath = join(dataDir, 'sync-client.yaml');

ensureWebBuild((line) => process.stdout.write(`${line}\n`));
const server = await startServer(config);

async function createDemo(): Promise<Omit<DemoFile, 'url'>> {
  const tenant = await server.admin.createTenant('Empresa Demo');
  const { key } = await server.admin.createAgentKey(tenant.id);
  const { token } = await server.admin.createApiToken(tenant.id);
  rmSync(erpPath, { force: true });
  const invoices = createDemoErp(erpPath);
  return { tenantId: tenant.id, apiToken: token, agentKey: key, invoices };
}

const previous = existsSync(demoPath)
  ? (JSON.parse(readFileSync(demoPath, 'utf8')) as DemoFile)
  : undefined;
const demo: DemoFile = { ...(previous ?? (await createDemo())), url: server.url };
if (!demo.user) {
  const user = { email: 'demo@cotejo.local', password: randomBytes(12).toString('base64url') };
  await server.admin.createUser(demo.tenantId, user.email, user.password);
  demo.user = user;
}
writeFileSync(demoPath, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });

writeSqliteSyncClientConfig(syncClientConfigPath, {
  serverUrl: server.url,
  erpPath,
  lookupSql: demoErpLookupSql,
});
const syncClient = startTs(
  'packages/sync-client/src/cli/main.ts',
  ['run', '--config', syncClientConfigPath],
  { COTEJO_AGENT_KEY: demo.agentKey },
);
writeFileSync(join(dataDir, 'sync-client.pid'), `${syncClient.child.pid}\n`);
await syncClient.waitForLog((line) => line.msg === 'connected');

const curl = [
  `curl -s -X POST ${server.url}/api/validaciones`,
  `  -H 'Authorization: Bearer ${demo.apiToken}'`,
  `  -H 'Content-Type: application/json'`,
  `  -d '${JSON.stringify(demo.invoices.ok)}'`,
].join(' \\\n');
process.stdout.write(
  [
    '',
    `Cotejo está listo en ${server.url} (${previous ? 'datos reutilizados' : 'demo nueva'}).`,
    `Datos y credenciales de la demo: ${demoPath}`,
    `Aplicación web: ${server.url} — usuario ${demo.user.email}, contraseña ${demo.user.password}`,
    'Un sync-client ya está conectado a un ERP SQLite de demostración.',
    'Pruebe una validación:',
    '',
    curl,
    '',
    'Ctrl+C para detener.',
    '',
  ].join('\n'),
);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await syncClient.stop();
  await server.stop();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
void syncClient.exited.then((code) => {
  if (!stopping) process.stderr.write(`El sync-client terminó (código ${code}).\n`);
});
