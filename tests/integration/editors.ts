import type { Client as WsClient } from 'graphql-ws';
import * as Y from 'yjs';
import { DocumentSync, type DocumentTransport } from '../../client/src/features/documents/DocumentSync.js';
import type { TestServer } from './helpers.js';

/**
 * One simulated co-editor for convergence tests: a Y.Doc kept in step by the
 * client's own DocumentSync over real HTTP and WebSocket, with a socket that
 * can be dropped and re-opened. Subclasses say how a person edits.
 */
export abstract class SimulatedEditor {
  readonly doc = new Y.Doc();
  readonly sync: DocumentSync;
  private ws: WsClient | undefined;

  constructor(
    private readonly server: TestServer,
    private readonly token: string,
    private readonly documentId: string,
  ) {
    this.sync = new DocumentSync(this.doc, this.transport());
  }

  /** One random edit. */
  abstract edit(random: () => number): void;

  private transport(): DocumentTransport {
    const ws = (this.ws = this.server.ws(this.token));
    const call = async (query: string, variables: Record<string, unknown>) => {
      const r = await this.server.gql(query, variables, { token: this.token });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    return {
      push: async (update) =>
        (await call('mutation ($d: ID!, $u: String!) { pushDocumentUpdate(documentId: $d, update: $u) }', { d: this.documentId, u: update }))
          .pushDocumentUpdate,
      state: async (sv) =>
        (await call('query ($d: ID!, $sv: String) { documentState(id: $d, stateVector: $sv) }', { d: this.documentId, sv })).documentState,
      subscribe: (sv, onUpdate) =>
        ws.subscribe<{ documentUpdated: { update: string } }>(
          {
            query: 'subscription ($d: ID!, $sv: String) { documentUpdated(documentId: $d, stateVector: $sv) { update } }',
            variables: { d: this.documentId, sv },
          },
          { next: (m) => m.data && onUpdate(m.data.documentUpdated.update), error: () => {}, complete: () => {} },
        ),
    };
  }

  get online(): boolean {
    return this.sync.status().online;
  }

  async reconnect(): Promise<void> {
    await this.sync.connect(this.transport());
  }

  drop(): void {
    this.sync.disconnect();
    void this.ws?.dispose();
  }
}

/** A seeded generator so a failing run can be replayed (CONVERGENCE_SEED). */
export function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
