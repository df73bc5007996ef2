import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.ts';
import { startAgentServer } from './agent-test-server.ts';
import { mssqlLogin, startMssqlErp } from './mssql-erp.ts';
import { runCli } from './run-cli.ts';
import { createSqliteErp, facturasLookup } from './sqlite-erp.ts';

const indent = (sql: string) => sql.replaceAll('\n', '\n      ');
const key = { COTEJO_AGENT_KEY: 'clave-de-prueba' };

describe('sync-client doctor, audit verify and --version', () => {
  let erp: ReturnType<typeof createSqliteErp>;
  let server: Awaited<ReturnType<typeof startAgentServer>>;
  const writeConfig = (database: string, lookupSql = facturasLookup, url = server.url) => {
    const file = join(erp.folder, 'cotejo.yaml');
    writeFileSync(
      file,
      `server:\n  url: ${url}\ndatabase:\n${database}\nlookups:\n  - name: facturas\n` +
        `    sql: |\n      ${indent(lookupSql)}\n`,
    );
    return file;
  };
  const sqlite = '  kind: sqlite\n  path: ./erp.sqlite';

  beforeEach(async () => {
    erp = createSqliteErp();
    server = await startAgentServer();
  });
  afterEach(async () => {
    await server.close();
    erp[Symbol.dispose]();
  });

  it('prints the version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('0.1.0');
  });

  it('reports a good configuration in Spanish and exits 0', async () => {
    const { code, stdout } = await runCli(['doctor', '--config', writeConfig(sqlite)], key);
    expect(stdout).toContain('✔ Base de datos sqlite: conexión y usuario correctos');
    expect(stdout).toContain('✔ Lookup «facturas» ejecuta (0 filas con datos de prueba)');
    expect(stdout).toContain('✔ El usuario sólo puede leer las tablas consultadas (facturas)');
    expect(stdout).toMatch(/✔ Reloj sincronizado \(diferencia -?\d+ s\)/);
    expect(stdout).toContain('✔ Clave del sync-client aceptada; conexión WebSocket disponible');
    expect(stdout).toContain('Resultado: todo en orden.');
    expect(code).toBe(0);
  });

  it('reports a broken configuration (bad column, wrong key) and exits 1', async () => {
    const broken = facturasLookup.replace('razon_social AS', 'razon AS');
    const { code, stdout } = await runCli(['doctor', '--config', writeConfig(sqlite, broken)], {
      COTEJO_AGENT_KEY: 'otra-clave',
    });
    expect(stdout).toContain('✘ Lookup «facturas» falla');
    expect(stdout).toContain('no such column: razon');
    expect(stdout).toContain('✘ El servidor rechazó la clave del sync-client (HTTP 401)');
    expect(stdout).toContain('Resultado: 2 problema(s) a corregir');
    expect(code).toBe(1);
  });

  it('reports an unreachable server and database', async () => {
    const missing = '  kind: sqlite\n  path: ./no-existe.sqlite';
    const { code, stdout } = await runCli(
      ['doctor', '--config', writeConfig(missing, facturasLookup, 'http://127.0.0.1:9')],
      key,
    );
    expect(stdout).toContain('✘ No se pudo conectar a la base de datos');
    expect(stdout).toContain('✘ El servidor http://127.0.0.1:9 no responde');
    expect(code).toBe(1);
  });

  it('warns when the SQL Server login can write to the tables it reads', async () => {
    const mssql = await startMssqlErp({ writableTables: ['facturas'] });
    try {
      mssql.exec(`CREATE TABLE facturas (punto_venta INT, numero INT, numero_comprobante NVARCHAR(20),
        cuit VARCHAR(11), fecha DATE, importe DECIMAL(15,2), razon_social NVARCHAR(100))`);
      const database =
        `  kind: mssql\n  host: 127.0.0.1\n  port: ${mssql.server.port}\n  user: ${mssqlLogin.user}\n` +
        `  database: ERP\n  passwordEnv: ERP_PASS\n  encrypt: false`;
      const { code, stdout } = await runCli(['doctor', '--config', writeConfig(database)], {
        ...key,
        ERP_PASS: mssqlLogin.password,
      });
      expect(stdout).toContain('✔ Lookup «facturas» ejecuta');
      expect(stdout).toContain('⚠ El usuario de la base puede modificar facturas');
      expect(stdout).toContain('Resultado: funciona, con 1 advertencia(s).');
      expect(code).toBe(0);
    } finally {
      await mssql.close();
    }
  });

  it('audit verify: accepts an intact log and catches an edited line', async () => {
    const file = writeConfig(sqlite);
    const path = join(erp.folder, 'cotejo-audit.jsonl');
    const log = new AuditLog({ path, maxBytes: 1024 * 1024, keepFiles: 10 });
    for (const requestId of ['a', 'b', 'c']) {
      log.append({
        requestId,
        kind: 'lookup',
        name: 'facturas',
        params: { cuit: '30712345675' },
        rows: 1,
        durationMs: 2,
        outcome: 'ok',
      });
    }
    const intact = await runCli(['audit', 'verify', '--config', file]);
    expect(intact.stdout).toContain(
      '✔ Registro de auditoría íntegro: 3 registros en 1 archivo(s).',
    );
    expect(intact.code).toBe(0);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"requestId":"b"', '"requestId":"x"'));
    const edited = await runCli(['audit', 'verify', '--config', file]);
    expect(edited.stdout).toContain('✘ El registro de auditoría fue alterado');
    expect(edited.stdout).toContain('cotejo-audit.jsonl:2: el contenido fue modificado');
    expect(edited.code).toBe(1);
  });
});
