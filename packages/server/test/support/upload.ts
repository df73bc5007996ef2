/** `POST /api/documentos/procesar` as a browser sends it: multipart, field "archivo". */
export interface UploadResponse {
  status: number;
  body: {
    success?: boolean;
    validando?: boolean;
    queryId?: string;
    error?: { code: string; message: string };
    documento?: {
      id: string;
      estado: string;
      duplicadoDe: string | null;
      queryId: string | null;
      validando: boolean;
      error: { code: string; message: string } | null;
      enlaces: Record<string, string>;
      validacion: Record<string, unknown> | null;
      datosExtraidos: Record<string, unknown> & {
        hallazgos: { code: string; message: string }[];
        validacion: Record<string, unknown> | null;
      };
    };
  };
}

export async function upload(
  url: string,
  token: string,
  bytes: Uint8Array,
  fileName = 'factura.pdf',
): Promise<UploadResponse> {
  const form = new FormData();
  form.append('archivo', new Blob([bytes]), fileName);
  const response = await fetch(`${url}/api/documentos/procesar`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as UploadResponse['body'] };
}
