import * as Y from 'yjs';

/** How a DocumentSync reaches the server; the app uses urql, tests use fetch and graphql-ws. */
export interface DocumentTransport {
  /** `pushDocumentUpdate`: resolves with the new version once the server has stored the update. */
  push(update: string): Promise<number>;
  /** `documentState`: everything the state vector lacks. */
  state(stateVector: string): Promise<string>;
  /**
   * `documentUpdated(documentId, stateVector)`: the first update is what the
   * state vector lacks, then every committed update; returns a function that
   * stops listening.
   */
  subscribe(stateVector: string, onUpdate: (update: string) => void): () => void;
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
  private retryDelay = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly doc: Y.Doc,
    private transport: DocumentTransport,
  ) {
    doc.on('update', this.onLocalUpdate);
  }

  /**
   * Connects (or reconnects after the transport came back): syncs by state
   * vector, streams, then flushes what was typed meanwhile. The sync arrives
   * through the subscription itself, so no update falls between the two.
   */
  async connect(transport: DocumentTransport = this.transport): Promise<void> {
    this.transport = transport;
    this.unsubscribe?.();
    let synced: () => void = () => {};
    const firstUpdate = new Promise<void>((resolve) => (synced = resolve));
    this.unsubscribe = transport.subscribe(toBase64(Y.encodeStateVector(this.doc)), (update) => {
      Y.applyUpdate(this.doc, fromBase64(update), REMOTE);
      synced();
    });
    await firstUpdate;
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
    clearTimeout(this.retryTimer);
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
          // Keep the queue and try again later (rate limit, a passing failure); a reconnect also flushes.
          this.error = err;
          this.emit();
          this.scheduleRetry();
          return;
        }
        this.retryDelay = 0;
        this.error = undefined;
        this.queue.splice(0, count);
        this.emit();
      }
    } finally {
      this.flushing = false;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryDelay = Math.min(10_000, this.retryDelay ? this.retryDelay * 2 : 500);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, this.retryDelay);
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
