import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@cotejo/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

const lookup = `lookups:
  - name: facturas
    sql: SELECT cuit AS cuit FROM facturas WHERE numero = @numero
`;

describe('loadConfig', () => {
  let folder: string;
  const write = (text: string) => {
    const file = join(folder, 'cotejo.yaml');
    writeFileSync(file, text);
    return file;
  };
  const failure = (text: string, env = {}) => {
    try {
      loadConfig(write(text), env);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFIG_INVALID');
      return (error as AppError).message;
    }
    throw new Error('la configuración debió ser rechazada');
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'cotejo-config-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('applies defaults, reads the key and resolves the SQLite path beside the file', () => {
    const file = write(
      `server:\n  url: http://127.0.0.1:3000\ndatabase:\n  kind: sqlite\n  path: ./erp.sqlite\n${lookup}`,
    );
    const config = loadConfig(file, { COTEJO_AGENT_KEY: ' clave ' });
    expect(config).toMatchObject({
      server: { url: 'http://127.0.0.1:3000', key: 'clave', keyEnv: 'COTEJO_AGENT_KEY' },
      database: { kind: 'sqlite', path: join(folder, 'erp.sqlite') },
      queryTimeoutMs: 5000,
      maxConcurrentLookups: 4,
      logLevel: 'info',
    });
    expect(config.lookups[0]?.statement.parameters).toEqual(['numero']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads a network database password from the variable passwordEnv names', () => {
    const file = write(
      `server:\n  url: https://cotejo.example\n  keyEnv: CLAVE\ndatabase:\n  kind: postgres\n` +
        `  user: erp\n  database: erp\n  passwordEnv: ERP_PASS\n${lookup}maxConcurrentLookups: 2\n`,
    );
    expect(loadConfig(file, { CLAVE: 'k', ERP_PASS: 'secreta' }).database).toEqual({
      kind: 'postgres',
      host: '127.0.0.1',
      port: 5432,
      user: 'erp',
      database: 'erp',
      password: 'secreta',
      ssl: false,
      maxConnections: 2,
    });
  });

  it('names the key path of every bad value, in Spanish', () => {
    const message = failure(
      `server:\n  url: http://x\n  clave: 1\ndatabase:\n  kind: oracle\nlookups: []\n`,
      { COTEJO_AGENT_KEY: 'k' },
    );
    expect(message).toContain('server: clave desconocida: clave');
    expect(message).toContain('database.kind:');
    expect(message).toContain('lookups: declare al menos una consulta');
  });

  it('refuses repeated lookup names and unknown parameters', () => {
    const message = failure(
      `server:\n  url: http://x\ndatabase:\n  kind: sqlite\n  path: a\n${lookup}` +
        `  - name: facturas\n    sql: SELECT 1 AS cuit WHERE @foo = 1\n`,
      { COTEJO_AGENT_KEY: 'k' },
    );
    expect(message).toContain('lookups[1].name: la consulta «facturas» está repetida');
    expect(message).toContain('lookups[1].sql: la consulta «facturas» no es un único SELECT');
    expect(message).toContain('@foo');
  });

  it('explains a missing key variable', () => {
    const message = failure(
      `server:\n  url: http://x\n  keyEnv: MI_CLAVE\ndatabase:\n  kind: sqlite\n  path: a\n${lookup}`,
    );
    expect(message).toContain('la variable de entorno MI_CLAVE no está definida');
  });
});
