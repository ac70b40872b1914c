import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  DocumentSync,
  type DocumentSyncOptions,
  type DocumentTransport,
} from '../../client/src/features/documents/DocumentSync.js';

/**
 * A co-editor in Node.js, as the web client edits: a Y.Doc kept in step by the client's own
 * DocumentSync, every push and the stream on one graphql-ws socket. Used by the integration tests
 * and importable by benchmarks (it needs only a URL and a session token, no test server).
 *
 * ```ts
 * const editor = new EditorClient({ url: 'http://127.0.0.1:4000', token, documentId });
 * await editor.connect();                      // subscribe + sync by state vector, both ways
 * typeText(editor.doc, 'a');                  // ../minutes-doc.ts: sent at once, acknowledged after its batch commits
 * editor.onRemote((update) => …);              // every update other editors make, as applied here
 * await editor.sync.flush();                   // everything typed here is stored
 * editor.close();
 * ```
 */
export interface EditorClientOptions {
  /** The server's HTTP base URL, e.g. `http://127.0.0.1:4000` (the socket is `ws://…/graphql`). */
  url: string;
  /** A session token (API tokens cannot edit). */
  token: string;
  documentId: string;
  /** DocumentSync's keystroke batching window (ms); default 30. */
  batchMs?: DocumentSyncOptions['batchMs'];
  /** An existing Y.Doc to bind (default: a new one). */
  doc?: Y.Doc;
}

const PUSH = 'mutation ($d: ID!, $u: String!, $c: String) { pushDocumentUpdate(documentId: $d, update: $u, clientId: $c) }';
const STATE = 'query ($d: ID!, $sv: String) { documentState(id: $d, stateVector: $sv) }';
const UPDATES =
  'subscription ($d: ID!, $sv: String, $c: String) { documentUpdated(documentId: $d, stateVector: $sv, clientId: $c) { update stateVector } }';

/** A graphql-ws client for Node that authenticates with a Bearer token in `connection_init`. */
export function openSocket(url: string, token: string): WsClient {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/** One operation on the socket that answers once (a query or a mutation): its data, or a rejection with its `errors`. */
export function request<T>(ws: WsClient, query: string, variables: Record<string, unknown>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    ws.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          answered = true;
          if (r.errors?.length || !r.data)
            reject(Object.assign(new Error(r.errors?.[0]?.message ?? 'no data'), { errors: r.errors }));
          else resolve(r.data as T);
        },
        error: (err) => reject(err instanceof Error ? err : new Error(`socket closed: ${JSON.stringify(err)}`)),
        complete: () => {
          if (!answered) reject(new Error('the socket ended before the answer'));
        },
      },
    );
  });
}

/** DocumentSync's transport with everything on one graphql-ws socket (no HTTP per keystroke). */
export function socketTransport(ws: WsClient, documentId: string): DocumentTransport {
  return {
    push: async (update, clientId) =>
      (await request<{ pushDocumentUpdate: number }>(ws, PUSH, { d: documentId, u: update, c: clientId })).pushDocumentUpdate,
    state: async (sv) => (await request<{ documentState: string }>(ws, STATE, { d: documentId, sv })).documentState,
    subscribe: (sv, clientId, onUpdate) =>
      ws.subscribe<{ documentUpdated: { update: string; stateVector: string | null } }>(
        { query: UPDATES, variables: { d: documentId, sv, c: clientId } },
        {
          next: (m) => m.data && onUpdate(m.data.documentUpdated.update, m.data.documentUpdated.stateVector),
          error: () => {},
          complete: () => {},
        },
      ),
  };
}

/** One co-editor over its own socket; `drop` and `connect` simulate a lost and a restored connection. */
export class EditorClient {
  readonly doc: Y.Doc;
  readonly sync: DocumentSync;
  private ws: WsClient | undefined;
  private inFlight = 0;

  constructor(private readonly options: EditorClientOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.sync = new DocumentSync(this.doc, this.transport(), { batchMs: options.batchMs });
  }

  private transport(): DocumentTransport {
    this.ws = openSocket(this.options.url, this.options.token);
    const transport = socketTransport(this.ws, this.options.documentId);
    return {
      ...transport,
      push: (update, clientId) => {
        this.inFlight++;
        const answer = transport.push(update, clientId);
        void answer.then(
          () => this.inFlight--,
          () => this.inFlight--,
        );
        return answer;
      },
    };
  }

  /** Pushes sent and neither acknowledged nor failed yet (a closed socket fails those in flight). */
  get pushesInFlight(): number {
    return this.inFlight;
  }

  /** Whether the sync is connected (subscribed and synced). */
  get online(): boolean {
    return this.sync.status().online;
  }

  /**
   * Opens a socket (a new one after `drop`, or to `url` when given: a restarted server), syncs both
   * ways and sends what was not acknowledged; resolves once synced.
   */
  async connect(url?: string): Promise<void> {
    if (url && url !== this.options.url) {
      this.drop();
      this.options.url = url;
    }
    await this.sync.connect(this.ws ? undefined : this.transport());
  }

  /** The editor's socket (opened by the constructor or `connect`), for other operations on it. */
  get socket(): WsClient | undefined {
    return this.ws;
  }

  /** Calls back with every update that arrives from the server (origin: not this editor); returns an unsubscribe function. */
  onRemote(listener: (update: Uint8Array) => void): () => void {
    const handler = (update: Uint8Array, origin: unknown) => {
      if (origin !== null && origin !== undefined) listener(update);
    };
    this.doc.on('update', handler);
    return () => this.doc.off('update', handler);
  }

  /** The connection is lost: the socket closes, edits stay queued until `connect`. */
  drop(): void {
    this.sync.disconnect();
    void this.ws?.dispose();
    this.ws = undefined;
  }

  /** Ends the editor: the sync stops and the socket closes. */
  close(): void {
    this.sync.destroy();
    void this.ws?.dispose();
    this.ws = undefined;
  }
}
