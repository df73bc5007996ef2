import { statusLabel, statusStyle, type DocumentStatus } from '../format/status.ts';

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${statusStyle[status].badge}`}
      data-status={status}
    >
      {statusLabel[status]}
    </span>
  );
}
