import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/http.ts';
import { sessionKey } from './api/session.ts';
import { router } from './app-routes.tsx';
import './index.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

/** A 401 anywhere means the session ended: go back to the login page. */
queryClient.getQueryCache().subscribe((event) => {
  const query = event.query as { queryKey: readonly unknown[]; state: { error: unknown } };
  const { error } = query.state;
  if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== sessionKey[0]) {
    queryClient.setQueryData(sessionKey, null);
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
