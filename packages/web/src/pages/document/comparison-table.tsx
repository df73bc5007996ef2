import type { Difference, LocalInvoice } from '@cotejo/protocol';
import { extracted, type Documento } from '../../api/documents.ts';
import { formatAmount, formatCuit, formatDate } from '../../format/es-ar.ts';
import { fieldLabel } from '../../format/status.ts';

const fields = [
  'numeroComprobante',
  'tipoComprobante',
  'cuit',
  'fecha',
  'importe',
  'razonSocial',
  'cae',
] as const satisfies readonly (keyof LocalInvoice)[];

function display(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'importe') return formatAmount(value);
  if (field === 'fecha') return formatDate(value);
  if (field === 'cuit') return formatCuit(value);
  return value;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** Extracted values next to the ERP's, each differing field highlighted and named. */
export function ComparisonTable({ document }: { document: Documento }) {
  const local = document.validacion?.localData ?? null;
  const differences = new Map<string, Difference>(
    (document.validacion?.differences ?? []).map((difference) => [difference.field, difference]),
  );
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Valores de la factura y del ERP</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-600">
            <th scope="col" className="px-2 py-1.5">
              Campo
            </th>
            <th scope="col" className="px-2 py-1.5">
              En la factura
            </th>
            <th scope="col" className="px-2 py-1.5">
              En el ERP
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((field) => {
            const difference = differences.get(field);
            const cloud = difference?.cloud ?? extracted(document, field);
            const erp = difference?.local ?? (local ? text(local[field]) : null);
            if (cloud === null && erp === null) return null;
            return (
              <tr
                key={field}
                data-field={field}
                data-differs={difference ? 'true' : undefined}
                className={difference ? 'bg-red-50' : ''}
              >
                <th scope="row" className="px-2 py-1.5 text-left font-medium text-slate-800">
                  {fieldLabel[field] ?? field}
                  {difference && (
                    <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                      Difiere
                    </span>
                  )}
                </th>
                <td
                  className={`px-2 py-1.5 tabular-nums ${difference ? 'font-semibold text-red-900' : ''}`}
                >
                  {display(field, cloud)}
                </td>
                <td
                  className={`px-2 py-1.5 tabular-nums ${difference ? 'font-semibold text-red-900' : ''}`}
                >
                  {local || difference ? display(field, erp) : 'Sin datos del ERP'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
