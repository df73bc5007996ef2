/**
 * A page's text as lines in reading order, rebuilt from positioned text items (as
 * `pdftotext -layout` does): items whose baselines are close form one line, sorted left to
 * right. Invoice layouts put labels and values in separate text runs, often drawn out of order,
 * so the raw content order is useless; positions are not.
 */
export interface TextItem {
  text: string;
  /** Left edge and baseline, in PDF points, origin bottom-left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextLine {
  /** Items joined: one space for a small gap, three for a column gap. */
  text: string;
  items: TextItem[];
  y: number;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  lines: TextLine[];
}

export function buildLines(items: readonly TextItem[]): TextLine[] {
  const sorted = items
    .filter((item) => item.text.trim() !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of sorted) {
    const group = groups.find((candidate) => {
      const first = candidate[0];
      if (!first) return false;
      const tolerance = Math.max(2, Math.min(first.height, item.height) * 0.5);
      return Math.abs(first.y - item.y) <= tolerance;
    });
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const lineItems = group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const item of lineItems) {
      const gap = item.x - end;
      if (text !== '' && gap > 3) text += gap > 15 ? '   ' : ' ';
      text += item.text;
      end = item.x + item.width;
    }
    return { text: text.replace(/\s+$/, ''), items: lineItems, y: lineItems[0]?.y ?? 0 };
  });
}

/** Every line of every page, in order, with its page number. */
export function allLines(pages: readonly PageText[]): { page: number; line: TextLine }[] {
  return pages.flatMap((page) => page.lines.map((line) => ({ page: page.page, line })));
}
