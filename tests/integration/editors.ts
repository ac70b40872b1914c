import type * as Y from 'yjs';
import type { DocumentSync } from '../../client/src/features/documents/DocumentSync.js';
import { EditorClient } from './editor-client.js';
import type { TestServer } from './helpers.js';

/**
 * One simulated co-editor for convergence tests: an EditorClient (the client's own DocumentSync,
 * pushes and stream on one real WebSocket) whose socket can be dropped and re-opened. Subclasses
 * say how a person edits.
 */
export abstract class SimulatedEditor {
  readonly client: EditorClient;

  constructor(server: TestServer, token: string, documentId: string) {
    this.client = new EditorClient({ url: server.url, token, documentId });
  }

  get doc(): Y.Doc {
    return this.client.doc;
  }

  get sync(): DocumentSync {
    return this.client.sync;
  }

  /** One random edit. */
  abstract edit(random: () => number): void;

  get online(): boolean {
    return this.client.online;
  }

  async reconnect(): Promise<void> {
    this.client.drop();
    await this.client.connect();
  }

  drop(): void {
    this.client.drop();
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
