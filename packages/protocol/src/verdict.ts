import { z } from 'zod';

/** Statuses the comparison itself can produce. */
export const comparisonStatuses = ['OK', 'DIFERENCIAS', 'NO_ENCONTRADO', 'DUPLICADO'] as const;
export type ComparisonStatus = (typeof comparisonStatuses)[number];

/** Every status a validation can show (ARCHITECTURE.md §4). */
export const validationStatuses = [
  ...comparisonStatuses,
  'PENDIENTE',
  'SIN_CONEXION',
  'ERROR',
] as const;
export type ValidationStatus = (typeof validationStatuses)[number];
export const validationStatusSchema = z.enum(validationStatuses);

export const comparedFields = [
  'numeroComprobante',
  'cuit',
  'fecha',
  'importe',
  'tipoComprobante',
] as const;
export type ComparedField = (typeof comparedFields)[number];

export interface Difference {
  field: ComparedField;
  cloud: string;
  local: string;
}

/** A local row after normalization; fields the ERP did not provide are absent. */
export interface LocalInvoice {
  tipoComprobante?: string;
  puntoVenta?: number;
  numero?: number;
  numeroComprobante?: string;
  cuit?: string;
  fecha?: string;
  importe?: string;
  moneda?: string;
  razonSocial?: string;
  cae?: string;
}

export interface Verdict {
  status: ComparisonStatus;
  exists: boolean;
  matches: boolean;
  differences: Difference[];
  /** How many local records share this invoice's identity beyond the first (0 when unique). */
  duplicates: number;
  /** The local records found, normalized. */
  local: LocalInvoice[];
}
