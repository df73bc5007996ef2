import { useState, type FormEvent } from 'react';
import { useLogin } from '../api/session.ts';
import { Button } from '../components/button.tsx';
import { ErrorMessage } from '../components/states.tsx';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-teal-600';

/** A labelled, required text input. */
function Field(props: {
  id: string;
  label: string;
  type: string;
  autoComplete: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id={props.id}
        type={props.type}
        autoComplete={props.autoComplete}
        required
        maxLength={props.maxLength}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={inputClass}
      />
    </div>
  );
}

export function LoginPage() {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-center text-3xl font-bold text-teal-800">Cotejo</h1>
        <p className="mb-6 text-center text-slate-600">
          Validación de facturas de proveedores contra su ERP
        </p>
        <form
          onSubmit={submit}
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
          aria-label="Ingresar"
        >
          <Field
            id="email"
            label="Email"
            type="email"
            autoComplete="username"
            maxLength={254}
            value={email}
            onChange={setEmail}
          />
          <Field
            id="password"
            label="Contraseña"
            type="password"
            autoComplete="current-password"
            maxLength={200}
            value={password}
            onChange={setPassword}
          />
          {login.error && <ErrorMessage error={login.error} />}
          <Button type="submit" className="w-full" disabled={login.isPending}>
            {login.isPending ? 'Ingresando…' : 'Ingresar'}
          </Button>
        </form>
      </div>
    </main>
  );
}
