import { originalUrl, previewUrl, type Documento } from '../../api/documents.ts';

/** The uploaded file itself: the browser's PDF viewer, or the image. */
export function OriginalPreview({ document }: { document: Documento }) {
  const url = originalUrl(document);
  const preview = previewUrl(document);
  if (document.tipoArchivo.startsWith('image/')) {
    return (
      <img
        src={url}
        alt={`Original de ${document.nombreArchivo}`}
        className="w-full rounded border"
      />
    );
  }
  return (
    <>
      <object
        data={preview}
        type={document.tipoArchivo}
        aria-label={`Vista previa de ${document.nombreArchivo}`}
        className="h-[70vh] min-h-96 w-full rounded border border-slate-200"
      >
        <p className="p-4 text-sm text-slate-700">
          Este navegador no muestra PDF aquí.{' '}
          <a href={url} className="font-medium text-teal-800 underline">
            Abrir el original
          </a>
        </p>
      </object>
      <a
        href={url}
        target="_blank"
        rel="noopener"
        className="mt-2 inline-block text-sm font-medium text-teal-800 underline"
      >
        Abrir el original en otra pestaña
      </a>
    </>
  );
}
