import WebSocket from 'ws';

/**
 * A lean subscriber for load: one socket, one subscription, the
 * graphql-transport-ws protocol by hand (a full graphql-ws client per socket
 * would spend the bench's CPU on the client side), or the bare ws peer's
 * `{ subscribe }` protocol.
 */
export interface Subscriber {
  close(): void;
}

export interface SubscribeOptions {
  url: string;
  /** Sent as `authorization: Bearer` in connection_init. */
  token?: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Every `next` payload's data. */
  onData(data: any): void;
}

/**
 * Resolves once the socket is acknowledged and the subscription is sent;
 * rejects when the socket closes first (e.g. 4408, the server took longer
 * than graphql-ws's 3 s to answer connection_init).
 */
export function subscribeGraphqlWs(opts: SubscribeOptions): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(opts.url, 'graphql-transport-ws');
    ws.on('error', reject);
    ws.on('close', (code, reason) => reject(new Error(`socket closed ${code} ${String(reason)}`)));
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: opts.token ? { authorization: `Bearer ${opts.token}` } : {} })),
    );
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: opts.query, variables: opts.variables ?? {} } }));
        resolve({ close: () => ws.close() });
      } else if (msg.type === 'next') {
        if (msg.payload?.data) opts.onData(msg.payload.data);
      } else if (msg.type === 'ping') {
        ws.send(JSON.stringify({ type: 'pong' }));
      } else if (msg.type === 'error') {
        reject(new Error(`subscription refused: ${JSON.stringify(msg.payload)}`));
      }
    });
  });
}

/** The bare ws peer: `{ subscribe: id }`, acknowledged with `{ subscribed }`; frames are `{ data }`. */
export function subscribeBareWs(url: string, id: string, onData: (data: any) => void): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', reject);
    ws.on('close', (code) => reject(new Error(`socket closed ${code}`)));
    ws.on('open', () => ws.send(JSON.stringify({ subscribe: id })));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.subscribed) resolve({ close: () => ws.close() });
      else if (msg.data) onData(msg.data);
    });
  });
}

/** Sockets opened again after the server closed them during the handshake (printed with the table). */
export const reopened = { count: 0 };

/**
 * Opens `count` subscribers, `parallel` at a time (a burst of thousands of
 * handshakes at once only measures the backlog); one the server closes
 * during its handshake is opened again, up to 5 times, as a client reconnects.
 */
export async function openMany(count: number, open: (i: number) => Promise<Subscriber>, parallel = 20): Promise<Subscriber[]> {
  const out: Subscriber[] = [];
  const openRetrying = async (i: number): Promise<Subscriber> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await open(i);
      } catch (err) {
        if (attempt >= 5) throw err;
        reopened.count++;
      }
    }
  };
  for (let i = 0; i < count; i += parallel) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => openRetrying(i + j)))));
  }
  return out;
}

/** Resolves when `condition` holds, or rejects after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
