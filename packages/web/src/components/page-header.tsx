import { useEffect, type ReactNode } from 'react';

export function PageHeader(props: { title: string; description?: string; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${props.title} · Cotejo`;
  }, [props.title]);
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{props.title}</h1>
        {props.description && <p className="mt-1 text-slate-600">{props.description}</p>}
      </div>
      {props.actions && <div className="flex gap-2">{props.actions}</div>}
    </header>
  );
}

export function Card(props: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${props.className ?? ''}`}
      {...(props.title && { 'aria-label': props.title })}
    >
      {props.title && <h2 className="mb-3 text-lg font-semibold text-slate-900">{props.title}</h2>}
      {props.children}
    </section>
  );
}
