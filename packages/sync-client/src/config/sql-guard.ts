import type { DatabaseKind } from '@cotejo/protocol';
import { lookupParameterNames } from '../lookup/lookup-parameters.ts';
import { isSignificant, tokenize, type Token } from './sql-tokenizer.ts';

/** A lookup that passed the guard: one read-only SELECT, its trailing `;` removed. */
export interface GuardedStatement {
  tokens: readonly Token[];
  /** Distinct parameters in order of first use, spelled as declared. */
  parameters: readonly string[];
}

export type GuardResult = { ok: true; statement: GuardedStatement } | { ok: false; reason: string };

/** Words that write, change schema, lock, run code or change the session. */
const forbiddenWords = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'DROP', 'ALTER', 'CREATE', 'TRUNCATE',
  'RENAME', 'GRANT', 'REVOKE', 'EXEC', 'EXECUTE', 'CALL', 'DO', 'INTO', 'COPY', 'ATTACH',
  'DETACH', 'PRAGMA', 'LOCK', 'UNLOCK', 'SET', 'RESET', 'VACUUM', 'REINDEX', 'HANDLER', 'LOAD',
  'OUTFILE', 'DUMPFILE', 'SHUTDOWN', 'KILL', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'PREPARE',
  'DEALLOCATE', 'DECLARE', 'LISTEN', 'NOTIFY', 'SHARE', 'NOWAIT',
  // SQL Server: other servers, files, maintenance and permissions.
  'OPENQUERY', 'OPENROWSET', 'OPENDATASOURCE', 'BULK', 'DBCC', 'BACKUP', 'RESTORE',
  'RECONFIGURE', 'DENY', 'REVERT', 'USE',
]); // prettier-ignore

function refuse(reason: string): GuardResult {
  return { ok: false, reason };
}

/**
 * Accepts exactly one read-only SELECT (or WITH … SELECT) whose `@parameters` are all in
 * `known` (case-insensitive; the lookup parameters by default); anything else is refused with
 * a Spanish reason. Runs at start-up, before any connection.
 */
export function guardSelect(
  sql: string,
  dialect: DatabaseKind,
  known: readonly string[] = lookupParameterNames,
): GuardResult {
  const tokenized = tokenize(sql, dialect);
  if (!tokenized.ok) return refuse(tokenized.reason);
  const all = tokenized.tokens;
  const semicolon = all.findIndex((token) => token.kind === 'semicolon');
  if (semicolon !== -1 && all.slice(semicolon + 1).some(isSignificant)) {
    return refuse('contiene más de una sentencia (hay un ; antes del final)');
  }
  const tokens = semicolon === -1 ? all : all.slice(0, semicolon);
  const first = tokens.find(isSignificant);
  if (first === undefined) return refuse('está vacía');
  const firstWord = first.kind === 'word' ? first.text.toUpperCase() : first.text;
  if (firstWord !== 'SELECT' && firstWord !== 'WITH') {
    return refuse(`debe empezar con SELECT (o WITH … SELECT) y empieza con «${first.text}»`);
  }
  const parameters: string[] = [];
  let hasSelect = false;
  for (const token of tokens) {
    if (token.kind === 'word') {
      const word = token.text.toUpperCase();
      if (forbiddenWords.has(word)) {
        return refuse(`contiene ${word}, que no se permite: sólo se ejecutan consultas SELECT`);
      }
      hasSelect ||= word === 'SELECT';
    } else if (token.kind === 'parameter') {
      const written = token.text.slice(1).toLowerCase();
      const name = known.find((candidate) => candidate.toLowerCase() === written);
      if (name === undefined) {
        const available = known.map((candidate) => `@${candidate}`).join(', ') || 'ninguno';
        return refuse(`usa el parámetro ${token.text}, que no existe (disponibles: ${available})`);
      }
      if (!parameters.includes(name)) parameters.push(name);
    }
  }
  if (!hasSelect) return refuse('no contiene un SELECT');
  return { ok: true, statement: { tokens, parameters } };
}
