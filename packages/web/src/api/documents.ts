import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { isDocumentStatus, type DocumentStatus } from '../format/status.ts';
import type { DocumentFinding, DocumentView, ValidacionView } from '@cotejo/protocol';
import { api } from './http.ts';

/** The query of one document: kept current by the event stream's `documento` events. */
export const documentKey = (id: string) => [...documentsKey, id] as const;

/** `datosExtraidos.validacion` (ARCHITECTURE.md §4). */
export type Validacion = ValidacionView;
export type Finding = DocumentFinding;
/** A document as `GET /api/documentos/:id` returns it. */
export type Documento = DocumentView;

export interface DocumentList {
  documentos: Documento[];
  siguiente: string | null;
}

export interface DocumentFilters {
  estado?: DocumentStatus | undefined;
  q?: string | undefined;
}

export const documentsKey = ['documentos'] as const;

export function statusOf(document: Documento): DocumentStatus {
  return isDocumentStatus(document.estado) ? document.estado : 'ERROR';
}

/** A value of the extracted invoice as text (canonical invoice fields are strings). */
export function extracted(document: Documento, field: string): string | null {
  const value = document.datosExtraidos[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** When this state of the document was current: later states win over earlier ones. */
function versionOf(document: Documento): number {
  return Math.max(
    Date.parse(document.actualizadoEn) || 0,
    Date.parse(document.validacion?.timestamp ?? '') || 0,
  );
}

/**
 * Stores a document state unless the cache already holds a later one (an upload's answer can
 * arrive after the event that carried its verdict).
 */
export function storeDocument(client: QueryClient, document: Documento): void {
  client.setQueryData<Documento>(documentKey(document.id), (current) =>
    current && versionOf(current) > versionOf(document) ? current : document,
  );
}

export function useDocuments(filters: DocumentFilters) {
  const params = new URLSearchParams();
  if (filters.estado) params.set('estado', filters.estado);
  if (filters.q) params.set('q', filters.q);
  params.set('limite', '100');
  return useQuery({
    queryKey: [...documentsKey, 'lista', filters],
    queryFn: ({ signal }) => api<DocumentList>(`/api/documentos?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: [...documentsKey, id],
    queryFn: async ({ signal }) =>
      (await api<{ documento: Documento }>(`/api/documentos/${encodeURIComponent(id)}`, { signal }))
        .documento,
  });
}

export function useRevalidate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (
        await api<{ documento: Documento }>(`/api/documentos/${encodeURIComponent(id)}/revalidar`, {
          method: 'POST',
          body: {},
        })
      ).documento,
    onSuccess: (document) => {
      storeDocument(client, document);
      void client.invalidateQueries({ queryKey: documentsKey });
    },
  });
}

/** The URL of the original file, for the preview and the download. */
export function originalUrl(document: Documento): string {
  return document.enlaces.original ?? `/api/documentos/${document.id}/original`;
}

/** The same file, shown in the page instead of downloaded. */
export function previewUrl(document: Documento): string {
  return `${originalUrl(document)}?vista=1`;
}
