import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API server in development: `npm start` listens on 4000; `API_URL` points elsewhere. */
const api = process.env.API_URL ?? 'http://127.0.0.1:4000';

/**
 * The web client. `root: 'client'` keeps index.html beside the sources; the
 * server serves client/dist at `/` with an SPA fallback, so routes like
 * /parties/123 load index.html. In development Vite proxies the API paths
 * (and the GraphQL WebSocket) so that the session cookie stays same-origin.
 */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': { target: api },
      '/export': { target: api },
      '/docs': { target: api },
    },
  },
});
