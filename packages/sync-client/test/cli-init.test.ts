import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/load-config.ts';
import { mssqlLogin, startMssqlErp } from './mssql-erp.ts';
import { cliMain, runCli, tsxBin } from './run-cli.ts';

interface WrittenConfig {
  database: Record<string, unknown>;
  lookups: { name: string; sql: string }[];
}

/** An ERP of hand-made tables: a purchases table among others, columns named in Spanish. */
function seedGenericErp(path: string): void {
  const db = new Database(path);
  db.exec(`CREATE TABLE clientes (id INTEGER, nombre TEXT, cuit TEXT, fecha_alta TEXT);
    CREATE TABLE comprobantes_compra (id INTEGER, tipo TEXT, nro_comprobante TEXT,
      cuit_proveedor TEXT, fecha_emision TEXT, fecha_vencimiento TEXT, importe_neto REAL,
      importe_total REAL, razon_social TEXT, observaciones TEXT);
    CREATE TABLE articulos (codigo TEXT, descripcion TEXT, precio REAL);`);
  db.close();
}

/** Tango Gestión's purchase tables (names and types from its DDL), with AFIP's table. */
const tangoDdl = [
  `CREATE TABLE CPA01 (COD_PROVEE VARCHAR(6), NOM_PROVEE VARCHAR(60), N_CUIT VARCHAR(15))`,
  `CREATE TABLE CPA04 (ID_CPA04 INT, T_COMP VARCHAR(3), N_COMP VARCHAR(14), COD_PROVEE VARCHAR(6),
    FECHA_EMIS DATETIME, FECHA_CONT DATETIME, FECHA_VTO DATETIME, IMPORTE_NE DECIMAL(15,2),
    IMPORTE_TO DECIMAL(15,2), COMP_AFIP INT)`,
  `CREATE TABLE COMPROBANTE_AFIP_COMPRAS (ID INT, TIPO_COMPROBANTE VARCHAR(100), PUNTO_VENTA INT,
    NUMERO VARCHAR(15), N_COMP VARCHAR(13), NUMERO_DOCUMENTO VARCHAR(15), FECHA_EMISION DATETIME,
    TOTAL DECIMAL(15,2), MONEDA VARCHAR(3), DENOMINACION VARCHAR(60), CODIGO_AUTORIZACION VARCHAR(14))`,
  `CREATE TABLE GVA12 (ID_GVA12 INT, N_COMP VARCHAR(14), FECHA_EMIS DATETIME, IMPORTE DECIMAL(15,2))`,
];

