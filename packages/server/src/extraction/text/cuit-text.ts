import { isValidCuit } from '@cotejo/protocol';
import type { PageText } from './text-lines.ts';

export interface CuitsInText {
  /** The issuer's CUIT: the first labelled CUIT outside the receiver's block. */
  issuer?: string;
  /** The receiver's CUIT (after "Señor/es", "Cliente", "Apellido y Nombre", …). */
  receiver?: string;
  /** Whether the issuer came from a "CUIT" label (otherwise from a bare 11-digit number). */
  labelled: boolean;
}

const cuitPattern = /(?<![\d-])(\d{2})[-.\s]?(\d{8})[-.\s]?(\d)(?![\d-])/g;
const cuitLabel = /C\.?\s?U\.?\s?I\.?\s?T\.?/i;
const receiverCue =
  /se[ñn]or(?:es|\/es)?|\bsr\.?\s*\(s\)|\bcliente\b|receptor|apellido y nombre|destinatario|comprador/i;
const companyPrefixes = /^(?:20|23|24|27|30|33|34)/;

/**
 * CUITs in the text layer. A naive "first CUIT on the page" picks the receiver when the
 * receiver's box comes first or the issuer's CUIT is only in an image; a receiver cue marks
 * the first CUIT after it as the receiver's.
 */
export function findCuits(pages: readonly PageText[]): CuitsInText {
  let issuer: string | undefined;
  let receiver: string | undefined;
  let labelled = false;
  for (const page of pages) {
    // A receiver cue ("Señor/es", "Cliente", …) claims the next CUIT, on its line or below.
    let receiverPending = false;
    for (const line of page.lines) {
      if (receiverCue.test(line.text)) receiverPending = true;
      for (const match of line.text.matchAll(cuitPattern)) {
        const cuit = `${match[1]}${match[2]}${match[3]}`;
        const before = line.text.slice(Math.max(0, (match.index ?? 0) - 16), match.index);
        const isLabelled = cuitLabel.test(before);
        if (!isLabelled && !(isValidCuit(cuit) && companyPrefixes.test(cuit))) continue;
        if (receiverPending) {
          receiver ??= cuit;
          receiverPending = false;
        } else if (cuit !== receiver && (issuer === undefined || (!labelled && isLabelled))) {
          issuer = cuit;
          labelled = isLabelled;
        }
      }
    }
  }
  return { ...(issuer && { issuer }), ...(receiver && { receiver }), labelled };
}
