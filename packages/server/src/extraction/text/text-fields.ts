import { findRg1702Barcode } from './barcode-text.ts';
import { findCae } from './cae-text.ts';
import { findComprobante } from './comprobante-text.ts';
import { findCuits } from './cuit-text.ts';
import { findIssueDate } from './date-text.ts';
import { findRazonSocial } from './razon-social-text.ts';
import type { PageText } from './text-lines.ts';
import { findTotal } from './total-text.ts';

/** A value read from the text layer and how sure the heuristic that found it is (0–1). */
export interface TextValue<T> {
  value: T;
  confidence: number;
}

export interface TextFields {
  cuit?: TextValue<string>;
  cuitReceptor?: TextValue<string>;
  tipoCmp?: TextValue<number>;
  letra?: TextValue<string>;
  puntoVenta?: TextValue<number>;
  numero?: TextValue<number>;
  fecha?: TextValue<string>;
  importe?: TextValue<string>;
  razonSocial?: TextValue<string>;
  /** As printed: may be invalid ("null", 12 digits). */
  cae?: TextValue<string>;
  /** Amounts behind different total labels that disagree. */
  conflictingTotals: string[];
}

const sure = 0.8;
const likely = 0.6;

/** The invoice fields the text layer shows, by Argentine-invoice heuristics. */
export function readTextFields(pages: readonly PageText[]): TextFields {
  const cuits = findCuits(pages);
  const comprobante = findComprobante(pages);
  const fecha = findIssueDate(pages);
  const total = findTotal(pages);
  const cae = findCae(pages);
  const razonSocial = findRazonSocial(pages);
  const barcode = findRg1702Barcode(pages);
  const value = <T>(v: T | undefined, confidence: number) =>
    v === undefined ? undefined : { value: v, confidence };
  const fields: TextFields = {
    cuit: cuits.labelled
      ? value(cuits.issuer, sure)
      : value(barcode?.cuit ?? cuits.issuer, barcode ? sure : likely),
    cuitReceptor: value(cuits.receiver, likely),
    tipoCmp: value(comprobante.tipoCmp ?? barcode?.tipoCmp, sure),
    letra: value(comprobante.letra, sure),
    puntoVenta: value(comprobante.puntoVenta ?? barcode?.puntoVenta, sure),
    numero: value(comprobante.numero, sure),
    fecha: value(fecha.fecha, fecha.labelled ? sure : likely),
    importe: value(total.importe, total.how === 'labelled' ? sure : likely),
    razonSocial: value(razonSocial, likely),
    cae: value(cae ?? barcode?.cae, sure),
    conflictingTotals: total.conflicting,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as unknown as TextFields;
}
