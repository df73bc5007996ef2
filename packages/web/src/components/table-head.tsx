import type { ReactNode } from 'react';

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';

export interface Column {
  label: ReactNode;
  /** Numbers align right. */
  numeric?: boolean;
}

/** A table's header row, one `<th scope="col">` per column. */
export function TableHead(props: { columns: (Column | string)[]; className?: string }) {
  return (
    <thead {...(props.className && { className: props.className })}>
      <tr>
        {props.columns.map((column, index) => {
          const { label, numeric } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={index} scope="col" className={numeric ? `${th} text-right` : th}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
