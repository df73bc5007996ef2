import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { extracted, statusOf, useDocuments } from '../api/documents.ts';
import { PageHeader } from '../components/page-header.tsx';
import { Empty, QueryView } from '../components/states.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { formatAmount, formatCuit, formatDate, formatDateTime } from '../format/es-ar.ts';
import { documentStatuses, isDocumentStatus, statusLabel } from '../format/status.ts';
import { TableHead } from '../components/table-head.tsx';

const td = 'px-3 py-2 align-middle';

export function DocumentsPage() {
  const [params, setParams] = useSearchParams();
  const estadoParam = params.get('estado') ?? '';
  const estado = isDocumentStatus(estadoParam) ? estadoParam : undefined;
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const documents = useDocuments({ estado, q: q || undefined });

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Documentos"
        description="Las facturas subidas, con el resultado de su validación."
        actions={
          <Link
            to="/subir"
            className="rounded-md bg-teal-700 px-3.5 py-2 text-sm font-semibold text-white hover:bg-teal-800"
          >
            Subir facturas
          </Link>
        }
      />
      <form
        role="search"
        className="mb-4 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', search.trim());
        }}
      >
        <label className="flex flex-col text-sm text-slate-700">
          Estado
          <select
            value={estado ?? ''}
            onChange={(event) => setFilter('estado', event.target.value)}
            className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-2"
          >
            <option value="">Todos</option>
            {documentStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-56 flex-1 flex-col text-sm text-slate-700">
          Buscar
          <input
            type="search"
            value={search}
            maxLength={100}
            placeholder="Archivo, proveedor, número o CUIT"
            onChange={(event) => setSearch(event.target.value)}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          Buscar
        </button>
      </form>
      <QueryView query={documents} loading="Cargando documentos…">
        {(list) =>
          list.documentos.length === 0 ? (
            <Empty
              title={
                estado || q
                  ? 'Ningún documento coincide con el filtro.'
                  : 'Todavía no subió facturas.'
              }
            >
              <Link to="/subir" className="font-medium text-teal-800 underline">
                Subir facturas
              </Link>
            </Empty>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Documentos subidos</caption>
                <TableHead
                  className="bg-slate-50"
                  columns={[
                    'Estado',
                    'Comprobante',
                    'Proveedor',
                    'Fecha',
                    { label: 'Importe', numeric: true },
                    'Subido',
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {list.documentos.map((document) => (
                    <tr key={document.id} className="hover:bg-slate-50">
                      <td className={td}>
                        <StatusBadge status={statusOf(document)} />
                      </td>
                      <td className={td}>
                        <Link
                          to={`/documentos/${document.id}`}
                          className="font-medium text-teal-800 underline"
                        >
                          {extracted(document, 'numeroComprobante') ?? document.nombreArchivo}
                        </Link>
                        <div className="text-xs text-slate-500">{document.nombreArchivo}</div>
                      </td>
                      <td className={td}>
                        {extracted(document, 'razonSocial') ?? '—'}
                        <div className="text-xs text-slate-500">
                          {formatCuit(extracted(document, 'cuit'))}
                        </div>
                      </td>
                      <td className={td}>{formatDate(extracted(document, 'fecha'))}</td>
                      <td className={`${td} text-right tabular-nums`}>
                        {formatAmount(extracted(document, 'importe'))}
                      </td>
                      <td className={td}>{formatDateTime(document.creadoEn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
    </>
  );
}
