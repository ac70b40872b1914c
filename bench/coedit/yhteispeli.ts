import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DocumentSync, type DocumentTransport } from '../../client/src/features/documents/DocumentSync.js';
import { graphql } from '../clients/http.js';
import type { CoeditAdapter } from './adapter.js';

/**
 * Our co-editing client as the web client runs it: the client's own
 * DocumentSync, pushing over HTTP and receiving over graphql-ws (the same
 * transport as tests/integration/editors.ts). Editors take the sessions in
 * turn. When keystrokes move onto the socket, only this file changes.
 */
export function yhteispeliEditors(opts: { url: string; tokens: string[]; documentId: string }): CoeditAdapter {
  const wsUrl = opts.url.replace(/^http/, 'ws') + '/graphql';
  let n = 0;
  return {
    async connect() {
      const token = opts.tokens[n++ % opts.tokens.length]!;
      const ws = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        // Reconnects (and re-subscribes) when a loaded server closes the socket, as the web client does.
        retryAttempts: 5,
        shouldRetry: () => true,
      });
      const call = (query: string, variables: Record<string, unknown>) => graphql(`${opts.url}/graphql`, query, variables, token);
      const d = opts.documentId;
      const transport: DocumentTransport = {
        push: async (update) =>
          (await call('mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }', { d, u: update })).pushDocumentUpdate,
        state: async (sv) => (await call('query ($d: ID!, $sv: String) { documentState(id: $d, stateVector: $sv) }', { d, sv })).documentState,
        subscribe: (sv, onUpdate) =>
          ws.subscribe<{ documentUpdated: { update: string } }>(
            { query: 'subscription ($d: ID!, $sv: String) { documentUpdated(documentId: $d, stateVector: $sv) { update } }', variables: { d, sv } },
            { next: (m) => m.data && onUpdate(m.data.documentUpdated.update), error: () => {}, complete: () => {} },
          ),
      };
      const doc = new Y.Doc();
      const sync = new DocumentSync(doc, transport);
      await sync.connect();
      return {
        doc,
        async close() {
          // Not flushed: a server far behind would keep the bench waiting; what is unseen is already counted.
          sync.destroy();
          await ws.dispose();
        },
      };
    },
  };
}
