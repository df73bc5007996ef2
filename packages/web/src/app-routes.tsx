import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { useSession } from './api/session.ts';
import { Layout } from './components/layout.tsx';
import { ErrorMessage, Loading } from './components/states.tsx';
import { AgentsPage } from './pages/agents-page.tsx';
import { DocumentDetailPage } from './pages/document-detail-page.tsx';
import { DocumentsPage } from './pages/documents-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MetricsPage } from './pages/metrics-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { UploadPage } from './pages/upload-page.tsx';

/** Pages behind the login: without a session, to /ingresar (and back after logging in). */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading label="Verificando la sesión…" />;
  if (session.error) {
    return (
      <main className="p-6">
        <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    return (
      <Navigate to="/ingresar" replace state={{ from: location.pathname + location.search }} />
    );
  }
  return <Layout session={session.data} />;
}

/** The login page; once signed in, back to where the user was going (or the upload page). */
function LoginRoute() {
  const session = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/subir';
  if (session.data) return <Navigate to={from} replace />;
  return <LoginPage />;
}

export const router = createBrowserRouter([
  { path: '/ingresar', element: <LoginRoute /> },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <Navigate to="/subir" replace /> },
      { path: 'subir', element: <UploadPage /> },
      { path: 'documentos', element: <DocumentsPage /> },
      { path: 'documentos/:id', element: <DocumentDetailPage /> },
      { path: 'sync-clients', element: <AgentsPage /> },
      { path: 'metricas', element: <MetricsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
