import type { Token } from '../config/sql-tokenizer.ts';

/**
 * How a dialect writes bound parameters: `?` (SQLite, MySQL), `$1..$n` (PostgreSQL) or
 * `@p1..@pn` (SQL Server).
 */
export type PlaceholderStyle = 'question' | 'dollar' | 'at';

export interface DialectSql<Name extends string> {
  sql: string;
  /** The parameter behind each placeholder position (`$n` or `@pn` → index n-1). */
  order: Name[];
}

/**
 * Rewrites `@name` parameter tokens as the dialect's placeholders, from the guard's tokens, so
 * text inside literals, quoted identifiers and comments is never touched.
 */
export function toDialectSql<Name extends string>(
  tokens: readonly Token[],
  style: PlaceholderStyle,
  resolve: (written: string) => Name,
): DialectSql<Name> {
  const order: Name[] = [];
  const parts = tokens.map((token) => {
    if (token.kind !== 'parameter') return token.text;
    const name = resolve(token.text.slice(1));
    if (style === 'question') {
      order.push(name);
      return '?';
    }
    const prefix = style === 'dollar' ? '$' : '@p';
    const existing = order.indexOf(name);
    if (existing !== -1) return `${prefix}${existing + 1}`;
    order.push(name);
    return `${prefix}${order.length}`;
  });
  return { sql: parts.join('').trim(), order };
}
