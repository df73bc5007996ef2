import { AppError, type CanonicalInvoice } from '@cotejo/protocol';
import type { Db } from '../db/db.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Extraction, Finding } from '../extraction/extraction.ts';
import { mediaTypeByKind } from '../extraction/extraction.ts';
import type { Extractor } from '../extraction/extractor.ts';
import { sniffFileKind } from '../extraction/file-kind.ts';
import { newId } from '../ids.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { ValidationService } from '../validations/validation-service.ts';
import { cloudChecks } from './cloud-checks.ts';
import type { DocumentRow } from './document-row.ts';
import {
  findDocument,
  findDocumentBySha256,
  findFirstSameInvoice,
  insertDocument,
  linkValidation,
  type NewDocument,
} from './document-sql.ts';
import { toDocumentView, type DocumentView } from './document-view.ts';
import { listDocuments, type ListQuery } from './list-documents.ts';
import { loadValidations } from './load-validations.ts';
import { toInvoice } from './to-invoice.ts';

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

export interface DocumentService {
  /**
   * Stores, extracts, checks and (when the invoice is complete and new) validates one upload,
   * waiting up to `SYNC_WAIT_MS` for the verdict. The identical file again returns the existing
   * document with `existing: true`.
   */
  process(tenantId: string, upload: Upload): Promise<{ document: DocumentView; existing: boolean }>;
  get(tenantId: string, id: string): Promise<DocumentView>;
  list(
    tenantId: string,
    query: ListQuery,
  ): Promise<{ documentos: DocumentView[]; siguiente: string | null }>;
  /** Sends the document's invoice to validation again (after fixing the ERP, or a SIN_CONEXION). */
  revalidate(tenantId: string, id: string): Promise<DocumentView>;
  original(
    tenantId: string,
    id: string,
  ): Promise<{ bytes: Buffer; fileName: string; mediaType: string }>;
}

