import * as Y from 'yjs';
import { fromBase64, toBase64 } from './base64';

/** How a DocumentSync reaches the server; the app uses urql over its WebSocket, Node clients graphql-ws. */
export interface DocumentTransport {
  /**
   * `pushDocumentUpdate(documentId, update, clientId)`, sent on the WebSocket: resolves with the
   * document's version once the server has stored the update (its batch committed).
   */
  push(update: string, clientId: string): Promise<number>;
  /** `documentState`: everything the state vector lacks. */
  state(stateVector: string): Promise<string>;
  /**
   * `documentUpdated(documentId, stateVector, clientId)`: the first update is what the state
   * vector lacks (with the server's state vector), then every update other editors make; returns
   * a function that stops listening. `onEnd` is called when the server ends the stream or it
   * fails (with the error) while the connection stays up.
   */
  subscribe(
    stateVector: string,
    clientId: string,
    onUpdate: (update: string, serverStateVector?: string | null) => void,
    onEnd?: (error?: unknown) => void,
  ): () => void;
}

/** What a user interface shows about the sync. */
export interface SyncStatus {
  /** Updates typed here that the server has not acknowledged yet. */
  pending: number;
  online: boolean;
  /** The last push failed for a reason other than the connection (e.g. FORBIDDEN). */
  error?: unknown;
}

/** Options of a DocumentSync. */
export interface DocumentSyncOptions {
  /** Keystrokes within this many milliseconds of the last send go out together as one update; default 30. */
  batchMs?: number;
}

const REMOTE = Symbol('remote');
/** An update that holds nothing (no structs, no deletions): `[0, 0]`. */
const EMPTY_UPDATE_LENGTH = 2;

/** Local updates not yet acknowledged: `count` keystrokes merged into `update`, sent or waiting to be. */
interface Unacknowledged {
  update: Uint8Array;
  count: number;
  sent: boolean;
}

/**
 * Keeps a Y.Doc in step with the server without ever losing a keystroke: local updates are sent
 * at once (those within `batchMs` of the last send together), several may be in flight, and each
 * stays queued until the server acknowledges it (after its batch commits); whatever is not
 * acknowledged is sent again after a reconnect. On every (re)connect it subscribes with its state
 * vector, applies what it lacks, and sends what the server lacks (edits relayed to it that the
 * server lost in a crash). Duplicates are harmless: Yjs updates are idempotent and the server
 * does not count them twice.
 */
export class DocumentSync {
  /** This sync's id on the wire (`clientId`): the server does not send our own updates back. */
  readonly clientId: string;
  private queue: Unacknowledged[] = [];
  private online = false;
  private unsubscribe: (() => void) | undefined;
  private error: unknown;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private retryDelay = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private resubscribeDelay = 0;
  private resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  private batchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSentAt = -Infinity;
  private readonly batchMs: number;
  /** Bumped on every (re)connect and disconnect: answers of an older connection do not count as failures now. */
  private generation = 0;

