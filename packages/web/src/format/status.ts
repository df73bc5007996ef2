import type { ValidationStatus } from '@cotejo/protocol';

/** What a document shows: a validation status, or why it never reached validation. */
export type DocumentStatus = ValidationStatus | 'ERROR_EXTRACCION' | 'DATOS_INCOMPLETOS';

/** Every document status, in the order filters show them. */
export const documentStatuses: readonly DocumentStatus[] = [
  'OK',
  'DIFERENCIAS',
  'NO_ENCONTRADO',
  'DUPLICADO',
  'PENDIENTE',
  'SIN_CONEXION',
  'ERROR',
  'DATOS_INCOMPLETOS',
  'ERROR_EXTRACCION',
];

/** Every validation status, in the order charts show them. */
export const statuses: readonly ValidationStatus[] = [
  'OK',
  'DIFERENCIAS',
  'NO_ENCONTRADO',
  'DUPLICADO',
  'PENDIENTE',
  'SIN_CONEXION',
  'ERROR',
];

export const statusLabel: Record<DocumentStatus, string> = {
  OK: 'Validada',
  DIFERENCIAS: 'Con diferencias',
  NO_ENCONTRADO: 'No encontrada',
  DUPLICADO: 'Duplicada',
  PENDIENTE: 'Pendiente',
  SIN_CONEXION: 'Sin conexión',
  ERROR: 'Error',
  DATOS_INCOMPLETOS: 'Datos incompletos',
  ERROR_EXTRACCION: 'Error de lectura',
};

/** Badge classes (text and background with enough contrast) and the chart colour. */
export const statusStyle: Record<DocumentStatus, { badge: string; chart: string }> = {
  OK: { badge: 'bg-emerald-100 text-emerald-900 ring-emerald-300', chart: '#059669' },
  DIFERENCIAS: { badge: 'bg-amber-100 text-amber-900 ring-amber-300', chart: '#d97706' },
  NO_ENCONTRADO: { badge: 'bg-rose-100 text-rose-900 ring-rose-300', chart: '#e11d48' },
  DUPLICADO: { badge: 'bg-violet-100 text-violet-900 ring-violet-300', chart: '#7c3aed' },
  PENDIENTE: { badge: 'bg-sky-100 text-sky-900 ring-sky-300', chart: '#0284c7' },
  SIN_CONEXION: { badge: 'bg-slate-200 text-slate-800 ring-slate-400', chart: '#64748b' },
  ERROR: { badge: 'bg-red-100 text-red-900 ring-red-300', chart: '#b91c1c' },
  DATOS_INCOMPLETOS: { badge: 'bg-orange-100 text-orange-900 ring-orange-300', chart: '#c2410c' },
  ERROR_EXTRACCION: { badge: 'bg-red-100 text-red-900 ring-red-300', chart: '#991b1b' },
};

export function isDocumentStatus(value: string): value is DocumentStatus {
  return (documentStatuses as readonly string[]).includes(value);
}

export type Tone = 'good' | 'bad' | 'neutral';

/**
 * What the first design said about a verdict, one line each, kept recognisable; the amount
 * line speaks of the amount only, other differing fields get their own line.
 */
export function verdictLines(input: {
  status: DocumentStatus;
  existsInLocal: boolean | null;
  differences: readonly { field: string }[];
}): { text: string; tone: Tone }[] {
  const { status, existsInLocal, differences } = input;
  if (status === 'PENDIENTE') return [{ text: 'Validando con el sistema local…', tone: 'neutral' }];
  if (status === 'SIN_CONEXION') {
    return [{ text: 'Cliente offline - no se pudo validar', tone: 'bad' }];
  }
  if (status === 'ERROR_EXTRACCION' || status === 'DATOS_INCOMPLETOS') {
    return [{ text: 'No se pudieron leer los datos de la factura', tone: 'bad' }];
  }
  if (status === 'ERROR' || existsInLocal === null) {
    return [{ text: 'No se pudo validar: vea el detalle del error', tone: 'bad' }];
  }
  if (status === 'DUPLICADO' && !existsInLocal) {
    return [{ text: 'La misma factura ya se subió antes', tone: 'bad' }];
  }
  if (!existsInLocal) return [{ text: 'Factura NO encontrada en sistema local', tone: 'bad' }];
  const amountDiffers = differences.some((difference) => difference.field === 'importe');
  const others = differences.filter((difference) => difference.field !== 'importe');
  const lines: { text: string; tone: Tone }[] = [
    { text: 'Factura encontrada en sistema local', tone: 'good' },
    amountDiffers
      ? { text: 'Importes NO coinciden', tone: 'bad' }
      : { text: 'Importes coinciden', tone: 'good' },
  ];
  if (others.length > 0) {
    const names = others.map((difference) => fieldLabel[difference.field] ?? difference.field);
    lines.push({ text: `También difiere: ${names.join(', ')}`, tone: 'bad' });
  }
  if (status === 'DUPLICADO')
    lines.push({ text: 'Registrada más de una vez en el ERP', tone: 'bad' });
  return lines;
}

/** Spanish names of the compared fields. */
export const fieldLabel: Record<string, string> = {
  numeroComprobante: 'Número de comprobante',
  tipoComprobante: 'Tipo',
  puntoVenta: 'Punto de venta',
  numero: 'Número',
  cuit: 'CUIT',
  fecha: 'Fecha',
  importe: 'Importe total',
  moneda: 'Moneda',
  razonSocial: 'Razón social',
  cae: 'CAE',
};
