import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mssqlLogin, startMssqlErp } from './mssql-erp.ts';

const hasTsql = spawnSync('tsql', ['-C'], { stdio: 'ignore' }).status === 0;

/**
 * Checks the TDS test server with an independent client, FreeTDS `tsql` (Debian package
 * freetds-bin), so that it is not tuned to tedious alone.
 */
const title = hasTsql
  ? 'TDS test server seen by FreeTDS tsql'
  : 'TDS test server seen by FreeTDS tsql (skipped: the tsql command is missing; apt-get install -y freetds-bin)';

describe.skipIf(!hasTsql)(title, () => {
  let erp: Awaited<ReturnType<typeof startMssqlErp>>;

  /** Runs the batches through tsql (asynchronously: the server lives in this process). */
  const tsqlAs = async (password: string, batches: string[]) => {
    const { port } = erp.server;
    const child = spawn(
      'tsql',
      ['-H', '127.0.0.1', '-p', String(port), '-U', mssqlLogin.user, '-P', password],
      { env: { ...process.env, TDSVER: '7.4', LANG: 'C.UTF-8' } },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdin.end(`${batches.map((batch) => `${batch}\ngo\n`).join('')}exit\n`);
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, output };
  };
  const tsql = (...batches: string[]) => tsqlAs(mssqlLogin.password, batches);

  beforeAll(async () => {
    erp = await startMssqlErp();
    erp.exec(`CREATE TABLE Tipos (i INT, b BIGINT, f BIT, d DECIMAL(15,2), m MONEY,
      dt DATETIME, dt2 DATETIME2(3), v VARCHAR(20), n NVARCHAR(20))`);
    erp.exec(`INSERT INTO Tipos VALUES (42, 9007199254740993, 1, 1234.56, '-12.3400',
      '2024-03-15 13:45:30.123', '2024-03-15 13:45:30.123', 'abc', 'Ñandú'),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
  });
  afterAll(() => erp?.close());

  it('logs in and reads a result set of every type, NULLs included', async () => {
    const { code, output } = await tsql('SELECT * FROM Tipos');
    expect(code).toBe(0);
    const lines = output.split('\n').map((line) => line.replace(/^(\d+> )+/, '').trim());
    const header = lines.findIndex((line) => line.startsWith('i\tb\tf'));
    expect(lines[header]).toBe('i\tb\tf\td\tm\tdt\tdt2\tv\tn');
    const [first = '', second = ''] = lines.slice(header + 1, header + 3);
    expect(first.split('\t')).toEqual([
      '42',
      '9007199254740993',
      '1',
      '1234.56',
      '-12.3400',
      'Mar 15 2024 01:45PM', // tsql's default date format
      'Mar 15 2024 01:45PM',
      'abc',
      'Ñandú',
    ]);
    expect(second.split('\t').every((cell) => cell === 'NULL')).toBe(true);
    expect(output).toContain('(2 rows affected)');
    expect(erp.server.requests.at(-1)).toMatchObject({
      kind: 'batch',
      sql: 'SELECT * FROM Tipos\n',
    });
  });

  it('shows a server error with its number and severity', async () => {
    const { output } = await tsql('SELECT * FROM NoExiste');
    expect(output).toMatch(/Msg 208 \(severity 16, state 1\)/);
    expect(output).toContain("Invalid object name 'NoExiste'.");
  });

  it('is refused with the wrong password', async () => {
    const { code, output } = await tsqlAs('mala', []);
    expect(code).not.toBe(0);
    expect(output).toContain("Login failed for user 'cotejo'.");
  });
});
