import { isSignificant, type Token } from '../config/sql-tokenizer.ts';

/** The tables a statement reads: the (possibly qualified) names after FROM and JOIN. */
export function tablesOf(tokens: readonly Token[]): string[] {
  const significant = tokens.filter(isSignificant);
  const tables: string[] = [];
  significant.forEach((token, index) => {
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if (word !== 'FROM' && word !== 'JOIN') return;
    const parts: string[] = [];
    for (let at = index + 1; at < significant.length; at += 1) {
      const part = significant[at];
      if (part?.kind !== 'word' && part?.kind !== 'quoted-identifier') break;
      parts.push(part.kind === 'quoted-identifier' ? part.text.slice(1, -1) : part.text);
      if (significant[at + 1]?.text !== '.') break;
      at += 1;
    }
    const name = parts.join('.');
    if (name !== '' && !tables.includes(name)) tables.push(name);
  });
  return tables;
}
