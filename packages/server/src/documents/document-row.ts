import type { CanonicalInvoice, ErrorCode } from '@cotejo/protocol';
import type { Extraction, Finding } from '../extraction/extraction.ts';
import type { DocumentState } from './document-states.ts';

/** One row of `documents`. */
export interface DocumentRow {
  id: string;
  tenant_id: string;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  state: DocumentState;
  extraction: Extraction | null;
  invoice: CanonicalInvoice | null;
  findings: Finding[];
  error: { code: ErrorCode; message: string } | null;
  duplicate_of: string | null;
  validation_request_id: string | null;
  /** When the upload arrived; null for documents stored before it was recorded. */
  received_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** `created_at` as PostgreSQL writes it (microseconds), for keyset cursors. */
  created_at_text: string;
}

/** Selects `DocumentRow` columns from `documents d`. */
export const documentColumns = `
  d.id, d.tenant_id, d.sha256, d.file_name, d.media_type, d.size_bytes, d.state, d.extraction,
  d.invoice, d.findings, d.error, d.duplicate_of, d.validation_request_id, d.received_at, d.created_at,
  d.updated_at, d.created_at::text as created_at_text`;
