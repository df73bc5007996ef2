import type { Documento } from '../../api/documents.ts';
import { formatDateTime, formatDuration } from '../../format/es-ar.ts';

interface Step {
  label: string;
  at: string | null;
  detail?: string;
}

const eventLabel: Record<string, string> = {
  subida: 'Subida',
  extraida: 'Datos extraídos',
  encolada: 'En cola',
  enviada: 'Enviada al sync-client',
  respondida: 'Respondida',
  vencida: 'Vencida sin respuesta',
};

/** subida → extraída → en cola → enviada al sync-client → respondida, as far as it got. */
function steps(document: Documento): Step[] {
  const reached: Step[] = document.lineaDeTiempo.map((entry) => ({
    label: eventLabel[entry.evento] ?? entry.evento,
    at: entry.en,
    ...(entry.evento === 'respondida' &&
      document.validacion?.agent && { detail: `por ${document.validacion.agent.hostname}` }),
  }));
  return document.validando
    ? [...reached, { label: 'Esperando al sync-client', at: null }]
    : reached;
}

export function DocumentTimeline({ document }: { document: Documento }) {
  const latency = document.validacion?.latencyMs ?? null;
  return (
    <>
      <ol className="relative space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
        {steps(document).map((step) => (
          <li key={step.label}>
            <span
              aria-hidden="true"
              className={`absolute -left-[7px] mt-1.5 h-3 w-3 rounded-full ${step.at ? 'bg-teal-600' : 'bg-slate-300'}`}
            />
            <span className="font-medium text-slate-900">{step.label}</span>
            <span className="ml-2 text-slate-600">
              {step.at ? formatDateTime(step.at) : 'pendiente'}
            </span>
            {step.detail && <span className="ml-2 text-slate-500">{step.detail}</span>}
          </li>
        ))}
      </ol>
      {latency !== null && (
        <p className="mt-3 text-sm text-slate-700">
          Tiempo de validación: <strong>{formatDuration(latency)}</strong>
        </p>
      )}
    </>
  );
}
