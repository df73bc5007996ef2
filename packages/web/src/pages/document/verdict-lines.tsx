import { statusOf, type Documento } from '../../api/documents.ts';
import { verdictLines } from '../../format/status.ts';

const toneClass = {
  good: 'text-emerald-800',
  bad: 'text-red-800 font-semibold',
  neutral: 'text-slate-700',
} as const;

const toneMark = { good: '✓', bad: '✗', neutral: '…' } as const;

/** The verdict in the first design's words, one line each. */
export function VerdictLines({ document }: { document: Documento }) {
  const lines = verdictLines({
    status: statusOf(document),
    existsInLocal: document.validacion ? document.validacion.existsInLocal : null,
    differences: document.validacion?.differences ?? [],
  });
  return (
    <ul className="space-y-0.5 text-sm">
      {lines.map((line) => (
        <li key={line.text} className={toneClass[line.tone]}>
          <span aria-hidden="true" className="mr-1.5">
            {toneMark[line.tone]}
          </span>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
