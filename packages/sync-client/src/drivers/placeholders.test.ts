import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../config/sql-tokenizer.ts';
import { toDialectSql } from './placeholders.ts';

function tokensOf(sql: string): Token[] {
  const result = tokenize(sql, 'postgres');
  if (!result.ok) throw new Error(result.reason);
  return result.tokens;
}

const sql =
  'SELECT \'@cuit\' AS "@numero" FROM t WHERE a = @cuit AND b = @numero OR c = @cuit -- @x';

describe('toDialectSql', () => {
  it('writes ? per use, leaving literals, identifiers and comments alone', () => {
    expect(toDialectSql(tokensOf(sql), 'question', (name) => name)).toEqual({
      sql: 'SELECT \'@cuit\' AS "@numero" FROM t WHERE a = ? AND b = ? OR c = ? -- @x',
      order: ['cuit', 'numero', 'cuit'],
    });
  });

  it('writes $n once per distinct parameter', () => {
    expect(toDialectSql(tokensOf(sql), 'dollar', (name) => name)).toEqual({
      sql: 'SELECT \'@cuit\' AS "@numero" FROM t WHERE a = $1 AND b = $2 OR c = $1 -- @x',
      order: ['cuit', 'numero'],
    });
  });
});