export function createDocumentService(deps: {
  db: Db;
  events: EventBus;
  files: FileStore;
  extractor: Extractor;
  validations: ValidationService;
}): DocumentService {
  const { db, events, files, extractor, validations } = deps;

  async function view(row: DocumentRow): Promise<DocumentView> {
    const ids = row.validation_request_id ? [row.validation_request_id] : [];
    const loaded = await loadValidations(db, row.tenant_id, ids);
    return toDocumentView(
      row,
      row.validation_request_id ? (loaded.get(row.validation_request_id) ?? null) : null,
    );
  }

  async function mustFind(tenantId: string, id: string): Promise<DocumentRow> {
    const row = await findDocument(db, tenantId, id);
    if (!row) {
      throw new AppError(
        'NOT_FOUND',
        `No existe el documento ${id}: verifique el id que devolvió la carga.`,
      );
    }
    return row;
  }

  async function changed(tenantId: string, id: string): Promise<DocumentView> {
    const current = await view(await mustFind(tenantId, id));
    events.emit('document.changed', { id, tenantId, status: current.estado });
    return current;
  }

  async function validate(
    tenantId: string,
    id: string,
    invoice: CanonicalInvoice,
  ): Promise<DocumentView> {
    const validation = await validations.submit(tenantId, invoice);
    await linkValidation(db, id, validation.id);
    return changed(tenantId, id);
  }

  async function extract(
    bytes: Uint8Array,
  ): Promise<{ ok: true; extraction: Extraction } | { ok: false; message: string }> {
    if (bytes.length === 0) {
      return { ok: false, message: 'El archivo está vacío: vuelva a subir la factura.' };
    }
    const kind = sniffFileKind(bytes);
    if (!kind) {
      return {
        ok: false,
        message:
          'El archivo no es un PDF, PNG ni JPEG (el tipo se reconoce por el contenido, no por el nombre): suba la factura en uno de esos formatos.',
      };
    }
    const outcome = await extractor.extract({ bytes, kind });
    return outcome.ok
      ? { ok: true, extraction: outcome.extraction }
      : { ok: false, message: outcome.message };
  }

  return {
    async process(tenantId, upload) {
      const receivedAt = new Date();
      const sha256 = await files.put(upload.bytes);
      const existing = await findDocumentBySha256(db, tenantId, sha256);
      if (existing) return { document: await view(existing), existing: true };

      const kind = upload.bytes.length > 0 ? sniffFileKind(upload.bytes) : null;
      const base = {
        id: newId(),
        tenantId,
        sha256,
        fileName: upload.fileName,
        mediaType: kind ? mediaTypeByKind[kind] : 'application/octet-stream',
        sizeBytes: upload.bytes.length,
        receivedAt,
      };
      const extracted = await extract(upload.bytes);
      const doc: NewDocument = extracted.ok
        ? await classify(base, extracted.extraction)
        : {
            ...base,
            state: 'ERROR_EXTRACCION',
            extraction: null,
            invoice: null,
            tipoCmp: null,
            findings: [],
            error: { code: 'EXTRACTION_FAILED', message: extracted.message },
            duplicateOf: null,
          };
      if (!(await insertDocument(db, doc))) {
        // The same file was uploaded concurrently: the first insert won.
        const winner = await findDocumentBySha256(db, tenantId, sha256);
        if (winner) return { document: await view(winner), existing: true };
      }
      const document =
        doc.state === 'VALIDANDO' && doc.invoice
          ? await validate(tenantId, doc.id, doc.invoice)
          : await changed(tenantId, doc.id);
      return { document, existing: false };
    },

    async get(tenantId, id) {
      return view(await mustFind(tenantId, id));
    },

    async list(tenantId, query) {
      const page = await listDocuments(db, tenantId, query);
      const ids = page.rows.flatMap((row) =>
        row.validation_request_id ? [row.validation_request_id] : [],
      );
      const loaded = await loadValidations(db, tenantId, ids);
      return {
        documentos: page.rows.map((row) =>
          toDocumentView(
            row,
            row.validation_request_id ? (loaded.get(row.validation_request_id) ?? null) : null,
          ),
        ),
        siguiente: page.next,
      };
    },

    async revalidate(tenantId, id) {
      const row = await mustFind(tenantId, id);
      if (!row.invoice) {
        throw new AppError(
          'BAD_REQUEST',
          'El documento no tiene los datos necesarios para validarlo (número, CUIT, fecha e importe): suba un archivo legible de la factura.',
        );
      }
      return validate(tenantId, id, row.invoice);
    },

    async original(tenantId, id) {
      const row = await mustFind(tenantId, id);
      const bytes = await files.get(row.sha256);
      if (!bytes) {
        throw new AppError(
          'NOT_FOUND',
          `El archivo original del documento ${id} ya no está disponible en el almacenamiento.`,
        );
      }
      return { bytes, fileName: row.file_name, mediaType: row.media_type };
    },
  };

  /** Cloud-side checks and the state the document starts in. */
  async function classify(
    base: Pick<
      NewDocument,
      'id' | 'tenantId' | 'sha256' | 'fileName' | 'mediaType' | 'sizeBytes' | 'receivedAt'
    >,
    extraction: Extraction,
  ): Promise<NewDocument> {
    const result = toInvoice(extraction.fields);
    const invoice = 'invoice' in result ? result.invoice : null;
    const tipoCmp = extraction.fields.tipoCmp?.value ?? null;
    const findings: Finding[] = [
      ...extraction.findings,
      ...cloudChecks(extraction.fields, invoice),
    ];
    // The text layer served the LLM layer; it is not stored.
    const common = {
      ...base,
      extraction: { ...extraction, text: undefined },
      invoice,
      tipoCmp,
      error: null,
    };
    if ('missing' in result) {
      findings.push({
        code: 'DATOS_INCOMPLETOS',
        message: `No se pudo leer: ${result.missing.join(', ')}. Sin esos datos la factura no se puede validar; suba un archivo más legible.`,
      });
      return { ...common, state: 'DATOS_INCOMPLETOS', findings, duplicateOf: null };
    }
    const first = await findFirstSameInvoice(db, base.tenantId, { ...result.invoice, tipoCmp });
    if (first) {
      findings.push({
        code: 'DUPLICADO',
        message: `Esta factura (${result.invoice.numeroComprobante}, CUIT ${result.invoice.cuit}) ya se subió el ${first.created_at.toISOString().slice(0, 10)}: vea el documento ${first.id}.`,
      });
      return { ...common, state: 'DUPLICADO', findings, duplicateOf: first.id };
    }
    return { ...common, state: 'VALIDANDO', findings, duplicateOf: null };
  }
}
