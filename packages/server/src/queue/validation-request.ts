import type { CanonicalInvoice, ErrorCode, ValidationStatus, Verdict } from '@cotejo/protocol';
import type { RequestState } from './request-states.ts';

/** One row of `validation_requests`, joined with its verdict and answering session. */
export interface ValidationRequestRow {
  id: string;
  tenant_id: string;
  invoice: CanonicalInvoice;
  state: RequestState;
  status: ValidationStatus;
  attempts: number;
  agent_session_id: string | null;
  error: { code: ErrorCode; message: string } | null;
  created_at: Date;
  /** The latest hand-over to a sync-client (a redelivery moves it). */
  delivered_at: Date | null;
  completed_at: Date | null;
  verdict: Verdict | null;
  hostname: string | null;
}

/** Selects `ValidationRequestRow` columns from `validation_requests r`. */
export const validationRequestColumns = `
  r.id, r.tenant_id, r.invoice, r.state, r.status, r.attempts, r.agent_session_id, r.error,
  r.created_at, r.delivered_at, r.completed_at,
  (select v.verdict from verdicts v where v.request_id = r.id) as verdict,
  (select s.hostname from agent_sessions s where s.id = r.agent_session_id) as hostname`;
