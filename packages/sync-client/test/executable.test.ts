import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExecutable } from '../scripts/build-executable.ts';
import { startAgentServer } from './agent-test-server.ts';
import { mssqlLogin, startMssqlErp } from './mssql-erp.ts';
import { runCli } from './run-cli.ts';

/** The packaged sync-client: the single-file bundle and the Linux single executable built from it. */
describe('packaged sync-client', () => {
  let folder: string;
  let executable: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cotejo-sea-'));
    executable = await buildExecutable(folder);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints its version, from the executable and from the bundle', async () => {
    const fromExecutable = await runCli(['--version'], {}, [executable]);
    expect(fromExecutable).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    const fromBundle = await runCli(['--version'], {}, [
      process.execPath,
      join(folder, 'cotejo-sync-client.cjs'),
    ]);
    expect(fromBundle.stdout).toBe('0.1.0\n');
  });

  it('runs doctor against SQL Server and the Cotejo server', async () => {
    const erp = await startMssqlErp();
    const server = await startAgentServer();
    try {
      erp.exec(`CREATE TABLE Facturas (NumeroComprobante NVARCHAR(20), CUIT VARCHAR(11),
        Fecha DATE, Importe DECIMAL(15,2), RazonSocial NVARCHAR(100))`);
      const config = join(folder, 'cotejo.yaml');
      writeFileSync(
        config,
        `server:\n  url: ${server.url}\ndatabase:\n  kind: mssql\n  host: 127.0.0.1\n` +
          `  port: ${erp.server.port}\n  user: ${mssqlLogin.user}\n  database: ERP\n` +
          `  passwordEnv: ERP_PASS\n  encrypt: false\nlookups:\n  - name: facturas\n    sql: >-\n` +
          `      SELECT NumeroComprobante AS numeroComprobante, Importe AS importe FROM Facturas\n` +
          `      WHERE NumeroComprobante = @numeroComprobante AND CUIT = @cuit\n`,
      );
      const { code, stdout, stderr } = await runCli(
        ['doctor', '--config', config],
        { COTEJO_AGENT_KEY: 'clave-de-prueba', ERP_PASS: mssqlLogin.password },
        [executable],
      );
      expect(stderr).toBe('');
      expect(stdout).toContain('✔ Base de datos mssql: conexión y usuario correctos');
      expect(stdout).toContain('✔ Lookup «facturas» ejecuta (0 filas con datos de prueba)');
      expect(stdout).toContain('✔ Clave del sync-client aceptada; conexión WebSocket disponible');
      expect(code).toBe(0);
    } finally {
      await server.close();
      await erp.close();
    }
  });

  it('says plainly that the executable has no SQLite', async () => {
    const config = join(folder, 'sqlite.yaml');
    writeFileSync(
      config,
      'server:\n  url: http://127.0.0.1:9\ndatabase:\n  kind: sqlite\n  path: ./erp.sqlite\n' +
        'lookups:\n  - name: f\n    sql: SELECT cuit AS cuit FROM facturas WHERE cuit = @cuit\n',
    );
    const { code, stdout } = await runCli(
      ['doctor', '--config', config],
      { COTEJO_AGENT_KEY: 'k' },
      [executable],
    );
    expect(stdout).toContain('Este ejecutable no incluye SQLite');
    expect(code).toBe(1);
  });
});
