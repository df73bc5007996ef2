import type { Difference, LocalInvoice, ValidationStatus } from './verdict.ts';

/**
 * Bodies of the API the web app reads: the server produces them, the web app imports these
 * types (types only).
 */

/**
 * `datosExtraidos.validacion` (ARCHITECTURE.md §4): the fields the first design's front end
 * reads, plus ours (status, differences, duplicates, latencyMs, agent).
 */
export interface ValidacionView {
  validated: boolean;
  existsInLocal: boolean;
  matchesLocal: boolean;
  localData: LocalInvoice | null;
  error: string | null;
  timestamp: string;
  status: string;
  differences: Difference[];
  duplicates: number;
  latencyMs: number | null;
  agent: { hostname: string } | null;
}

/** Something the cloud-side checks noticed on a document (bad check digit, no CAE…). */
export interface DocumentFinding {
  code: string;
  message: string;
  field?: string;
}

export type DocumentTimelineEvent = 'subida' | 'extraida' | 'encolada' | 'enviada' | 'respondida';

/** A document as `GET /api/documentos/:id` (and the upload, and the event stream) returns it. */
export interface DocumentView {
  id: string;
  nombreArchivo: string;
  tipoArchivo: string;
  tamanoBytes: number;
  sha256: string;
  /** ERROR_EXTRACCION, DATOS_INCOMPLETOS, DUPLICADO, or the validation's status. */
  estado: string;
  creadoEn: string;
  actualizadoEn: string;
  error: { code: string; message: string } | null;
  duplicadoDe: string | null;
  datosExtraidos: Record<string, unknown> & {
    hallazgos?: DocumentFinding[];
    validacion: ValidacionView | null;
  };
  validacion: ValidacionView | null;
  validando: boolean;
  queryId: string | null;
  enlaces: Record<string, string>;
  /** subida → extraída → encolada → enviada (al sync-client) → respondida, as far as it got. */
  lineaDeTiempo: { evento: DocumentTimelineEvent; en: string }[];
}

/** A sync-client session (`GET /api/agentes`). */
export interface SyncClientView {
  sessionId: string;
  keyId: string;
  hostname: string | null;
  version: string | null;
  database: string | null;
  transport: string;
  fallbackReason: string | null;
  remoteAddress: string | null;
  connectedAt: string;
  lastSeenAt: string;
  disconnectedAt: string | null;
  closeReason: string | null;
  inFlight: number;
  latencyP50Ms: number | null;
}

export interface AgentKeyView {
  id: string;
  createdAt: string;
  revokedAt: string | null;
  /** A sync-client is connected with it now. */
  connected: boolean;
}

/** `GET /api/agentes`. */
export interface AgentsOverview {
  conectados: SyncClientView[];
  /** Disconnected within the last day, newest first. */
  desconectados: SyncClientView[];
  claves: AgentKeyView[];
}

export interface DaySummary {
  /** `YYYY-MM-DD` in Argentina's time zone. */
  dia: string;
  porEstado: Record<ValidationStatus, number>;
  /** Answered by a sync-client (OK, DIFERENCIAS, NO_ENCONTRADO, DUPLICADO). */
  respondidas: number;
  bajoUnSegundo: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** `GET /api/metricas/resumen?dias=N`. */
export interface MetricsSummary {
  zonaHoraria: string;
  desde: string;
  hasta: string;
  dias: DaySummary[];
  /** Over the whole window: answered, answered in under one second, and their share (0..1). */
  bajoUnSegundo: { respondidas: number; bajoUnSegundo: number; proporcion: number | null };
  /** Requests waiting for a sync-client or being answered now. */
  pendientes: number;
  /** Periods of the window (since the tenant exists) with no sync-client connected. */
  sinConexion: { desde: string; hasta: string; duracionMs: number }[];
}

/** `POST /api/sesion` and `GET /api/sesion` (the secret stays in the httpOnly cookie). */
export interface SessionView {
  usuario: { id: string; email: string; tenantId: string; tenantName: string };
  csrfToken: string;
  expiresAt: string;
}