  constructor(
    readonly doc: Y.Doc,
    private transport: DocumentTransport,
    options: DocumentSyncOptions = {},
  ) {
    this.batchMs = options.batchMs ?? 30;
    this.clientId = `${doc.clientID.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    doc.on('update', this.onLocalUpdate);
  }

  /**
   * Connects (or reconnects after the transport came back): syncs by state vector both ways,
   * streams, then sends what waited. The sync arrives through the subscription itself, so no
   * update falls between the two. A stream that the server ends or that fails while the
   * connection stays is opened again the same way, after a pause that grows to 10 s.
   */
  async connect(transport: DocumentTransport = this.transport): Promise<void> {
    this.transport = transport;
    this.unsubscribe?.();
    clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = undefined;
    const generation = ++this.generation;
    let settle: (streaming: boolean) => void = () => {};
    const firstUpdate = new Promise<boolean>((resolve) => (settle = resolve));
    this.unsubscribe = transport.subscribe(
      toBase64(Y.encodeStateVector(this.doc)),
      this.clientId,
      (update, serverStateVector) => {
        Y.applyUpdate(this.doc, fromBase64(update), REMOTE);
        if (serverStateVector) this.sendWhatServerLacks(fromBase64(serverStateVector));
        settle(true);
      },
      () => {
        settle(false);
        if (generation === this.generation) this.streamEnded();
      },
    );
    if (!(await firstUpdate) || generation !== this.generation) return;
    this.resubscribeDelay = 0;
    this.online = true;
    // Whatever was sent on the old connection and not answered goes again (the server drops duplicates).
    for (const entry of this.queue) entry.sent = false;
    // So a failure there says nothing about this connection: pushes in flight when a socket closes fail
    // before the sync hears that the connection is gone, and that stale error would end flush() at once.
    this.error = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryDelay = 0;
    this.emit();
    this.send();
  }

  /** The connection is gone: keep editing locally; the queue waits for `connect`. */
  disconnect(): void {
    this.generation++;
    this.online = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = undefined;
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
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
    return { pending: this.queue.reduce((n, e) => n + e.count, 0), online: this.online, error: this.error };
  }

  /** Calls back whenever the status changes; returns an unsubscribe function. */
  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what waits now and resolves once every queued update is acknowledged (or the connection dropped, or a push failed). */
  async flush(): Promise<void> {
    this.send(true);
    while (this.online && this.queue.length > 0 && !this.error) {
      await new Promise<void>((resolve) => {
        const off = this.onStatus(() => {
          off();
          resolve();
        });
      });
    }
  }

  /** On connect: the server lacks what we hold beyond its state vector (e.g. edits relayed to us and lost in its crash). */
  private sendWhatServerLacks(serverStateVector: Uint8Array): void {
    const missing = Y.encodeStateAsUpdate(this.doc, serverStateVector);
    if (missing.length <= EMPTY_UPDATE_LENGTH) return;
    this.queue.push({ update: missing, count: 0, sent: false });
  }

  /** Sends the waiting updates as one, unless the last send was under `batchMs` ago (then at that time). */
  private send(now = false): void {
    if (!this.online) return;
    const waiting = this.queue.filter((e) => !e.sent);
    if (waiting.length === 0) return;
    const wait = this.lastSentAt + this.batchMs - performance.now();
    if (!now && wait > 0) {
      this.batchTimer ??= setTimeout(() => {
        this.batchTimer = undefined;
        this.send();
      }, wait);
      return;
    }
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.lastSentAt = performance.now();
    const entry: Unacknowledged =
      waiting.length === 1
        ? waiting[0]!
        : { update: Y.mergeUpdates(waiting.map((e) => e.update)), count: waiting.reduce((n, e) => n + e.count, 0), sent: false };
    if (waiting.length > 1) this.queue = [...this.queue.filter((e) => e.sent), entry];
    entry.sent = true;
    const generation = this.generation;
    this.transport.push(toBase64(entry.update), this.clientId).then(
      () => {
        this.queue = this.queue.filter((e) => e !== entry);
        this.retryDelay = 0;
        this.error = undefined;
        this.emit();
      },
      (err: unknown) => {
        // A connection that ended: connect() sends it again (and may have already: then it is in flight anew).
        if (generation !== this.generation) return;
        entry.sent = false;
        // Otherwise (rate limit, a passing failure) try again later.
        if (!this.online) return this.emit();
        this.error = err;
        this.emit();
        this.scheduleRetry();
      },
    );
  }

  /**
   * The stream ended while the connection stays (the server closed it, or it failed): edits wait
   * in the queue, as offline, and the stream is opened again (sync by state vector, then resend).
   * Not an error to show: nothing typed is lost, and a connection that is really gone is the
   * session's to report.
   */
  private streamEnded(): void {
    this.generation++;
    this.online = false;
    this.unsubscribe = undefined;
    this.emit();
    this.resubscribeDelay = Math.min(10_000, this.resubscribeDelay ? this.resubscribeDelay * 2 : 500);
    this.resubscribeTimer = setTimeout(() => {
      this.resubscribeTimer = undefined;
      void this.connect();
    }, this.resubscribeDelay);
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryDelay = Math.min(10_000, this.retryDelay ? this.retryDelay * 2 : 500);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.send(true);
    }, this.retryDelay);
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE) return;
    this.queue.push({ update, count: 1, sent: false });
    this.emit();
    this.send();
  };

  private emit(): void {
    const status = this.status();
    for (const l of this.listeners) l(status);
  }
}
