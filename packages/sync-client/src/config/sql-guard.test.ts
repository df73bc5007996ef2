import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardSelect } from './sql-guard.ts';

const facturas = `SELECT numero_comprobante AS numeroComprobante, importe AS importe
FROM facturas WHERE punto_venta = @puntoVenta AND numero = @numero`;

function reason(sql: string, dialect: 'sqlite' | 'postgres' | 'mysql' = 'postgres'): string {
  const result = guardSelect(sql, dialect);
  if (result.ok) throw new Error(`se aceptó: ${sql}`);
  return result.reason;
}

describe('guardSelect', () => {
  it('accepts one SELECT and lists its parameters in order of first use', () => {
    const result = guardSelect(`${facturas} OR numero = @numero;`, 'postgres');
    expect(result.ok && result.statement.parameters).toEqual(['puntoVenta', 'numero']);
  });

  it('accepts WITH … SELECT, comments, literals with keywords and a trailing semicolon', () => {
    const sql = `-- DELETE en un comentario
      WITH f AS (SELECT * FROM facturas /* DROP TABLE */) SELECT 'a; DROP TABLE x' AS "insert"
      FROM f WHERE cuit = @cuit ; -- fin`;
    expect(guardSelect(sql, 'sqlite').ok).toBe(true);
  });

  it.each([
    ['DELETE FROM facturas', 'debe empezar con SELECT'],
    ['SELECT 1; DELETE FROM facturas', 'más de una sentencia'],
    ['SELECT 1; SELECT 2', 'más de una sentencia'],
    ['WITH d AS (DELETE FROM facturas RETURNING *) SELECT * FROM d', 'DELETE'],
    ['SELECT * INTO copia FROM facturas', 'INTO'],
    ['SELECT * FROM facturas FOR UPDATE', 'UPDATE'],
    ['SELECT * FROM facturas WHERE cuit = @usuario', '@usuario'],
    ["SELECT 'sin cerrar FROM facturas", 'sin cerrar'],
    ['SELECT 1 /* sin cerrar', 'sin cerrar'],
    ['', 'vacía'],
    ['  ;  ', 'vacía'],
    ['SELECT * FROM facturas WHERE cuit = ?', 'posicionales'],
    ['SELECT $$a$$', '$'],
  ])('refuses %j', (sql, expected) => {
    expect(reason(sql)).toContain(expected);
  });

  it('refuses literals whose end depends on backslash escapes', () => {
    expect(reason("SELECT '\\'' ; DELETE FROM facturas; -- '", 'mysql')).toContain('barra');
  });

  it('refuses MySQL constructs that hide code from other dialects', () => {
    expect(reason('SELECT 1 /*! ; DELETE FROM facturas */', 'mysql')).toContain('ejecutables');
    expect(reason("SELECT 1 # '\n; DELETE FROM facturas; -- '", 'mysql')).toContain('#');
    expect(reason('SELECT 1 --1\n', 'mysql')).toContain('espacio');
  });

  it('treats backticks and brackets as identifiers only where the dialect does', () => {
    expect(guardSelect('SELECT `delete` FROM t', 'mysql').ok).toBe(true);
    expect(guardSelect('SELECT [delete] FROM t', 'sqlite').ok).toBe(true);
    expect(reason('SELECT `x` FROM t', 'postgres')).toContain('`');
    expect(reason('SELECT [delete] FROM t', 'postgres')).toContain('DELETE');
  });

  it('never accepts a forbidden word outside literals, whatever surrounds it', () => {
    const word = fc.constantFrom('DELETE', 'drop', 'Insert', 'UPDATE', 'exec', 'INTO', 'pragma');
    const filler = fc.constantFrom(' ', '\n', ' x ', ' (', ') ', ', ', " 'lit' ", ' /* c */ ');
    fc.assert(
      fc.property(fc.array(filler), word, fc.array(filler), (before, forbidden, after) => {
        const sql = `SELECT a FROM t${before.join('')} ${forbidden} ${after.join('')}`;
        expect(guardSelect(sql, 'postgres').ok).toBe(false);
      }),
    );
  });

  it('accepts any text inside a properly quoted literal', () => {
    const text = fc.string().filter((s) => !s.includes('\\'));
    fc.assert(
      fc.property(text, (s) => {
        const literal = `'${s.replaceAll("'", "''")}'`;
        expect(guardSelect(`SELECT ${literal} AS x FROM t WHERE cuit = @cuit`, 'mysql').ok).toBe(
          true,
        );
      }),
    );
  });
});
