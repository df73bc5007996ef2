import { NavLink, Outlet } from 'react-router';
import { useLogout, type Session } from '../api/session.ts';
import { useServerEvents } from '../api/events.ts';

const links = [
  { to: '/subir', label: 'Subir facturas' },
  { to: '/documentos', label: 'Documentos' },
  { to: '/sync-clients', label: 'Sync-clients' },
  { to: '/metricas', label: 'Métricas' },
];

const streamText = {
  connecting: 'Conectando…',
  open: 'En vivo',
  closed: 'Sin actualizaciones en vivo: reconectando…',
} as const;

/** The signed-in shell: navigation, the live-updates indicator, the page. */
export function Layout({ session }: { session: Session }) {
  const logout = useLogout();
  const stream = useServerEvents();
  return (
    <div className="min-h-screen">
      <a
        href="#contenido"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2"
      >
        Saltar al contenido
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-bold text-teal-800">Cotejo</span>
          <nav
            aria-label="Secciones"
            className="order-last w-full overflow-x-auto sm:order-none sm:w-auto"
          >
            <ul className="flex gap-1">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink
                    to={link.to}
                    className={({ isActive }) =>
                      `block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                        isActive ? 'bg-teal-50 text-teal-900' : 'text-slate-700 hover:bg-slate-100'
                      }`
                    }
                  >
                    {link.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span
              role="status"
              className={`flex items-center gap-1.5 ${stream === 'open' ? 'text-emerald-800' : 'text-amber-800'}`}
            >
              <span
                aria-hidden="true"
                className={`h-2 w-2 rounded-full ${stream === 'open' ? 'bg-emerald-500' : 'bg-amber-500'}`}
              />
              {streamText[stream]}
            </span>
            <span className="hidden text-slate-600 md:inline">
              {session.usuario.email} · {session.usuario.tenantName}
            </span>
            <button
              type="button"
              onClick={() => logout.mutate()}
              className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100"
            >
              Salir
            </button>
          </div>
        </div>
      </header>
      <main id="contenido" className="mx-auto max-w-7xl px-4 py-6 sm:py-8">
        <Outlet />
      </main>
    </div>
  );
}
