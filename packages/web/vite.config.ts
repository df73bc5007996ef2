import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `npm run build -w packages/web` writes `dist/`, which the server serves. `npm run dev -w
 * packages/web` proxies `/api` to a server on port 3000 (`npm start`).
 */
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
