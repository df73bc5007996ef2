import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/button.tsx';

/** The new key's secret, shown once, focused so that keyboard and screen readers land on it. */
export function NewKeyNotice(props: { id: string; secret: string; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  const copy = () =>
    void navigator.clipboard
      .writeText(props.secret)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label="Clave nueva"
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <p className="font-semibold text-amber-900">
        Clave creada. Cópiela ahora: no se vuelve a mostrar.
      </p>
      <label htmlFor="new-key" className="mt-2 block text-sm text-amber-900">
        Clave del sync-client (id {props.id})
      </label>
      <input
        id="new-key"
        readOnly
        value={props.secret}
        onFocus={(event) => event.target.select()}
        className="mt-1 block w-full rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
      />
      <div className="mt-3 flex gap-2">
        <Button variant="secondary" onClick={copy}>
          {copied ? 'Copiada' : 'Copiar'}
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          Listo, ya la guardé
        </Button>
      </div>
    </div>
  );
}