describe('sync-client init', () => {
  let folder: string;
  const configPath = () => join(folder, 'cotejo.yaml');
  const written = () => parse(readFileSync(configPath(), 'utf8')) as WrittenConfig;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cotejo-init-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('unattended, proposes the purchases table and its columns by their names', async () => {
    seedGenericErp(join(folder, 'erp.sqlite'));
    const { code, stdout, stderr } = await runCli([
      'init', '--yes', '--config', configPath(), '--server-url', 'https://cotejo.example',
      '--db-kind', 'sqlite', '--db-path', './erp.sqlite',
    ]); // prettier-ignore
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Propuesta: tabla comprobantes_compra');
    const config = written();
    expect(config.database).toEqual({ kind: 'sqlite', path: './erp.sqlite' });
    expect(config.lookups).toEqual([
      {
        name: 'facturas',
        sql:
          'SELECT "nro_comprobante" AS numeroComprobante, "cuit_proveedor" AS cuit, ' +
          '"fecha_emision" AS fecha, "importe_total" AS importe, "razon_social" AS razonSocial\n' +
          'FROM "comprobantes_compra"\n' +
          'WHERE "nro_comprobante" = @numeroComprobante AND "cuit_proveedor" = @cuit',
      },
    ]);
    expect(loadConfig(configPath(), { COTEJO_AGENT_KEY: 'k' }).lookups).toHaveLength(1);
  });

  it('unattended on SQL Server, applies the generic template and keeps the password out of the YAML', async () => {
    const erp = await startMssqlErp();
    try {
      erp.exec(`CREATE TABLE Facturas (NumeroComprobante NVARCHAR(20), CUIT VARCHAR(11),
        Fecha DATE, Importe DECIMAL(15,2), RazonSocial NVARCHAR(100))`);
      const { code, stderr } = await runCli(
        [
          'init', '--yes', '--config', configPath(), '--server-url', 'https://cotejo.example',
          '--db-kind', 'mssql', '--db-host', '127.0.0.1', '--db-port', String(erp.server.port),
          '--db-user', mssqlLogin.user, '--db-name', 'ERP', '--encrypt', 'false',
          '--db-password-file', './cotejo-db-password',
        ],
        { COTEJO_DB_PASSWORD: mssqlLogin.password },
      ); // prettier-ignore
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const text = readFileSync(configPath(), 'utf8');
      expect(text).not.toContain(mssqlLogin.password);
      expect(text).toContain('# Consultas: plantilla generico');
      expect(written().database).toMatchObject({
        kind: 'mssql',
        passwordFile: './cotejo-db-password',
        encrypt: false,
      });
      expect(written().lookups.map((lookup) => lookup.name)).toEqual(['facturas']);
      const passwordFile = join(folder, 'cotejo-db-password');
      expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(passwordFile, 'utf8')).toBe(`${mssqlLogin.password}\n`);
      const config = loadConfig(configPath(), { COTEJO_AGENT_KEY: 'k' });
      expect(config.database).toMatchObject({ kind: 'mssql', password: mssqlLogin.password });
    } finally {
      await erp.close();
    }
  });

  it('refuses to overwrite a config and names a missing flag when unattended', async () => {
    const missing = await runCli([
      'init',
      '--yes',
      '--config',
      configPath(),
      '--db-kind',
      'postgres',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Falta --db-user');
  });

  it('through a terminal, detects a Tango-like schema and proposes the Tango template', async () => {
    const erp = await startMssqlErp();
    try {
      for (const ddl of tangoDdl) erp.exec(ddl);
      // `script` gives the command a real pseudo-terminal (util-linux, always on Debian).
      const child = spawn(
        'script',
        ['-qfec', `${tsxBin} ${cliMain} init --config ${configPath()}`, '/dev/null'],
        {
          env: { PATH: process.env.PATH ?? '', TERM: 'dumb' },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let screen = '';
      let seen = 0;
      let waiter: { prompt: string; resolve: () => void } | undefined;
      const found = (prompt: string) => screen.indexOf(prompt, seen) !== -1;
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        screen += chunk;
        if (waiter && found(waiter.prompt)) waiter.resolve();
      });
      /** Waits for the next prompt (after the previous one) and types the reply. */
      const answer = async (prompt: string, reply: string) => {
        if (!found(prompt)) await new Promise<void>((resolve) => (waiter = { prompt, resolve }));
        seen = screen.indexOf(prompt, seen) + prompt.length;
        child.stdin.write(`${reply}\r`);
      };
      await answer('URL del servidor Cotejo', 'https://cotejo.example');
      await answer('Base de datos', 'mssql');
      await answer('Servidor', '127.0.0.1');
      await answer('Puerto, o \\instancia con nombre', String(erp.server.port));
      await answer('Usuario de la base', mssqlLogin.user);
      await answer('Nombre de la base', 'ERP');
      await answer('Contraseña: (1)', '2');
      await answer('Archivo de la contraseña', '');
      await answer('Contraseña:', mssqlLogin.password);
      await answer('Cifrado', 'false');
      await answer('Se detectó Tango Gestión', 's');
      await answer('minimización de datos', 'n');
      const [code] = (await once(child, 'exit')) as [number | null];
      child.stdin.end();
      expect(screen).toContain('✔ Conexión a la base correcta.');
      expect(screen).not.toContain(mssqlLogin.password); // typed without echo
      expect(code).toBe(0);
      const config = written();
      expect(config.lookups.map((lookup) => lookup.name)).toEqual([
        'tango-comprobantes-afip',
        'tango-compras',
      ]);
      expect(readFileSync(configPath(), 'utf8')).toContain('N_COMP se supone letra');
      expect(config.database).toMatchObject({
        kind: 'mssql',
        port: erp.server.port,
        passwordFile: './cotejo-db-password',
      });
    } finally {
      await erp.close();
    }
  });
});
