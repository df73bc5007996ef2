import { parseDate } from '@cotejo/protocol';
import type { PageText } from './text-lines.ts';

const datePattern = String.raw`(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})(?!\d)|\d{4}-\d{2}-\d{2})`;
/** "Fecha de Emisión: 18/02/2023", "FECHA   08 / 02 / 23", "Fecha y Hora: 14/02/2023 - 19:06". */
const issueDate = new RegExp(
  String.raw`fecha(?:\s+de)?(?:\s+emisi[oó]n)?(?:\s+y\s+hora)?\s*:?\s*` + datePattern,
  'i',
);
const anyDate = new RegExp(datePattern);
/** Dates that are not the issue date. */
const otherDates = /vto|venc|inicio|desde|hasta|per[ií]odo|pago/i;

/** The issue date ("yyyy-mm-dd"): the labelled one first, else page 1's first unlabelled date. */
export function findIssueDate(pages: readonly PageText[]): { fecha?: string; labelled: boolean } {
  for (const page of pages) {
    for (const line of page.lines) {
      const match = issueDate.exec(line.text);
      const fecha = match?.[1] ? parseDate(match[1].replace(/\s+/g, '')) : null;
      if (fecha) return { fecha, labelled: true };
    }
  }
  for (const line of pages[0]?.lines ?? []) {
    if (otherDates.test(line.text)) continue;
    const match = anyDate.exec(line.text);
    const fecha = match?.[1] ? parseDate(match[1].replace(/\s+/g, '')) : null;
    if (fecha) return { fecha, labelled: false };
  }
  return { labelled: false };
}
