export function Stat(props: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{props.label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{props.value}</dd>
      {props.detail && <dd className="mt-1 text-xs text-slate-500">{props.detail}</dd>}
    </div>
  );
}
