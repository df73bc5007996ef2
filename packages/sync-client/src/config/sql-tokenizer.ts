import type { DatabaseKind } from '@cotejo/protocol';

/**
 * A small SQL tokenizer, strict on purpose: it understands just enough (literals, quoted
 * identifiers, comments, `@name` parameters) to tell code from data, and refuses constructs
 * whose meaning differs between databases (backslash escapes, `#` comments, `$` quoting,
 * MySQL executable comments), so the guard never reads a literal where the database reads code.
 */
export type TokenKind =
  | 'word'
  | 'quoted-identifier'
  | 'string'
  | 'number'
  | 'parameter'
  | 'semicolon'
  | 'symbol'
  | 'space'
  | 'comment';

export interface Token {
  kind: TokenKind;
  text: string;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; reason: string };

/** Closing character of each quoted-identifier opener, per dialect. */
function identifierQuotes(dialect: DatabaseKind): Record<string, string> {
  switch (dialect) {
    case 'sqlite':
      return { '"': '"', '`': '`', '[': ']' };
    case 'mysql':
      return { '"': '"', '`': '`' };
    case 'mssql':
      return { '"': '"', '[': ']' };
    case 'postgres':
      return { '"': '"' };
  }
}

const wordStart = /[\p{L}_]/u;
const wordPart = /[\p{L}\p{N}_$]/u;
const numberPattern = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const refused: Record<string, string> = {
  '#': 'el carácter # (comentario de MySQL) no está permitido; use -- o /* */',
  $: 'el carácter $ (parámetros posicionales o literales con $) no está permitido',
  '?': 'los parámetros posicionales (?) no están permitidos; use parámetros con nombre como @cuit',
  '\\': 'la barra invertida no está permitida fuera de un literal',
};

/** Reads a quoted run starting at `start`; the closing quote doubled stands for itself. */
function readQuoted(sql: string, start: number, close: string): number | null {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '\\') return -1;
    if (char === close) {
      if (sql[index + 1] === close) index += 2;
      else return index + 1;
    } else index += 1;
  }
  return null;
}

export function tokenize(sql: string, dialect: DatabaseKind): TokenizeResult {
  const quotes = identifierQuotes(dialect);
  const tokens: Token[] = [];
  let index = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(index, end) });
    index = end;
  };
  while (index < sql.length) {
    const char = sql[index] ?? '';
    const rest = sql.slice(index);
    if (/\s/.test(char)) {
      push('space', index + (/^\s+/.exec(rest)?.[0].length ?? 1));
    } else if (rest.startsWith('--')) {
      if (dialect === 'mysql' && !/^--(\s|$)/.test(rest)) {
        return { ok: false, reason: 'en MySQL un comentario -- debe ir seguido de un espacio' };
      }
      const newline = sql.indexOf('\n', index);
      push('comment', newline === -1 ? sql.length : newline);
    } else if (rest.startsWith('/*')) {
      if (/^\/\*M?!/.test(rest)) {
        return {
          ok: false,
          reason: 'los comentarios ejecutables de MySQL (/*! */) no están permitidos',
        };
      }
      const end = sql.indexOf('*/', index + 2);
      if (end === -1) return { ok: false, reason: 'hay un comentario /* sin cerrar' };
      push('comment', end + 2);
    } else if (char === "'" || quotes[char] !== undefined) {
      const isString = char === "'";
      const end = readQuoted(sql, index, isString ? "'" : (quotes[char] ?? char));
      if (end === -1) {
        return { ok: false, reason: 'la barra invertida no está permitida dentro de literales' };
      }
      if (end === null) {
        return { ok: false, reason: `hay un ${isString ? 'literal' : 'identificador'} sin cerrar` };
      }
      push(isString ? 'string' : 'quoted-identifier', end);
    } else if (char === '@' && wordStart.test(sql[index + 1] ?? '')) {
      let end = index + 2;
      while (end < sql.length && /[\p{L}\p{N}_]/u.test(sql[end] ?? '')) end += 1;
      push('parameter', end);
    } else if (wordStart.test(char)) {
      let end = index + 1;
      while (end < sql.length && wordPart.test(sql[end] ?? '')) end += 1;
      push('word', end);
    } else if (numberPattern.test(rest)) {
      push('number', index + (numberPattern.exec(rest)?.[0].length ?? 1));
    } else if (char === ';') {
      push('semicolon', index + 1);
    } else if (refused[char] !== undefined || char === '`') {
      return { ok: false, reason: refused[char] ?? `el carácter ${char} no está permitido` };
    } else {
      push('symbol', index + 1);
    }
  }
  return { ok: true, tokens };
}

export function isSignificant(token: Token): boolean {
  return token.kind !== 'space' && token.kind !== 'comment';
}
