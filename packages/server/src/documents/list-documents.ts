import { AppError, validationStatuses } from '@cotejo/protocol';
import { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import { documentColumns, type DocumentRow } from './document-row.ts';
import { documentStates } from './document-states.ts';

/** What a user sees as a document's status: its own state, or its validation's status. */
export const documentStatuses = [
  ...documentStates.filter((state) => state !== 'VALIDANDO'),
  ...validationStatuses.filter((status) => status !== 'DUPLICADO'),
] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'se espera aaaa-mm-dd' });

/** Query string of `GET /api/documentos`. */
export const listQuerySchema = z.object({
  estado: z.enum(documentStatuses).optional(),
  /** Invoice date range (fecha del comprobante), inclusive. */
  fechaDesde: isoDate.optional(),
  fechaHasta: isoDate.optional(),
  /** Upload date range, inclusive. */
  subidoDesde: isoDate.optional(),
  subidoHasta: isoDate.optional(),
  cuit: z
    .string()
    .trim()
    .regex(/^\d{2}-?\d{8}-?\d$/, { error: 'se esperan los 11 dígitos del CUIT' })
    .optional(),
  /** Free text over file name, razón social, número and CUIT. */
  q: z.string().trim().min(1).max(100).optional(),
  limite: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface DocumentPage {
  rows: DocumentRow[];
  next: string | null;
}

const statusExpression = `case when d.state = 'VALIDANDO'
  then coalesce((select r.status from validation_requests r where r.id = d.validation_request_id), 'PENDIENTE')
  else d.state end`;

/** One page of the tenant's documents, newest first, keyset-paged on (created_at, id). */
export async function listDocuments(
  db: Queryable,
  tenantId: string,
  query: ListQuery,
): Promise<DocumentPage> {
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const like = query.q === undefined ? null : `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.query<DocumentRow>(
    `select ${documentColumns} from documents d
     where d.tenant_id = $1::uuid
       and ($2::text is null or ${statusExpression} = $2::text)
       and ($3::date is null or d.fecha >= $3::date)
       and ($4::date is null or d.fecha <= $4::date)
       and ($5::date is null or d.created_at >= $5::date)
       and ($6::date is null or d.created_at < $6::date + 1)
       and ($7::text is null or d.cuit = $7::text)
       and ($8::text is null or d.file_name ilike $8::text or d.cuit like $8::text
            or d.invoice->>'razonSocial' ilike $8::text
            or d.invoice->>'numeroComprobante' like $8::text)
       and ($9::timestamptz is null or (d.created_at, d.id) < ($9::timestamptz, $10::uuid))
     order by d.created_at desc, d.id desc
     limit $11::int`,
    [
      tenantId,
      query.estado ?? null,
      query.fechaDesde ?? null,
      query.fechaHasta ?? null,
      query.subidoDesde ?? null,
      query.subidoHasta ?? null,
      query.cuit?.replace(/-/g, '') ?? null,
      like,
      cursor?.createdAt ?? null,
      cursor?.id ?? null,
      query.limite + 1,
    ],
  );
  const page = rows.slice(0, query.limite);
  const last = page.at(-1);
  return { rows: page, next: rows.length > query.limite && last ? encodeCursor(last) : null };
}

function encodeCursor(row: DocumentRow): string {
  return Buffer.from(`${row.created_at_text}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !/^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(?::\d{2})?$/.test(createdAt) ||
    !/^[0-9a-f-]{36}$/.test(id)
  ) {
    throw new AppError(
      'BAD_REQUEST',
      'El cursor de paginación no es válido: use el valor "siguiente" de la página anterior.',
    );
  }
  return { createdAt, id };
}
