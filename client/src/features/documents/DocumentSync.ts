import * as Y from 'yjs';

/** How a DocumentSync reaches the server; the app uses urql, tests use fetch and graphql-ws. */
export interface DocumentTransport {
  /** `pushDocumentUpdate`: resolves with the new version once the server has stored the update. */
  push(update: string): Promise<number>;
  /** `documentState`: everything the state vector lacks. */
  state(stateVector: string): Promise<string>;
  /** `documentUpdated`: calls back per update; returns a function that stops listening. */
  subscribe(onUpdate: (update: string) => void): () => void;
}

/** What a user interface shows about the sync. */
export interface SyncStatus {
  /** Updates typed here that the server has not acknowledged yet. */
  pending: number;
  online: boolean;
  /** The last push failed for a reason other than the connection (e.g. FORBIDDEN). */
  error?: unknown;
}

const REMOTE = Symbol('remote');

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Keeps a Y.Doc in step with the server without ever losing a keystroke:
 * local updates queue until the server acknowledges them (after commit) and
 * are re-sent after a reconnect; on every (re)connect it subscribes, then syncs
 * by state vector, then flushes the queue. Duplicates are harmless: Yjs
 * updates are idempotent.
 */
export class DocumentSync {
  private queue: Uint8Array[] = [];
  private flushing = false;
  private online = false;
  private unsubscribe: (() => void) | undefined;
  private error: unknown;
  private readonly listeners = new Set<(status: SyncStatus) => void>();

  constructor(
    readonly doc: Y.Doc,
    private transport: DocumentTransport,
  ) {
    doc.on('update', this.onLocalUpdate);
  }

  /** Connects (or reconnects after the transport came back): subscribe, sync by state vector, flush. */
  async connect(transport: DocumentTransport = this.transport): Promise<void> {
    this.transport = transport;
    this.unsubscribe?.();
    this.unsubscribe = transport.subscribe((update) => Y.applyUpdate(this.doc, fromBase64(update), REMOTE));
    const missing = await transport.state(toBase64(Y.encodeStateVector(this.doc)));
    Y.applyUpdate(this.doc, fromBase64(missing), REMOTE);
    this.online = true;
    this.emit();
    await this.flush();
  }

  /** The connection is gone: keep editing locally; the queue waits for `connect`. */
  disconnect(): void {
    this.online = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.emit();
  }

  /** Stops listening to the document. */
  destroy(): void {
    this.disconnect();
    this.doc.off('update', this.onLocalUpdate);
    this.listeners.clear();
  }

  status(): SyncStatus {
    return { pending: this.queue.length, online: this.online, error: this.error };
  }

  /** Calls back whenever the status changes; returns an unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every queued update is acknowledged (or the connection dropped). */
  async flush(): Promise<void> {
    if (this.flushing || !this.online) return;
    this.flushing = true;
    try {
      while (this.online && this.queue.length > 0) {
        // Send what piled up as one update: fewer round trips while typing fast.
        const batch = this.queue.length > 1 ? Y.mergeUpdates(this.queue) : this.queue[0]!;
        const count = this.queue.length;
        try {
          await this.transport.push(toBase64(batch));
        } catch (err) {
          this.error = err;
          this.emit();
          return;
        }
        this.error = undefined;
        this.queue.splice(0, count);
        this.emit();
      }
    } finally {
      this.flushing = false;
    }
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE) return;
    this.queue.push(update);
    this.emit();
    void this.flush();
  };

  private emit(): void {
    const status = this.status();
    for (const l of this.listeners) l(status);
  }
}
