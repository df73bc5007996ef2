import type { CanonicalInvoice } from '@cotejo/protocol';
import type { Queryable } from '../db/db.ts';
import type { Extraction, Finding } from '../extraction/extraction.ts';
import { isUuid } from '../ids.ts';
import { documentColumns, type DocumentRow } from './document-row.ts';
import type { DocumentState } from './document-states.ts';

export interface NewDocument {
  id: string;
  tenantId: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  receivedAt: Date;
  state: DocumentState;
  extraction: Extraction | null;
  invoice: CanonicalInvoice | null;
  tipoCmp: number | null;
  findings: Finding[];
  error: { code: string; message: string } | null;
  duplicateOf: string | null;
}

/** Inserts a document; `false` when the tenant already has one with the same file. */
export async function insertDocument(db: Queryable, doc: NewDocument): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `insert into documents (id, tenant_id, sha256, file_name, media_type, size_bytes, state,
       extraction, invoice, findings, error, cuit, tipo_cmp, punto_venta, numero, fecha, importe,
       duplicate_of, received_at)
     values ($1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::int, $7::text, $8::jsonb,
       $9::jsonb, $10::jsonb, $11::jsonb, $12::text, $13::int, $14::int, $15::bigint, $16::date,
       $17::numeric, $18::uuid, $19::timestamptz)
     on conflict (tenant_id, sha256) do nothing
     returning id`,
    [
      doc.id,
      doc.tenantId,
      doc.sha256,
      doc.fileName,
      doc.mediaType,
      doc.sizeBytes,
      doc.state,
      doc.extraction && JSON.stringify(doc.extraction),
      doc.invoice && JSON.stringify(doc.invoice),
      JSON.stringify(doc.findings),
      doc.error && JSON.stringify(doc.error),
      doc.invoice?.cuit ?? null,
      doc.tipoCmp,
      doc.invoice?.puntoVenta ?? null,
      doc.invoice?.numero ?? null,
      doc.invoice?.fecha ?? null,
      doc.invoice?.importe ?? null,
      doc.duplicateOf,
      doc.receivedAt,
    ],
  );
  return rows.length > 0;
}

export async function findDocument(
  db: Queryable,
  tenantId: string,
  id: string,
): Promise<DocumentRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.query<DocumentRow>(
    `select ${documentColumns} from documents d where d.id = $1::uuid and d.tenant_id = $2::uuid`,
    [id, tenantId],
  );
  return row ?? null;
}

export async function findDocumentBySha256(
  db: Queryable,
  tenantId: string,
  sha256: string,
): Promise<DocumentRow | null> {
  const [row] = await db.query<DocumentRow>(
    `select ${documentColumns} from documents d where d.tenant_id = $1::uuid and d.sha256 = $2::text`,
    [tenantId, sha256],
  );
  return row ?? null;
}

/**
 * The tenant's first document of the same invoice: issuer CUIT + punto de venta + número, and
 * the same type when both sides know it.
 */
export async function findFirstSameInvoice(
  db: Queryable,
  tenantId: string,
  key: { cuit: string; puntoVenta: number; numero: number; tipoCmp: number | null },
): Promise<{ id: string; created_at: Date } | null> {
  const [row] = await db.query<{ id: string; created_at: Date }>(
    `select d.id, d.created_at from documents d
     where d.tenant_id = $1::uuid and d.cuit = $2::text and d.punto_venta = $3::int
       and d.numero = $4::bigint
       and (d.tipo_cmp is null or $5::int is null or d.tipo_cmp = $5::int)
     order by d.created_at, d.id
     limit 1`,
    [tenantId, key.cuit, key.puntoVenta, key.numero, key.tipoCmp],
  );
  return row ?? null;
}

/** Links the document to the validation request that checks it now. */
export async function linkValidation(db: Queryable, id: string, requestId: string): Promise<void> {
  await db.query(
    `update documents set state = 'VALIDANDO', validation_request_id = $2::uuid, updated_at = now()
     where id = $1::uuid`,
    [id, requestId],
  );
}

/** The tenant's document validated by this request, if any. */
export async function findDocumentIdByRequest(
  db: Queryable,
  tenantId: string,
  requestId: string,
): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `select d.id from documents d
     where d.validation_request_id = $1::uuid and d.tenant_id = $2::uuid`,
    [requestId, tenantId],
  );
  return row?.id ?? null;
}
