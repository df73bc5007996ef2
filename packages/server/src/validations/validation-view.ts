import type { CanonicalInvoice, ErrorCode, ValidationStatus, Verdict } from '@cotejo/protocol';
import type { ValidationRequestRow } from '../queue/validation-request.ts';

/** The body of `POST /api/validaciones` and `GET /api/validaciones/:id`. */
export interface ValidationView {
  id: string;
  status: ValidationStatus;
  invoice: CanonicalInvoice;
  verdict: Verdict | null;
  error: { code: ErrorCode; message: string } | null;
  createdAt: string;
  deliveredAt: string | null;
  completedAt: string | null;
  latencyMs: number | null;
  agent: { hostname: string } | null;
}

export function toValidationView(row: ValidationRequestRow): ValidationView {
  return {
    id: row.id,
    status: row.status,
    invoice: row.invoice,
    verdict: row.verdict,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    latencyMs:
      row.completed_at === null ? null : row.completed_at.getTime() - row.created_at.getTime(),
    agent: row.hostname === null ? null : { hostname: row.hostname },
  };
}
