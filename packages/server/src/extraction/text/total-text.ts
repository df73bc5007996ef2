import { amountsIn } from './amount-text.ts';
import type { PageText, TextItem, TextLine } from './text-lines.ts';

export interface TotalInText {
  importe?: string;
  /** How the total was found: a label with the amount beside it, or a table column. */
  how?: 'labelled' | 'column';
  /** Different amounts behind "Importe Total" / "Total" labels in the same file. */
  conflicting: string[];
}

/** "Importe Total: $ 178000,00" first, then "TOTAL: $ 5.500,00"; never subtotals or net. */
const labels = [
  /importe\s+total\b/i,
  /(?<!sub\s*)\btotal\b(?!\s*(?:neto|gravado|otros|iva|bonif|no\s+gravado))/i,
];
/** A header cell naming the total column of a totals table. */
const columnHeader = /^\s*(?:importe\s+)?total\s*:?\s*\$?\s*$/i;

/**
 * The invoice total. Labelled amounts (label and amount on one line) win; otherwise the amount
 * under a "TOTAL" column header, from the lowest totals table of the first page that has one
 * (item tables above it also have "Total" columns). Copies (ORIGINAL/DUPLICADO) repeat the same
 * values; a total found only on a later page (FCE) is found there.
 */
export function findTotal(pages: readonly PageText[]): TotalInText {
  const labelled: string[] = [];
  for (const pattern of labels) {
    for (const page of pages) {
      for (const line of page.lines) {
        const match = pattern.exec(line.text);
        if (!match) continue;
        const [amount] = amountsIn(line.text.slice((match.index ?? 0) + match[0].length));
        if (amount !== undefined) labelled.push(amount);
      }
    }
    if (labelled.length > 0 && pattern === labels[0]) break;
  }
  const conflicting = [...new Set(labelledAll(pages))];
  if (labelled[0] !== undefined) {
    return {
      importe: labelled[0],
      how: 'labelled',
      conflicting: conflicting.length > 1 ? conflicting : [],
    };
  }
  for (const page of pages) {
    const amount = columnTotal(page.lines);
    if (amount !== undefined) return { importe: amount, how: 'column', conflicting: [] };
  }
  return { conflicting: [] };
}

/** Every amount beside any total label, to detect two totals that disagree. */
function labelledAll(pages: readonly PageText[]): string[] {
  const amounts: string[] = [];
  for (const page of pages) {
    for (const line of page.lines) {
      for (const pattern of labels) {
        const match = pattern.exec(line.text);
        if (!match) continue;
        const [amount] = amountsIn(line.text.slice((match.index ?? 0) + match[0].length));
        if (amount !== undefined) {
          amounts.push(amount);
          break;
        }
      }
    }
  }
  return amounts;
}

function columnTotal(lines: readonly TextLine[]): string | undefined {
  let found: string | undefined;
  lines.forEach((line, index) => {
    // The rightmost "TOTAL" cell that is not the second half of "SUB TOTAL".
    const header = line.items
      .filter(
        (item, i) =>
          columnHeader.test(item.text) && !/sub\s*$/i.test(line.items[i - 1]?.text ?? ''),
      )
      .at(-1);
    if (!header || amountsIn(line.text).length > 0) return;
    for (const below of lines.slice(index + 1, index + 5)) {
      const amount = below.items
        .filter((item) => overlaps(item, header) && amountsIn(item.text).length > 0)
        .sort((a, b) => centerDistance(a, header) - centerDistance(b, header))
        .flatMap((item) => amountsIn(item.text))[0];
      if (amount !== undefined) {
        found = amount;
        return;
      }
    }
  });
  return found;
}

const centerDistance = (a: TextItem, b: TextItem) =>
  Math.abs(a.x + a.width / 2 - (b.x + b.width / 2));

function overlaps(item: TextItem, header: TextItem): boolean {
  const slack = 25;
  return item.x < header.x + header.width + slack && item.x + item.width > header.x - slack;
}
