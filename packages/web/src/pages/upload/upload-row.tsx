import { Link } from 'react-router';
import { statusOf, useDocument } from '../../api/documents.ts';
import { StatusBadge } from '../../components/status-badge.tsx';
import { formatBytes } from '../../format/es-ar.ts';
import { VerdictLines } from '../document/verdict-lines.tsx';

export interface UploadItem {
  key: number;
  file: File;
  /** 0..1 of the bytes sent. */
  progress: number;
  phase: 'esperando' | 'subiendo' | 'procesando' | 'listo' | 'error';
  documentId?: string;
  error?: string;
}

const phaseText = {
  esperando: 'En espera',
  subiendo: 'Subiendo',
  procesando: 'Leyendo y validando…',
  listo: 'Listo',
  error: 'Error',
} as const;

/** The verdict of an uploaded file, kept current by the event stream. */
function LiveVerdict({ id }: { id: string }) {
  const document = useDocument(id);
  if (!document.data) return null;
  const validacion = document.data.validacion;
  return (
    <div className="mt-2 flex flex-wrap items-start gap-3">
      <StatusBadge status={statusOf(document.data)} />
      <VerdictLines document={document.data} />
      <Link
        to={`/documentos/${id}`}
        className="ml-auto text-sm font-medium text-teal-800 underline"
        aria-label={`Ver el detalle de ${document.data.nombreArchivo}`}
      >
        Ver detalle
      </Link>
      {validacion === null && document.data.error && (
        <p className="w-full text-sm text-red-800">{document.data.error.message}</p>
      )}
    </div>
  );
}

export function UploadRow({ item }: { item: UploadItem }) {
  const percent = Math.round(item.progress * 100);
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-file={item.file.name}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium text-slate-900">{item.file.name}</span>
        <span className="text-sm text-slate-600">
          {formatBytes(item.file.size)} · {phaseText[item.phase]}
        </span>
      </div>
      {item.phase !== 'error' && item.phase !== 'listo' && (
        <div
          role="progressbar"
          aria-label={`Progreso de ${item.file.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full rounded-full bg-teal-600 transition-all ${item.phase === 'procesando' ? 'animate-pulse' : ''}`}
            style={{ width: `${percent}%` }}
          />
        </div>
      )}
      {item.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {item.error}
        </p>
      )}
      {item.documentId && <LiveVerdict id={item.documentId} />}
    </li>
  );
}
