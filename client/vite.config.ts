import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { graphqlDocuments } from './vite.graphqlDocuments.ts';
import { precompress } from './vite.precompress.ts';

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
  // graphqlDocuments: each page's chunk carries the GraphQL documents it uses, and only those (vite.graphqlDocuments.ts).
  plugins: [graphqlDocuments({ generatedDir: path.join(import.meta.dirname, 'src/graphql/generated') }), react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Pages are loaded by route (App.tsx); these groups keep what several pages share, or what one page
        // brings in bulk, in chunks of their own, each under Vite's 500 kB warning and cached across releases
        // that do not change it.
        codeSplitting: {
          groups: [
            // The meeting room's co-editing: Yjs, then the editor (Tiptap over ProseMirror) on top of it.
            // Their own modules only: with their dependencies they would take React along, and every page with it.
            {
              name: 'yjs',
              test: /node_modules[\\/](yjs|lib0|y-protocols)[\\/]/,
              priority: 2,
              includeDependenciesRecursively: false,
            },
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[^\\/]+|linkifyjs|orderedmap|rope-sequence|w3c-keyname|fast-equals|use-sync-external-store)[\\/]/,
              priority: 1,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
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
