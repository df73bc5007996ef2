import { csrfHeaders, errorFrom } from './http.ts';
import type { Documento } from './documents.ts';

/** The multipart field `POST /api/documentos/procesar` reads the file from. */
export const uploadField = 'archivo';

export interface UploadResult {
  success: boolean;
  documento: Documento;
}

/**
 * Uploads one file with XMLHttpRequest (fetch reports no upload progress), calling
 * `onProgress` with 0..1 as bytes leave. Resolves with the server's answer, which may already
 * carry the verdict (or `validando: true`, and the verdict comes later by the event stream).
 */
export function uploadDocument(
  file: File,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/documentos/procesar');
    request.responseType = 'text';
    for (const [name, value] of Object.entries(csrfHeaders()))
      request.setRequestHeader(name, value);
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onerror = () =>
      reject(new Error('No hay conexión con el servidor: reintente la subida.'));
    request.onabort = () => reject(new DOMException('Subida cancelada', 'AbortError'));
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        headers: { 'content-type': 'application/json' },
      });
      // 422 (unreadable file) still carries the stored document, shown with its error.
      if ((request.status >= 200 && request.status < 300) || request.status === 422) {
        response.json().then((body: Partial<UploadResult>) => {
          if (body.documento) resolve(body as UploadResult);
          else reject(new Error('Respuesta inesperada del servidor: reintente la subida.'));
        }, reject);
      } else {
        errorFrom(response).then(reject, reject);
      }
    };
    signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append(uploadField, file, file.name);
    request.send(form);
  });
}
