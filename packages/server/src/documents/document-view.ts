import {
  comparisonStatuses,
  type ComparisonStatus,
  type DocumentTimelineEvent,
  type DocumentView,
  type ValidacionView,
} from '@cotejo/protocol';
import type { ValidationView } from '../validations/validation-view.ts';
import type { DocumentRow } from './document-row.ts';

function timeline(
  row: DocumentRow,
  validation: ValidationView | null,
): DocumentView['lineaDeTiempo'] {
  const steps: [DocumentTimelineEvent, string | null | undefined][] = [
    ['subida', (row.received_at ?? row.created_at).toISOString()],
    ['extraida', row.created_at.toISOString()],
    ['encolada', validation?.createdAt],
    ['enviada', validation?.deliveredAt],
    ['respondida', validation?.completedAt],
  ];
  return steps.flatMap(([evento, en]) => (en ? [{ evento, en }] : []));
}

const isComparison = (status: string): status is ComparisonStatus =>
  (comparisonStatuses as readonly string[]).includes(status);

export function toValidacion(view: ValidationView): ValidacionView {
  return {
    validated: isComparison(view.status),
    existsInLocal: view.verdict?.exists ?? false,
    matchesLocal: view.verdict?.matches ?? false,
    localData: view.verdict?.local[0] ?? null,
    error: view.error?.message ?? null,
    timestamp: view.completedAt ?? view.createdAt,
    status: view.status,
    differences: view.verdict?.differences ?? [],
    duplicates: view.verdict?.duplicates ?? 0,
    latencyMs: view.latencyMs,
    agent: view.agent,
  };
}

/** A cloud-side duplicate: never sent to the sync-client, the first upload carries the verdict. */
function duplicateValidacion(row: DocumentRow): ValidacionView {
  return {
    validated: false,
    existsInLocal: false,
    matchesLocal: false,
    localData: null,
    error: 'La misma factura ya se subió antes: vea el documento original.',
    timestamp: row.created_at.toISOString(),
    status: 'DUPLICADO',
    differences: [],
    duplicates: 1,
    latencyMs: null,
    agent: null,
  };
}

export function toDocumentView(row: DocumentRow, validation: ValidationView | null): DocumentView {
  const validacion =
    row.state === 'VALIDANDO' && validation
      ? toValidacion(validation)
      : row.state === 'DUPLICADO'
        ? duplicateValidacion(row)
        : null;
  const estado = row.state === 'VALIDANDO' ? (validation?.status ?? 'PENDIENTE') : row.state;
  const self = `/api/documentos/${row.id}`;
  return {
    id: row.id,
    nombreArchivo: row.file_name,
    tipoArchivo: row.media_type,
    tamanoBytes: row.size_bytes,
    sha256: row.sha256,
    estado,
    creadoEn: row.created_at.toISOString(),
    actualizadoEn: row.updated_at.toISOString(),
    error: row.error,
    duplicadoDe: row.duplicate_of,
    datosExtraidos: {
      ...row.invoice,
      campos: row.extraction?.fields ?? {},
      qr: row.extraction?.qr ?? { status: 'absent' },
      paginas: row.extraction?.pages ?? null,
      hallazgos: row.findings,
      validacion,
    },
    validacion,
    validando: estado === 'PENDIENTE',
    queryId: row.validation_request_id,
    enlaces: {
      self,
      original: `${self}/original`,
      validationStatus: `${self}/validation-status`,
      ...(row.duplicate_of && { duplicadoDe: `/api/documentos/${row.duplicate_of}` }),
    },
    lineaDeTiempo: timeline(row, row.state === 'VALIDANDO' ? validation : null),
  };
}

export type { DocumentView, ValidacionView };
