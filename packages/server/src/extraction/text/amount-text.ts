import { parseAmount } from '@cotejo/protocol';

/** Amounts written in `text`, in order: es-AR ("1.234,56"), US ("1,234.56") or plain ("3170"). */
export function amountsIn(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^\$/, '').replace(/[:;]$/, ''))
    .filter((token) => /^-?\d[\d.,]*$/.test(token) && !/[.,]$/.test(token))
    .map((token) => parseAmount(token))
    .filter((amount): amount is string => amount !== null);
}
