import { Link, useParams } from 'react-router';
import { originalUrl, statusOf, useDocument, useRevalidate } from '../api/documents.ts';
import { Button } from '../components/button.tsx';
import { Card, PageHeader } from '../components/page-header.tsx';
import { ErrorMessage, QueryView } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { ComparisonTable } from './document/comparison-table.tsx';
import { DocumentTimeline } from './document/document-timeline.tsx';
import { OriginalPreview } from './document/original-preview.tsx';
import { VerdictLines } from './document/verdict-lines.tsx';

export function DocumentDetailPage() {
  const { id = '' } = useParams();
  const document = useDocument(id);
  const revalidate = useRevalidate(id);
  return (
    <QueryView query={document} loading="Cargando el documento…">
      {(doc) => (
        <>
          <nav aria-label="Ruta" className="mb-2 text-sm">
            <Link to="/documentos" className="text-teal-800 underline">
              ← Documentos
            </Link>
          </nav>
          <PageHeader
            title={doc.nombreArchivo}
            actions={
              <>
                <a
                  href={originalUrl(doc)}
                  download={doc.nombreArchivo}
                  className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
                >
                  Descargar original
                </a>
                <Button
                  onClick={() => revalidate.mutate()}
                  disabled={revalidate.isPending || doc.validando}
                >
                  {revalidate.isPending ? 'Enviando…' : 'Volver a validar'}
                </Button>
              </>
            }
          />
          {revalidate.error && <ErrorMessage error={revalidate.error} />}
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-6">
              <Card title="Resultado">
                <div className="flex flex-wrap items-start gap-3">
                  <StatusBadge status={statusOf(doc)} />
                  <VerdictLines document={doc} />
                </div>
                {doc.error && <p className="mt-3 text-sm text-red-800">{doc.error.message}</p>}
                {doc.validacion?.error && (
                  <p className="mt-3 text-sm text-red-800">{doc.validacion.error}</p>
                )}
                {doc.duplicadoDe && (
                  <Link
                    to={`/documentos/${doc.duplicadoDe}`}
                    className="mt-3 block text-sm text-teal-800 underline"
                  >
                    Ver el documento original
                  </Link>
                )}
              </Card>
              <Card title="Factura vs. ERP">
                <ComparisonTable document={doc} />
              </Card>
              {(doc.datosExtraidos.hallazgos?.length ?? 0) > 0 && (
                <Card title="Observaciones del archivo">
                  <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
                    {doc.datosExtraidos.hallazgos?.map((finding) => (
                      <li key={`${finding.code}-${finding.field ?? ''}`}>{finding.message}</li>
                    ))}
                  </ul>
                </Card>
              )}
              <Card title="Línea de tiempo">
                <DocumentTimeline document={doc} />
              </Card>
            </div>
            <Card title="Original">
              <OriginalPreview document={doc} />
            </Card>
          </div>
        </>
      )}
    </QueryView>
  );
}
