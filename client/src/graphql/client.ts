import { cacheExchange } from '@urql/exchange-graphcache';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, fetchExchange, mapExchange, subscriptionExchange, type Operation } from 'urql';
import { cooperationMutationUpdates, cooperationSubscriptionUpdates } from '../features/cooperation/cooperation.cache';
import {
  notificationMutationUpdates,
  notificationResolvers,
  notificationSubscriptionUpdates,
} from '../features/notifications/notifications.cache';
import { goalsMutationUpdates, goalsSubscriptionUpdates } from '../features/goals/goals.cache';
import { needsMutationUpdates, needsSubscriptionUpdates } from '../features/needs/needs.cache';
import type { ConnectionEvent } from './connectionState';
import { keys } from './cacheKeys';
import { toApiError } from './errors';
import { keepDataExchange } from './keepData';
import type { PartiesChangedSubscription } from './generated/graphql';
import { versionGuardExchange } from './versionGuard';

/** How often the socket pings the server; a missing pong means the socket is dead. */
const keepAliveMs = 10_000;
/** How long to wait for a pong before dropping the socket and reconnecting. */
const pongTimeoutMs = 5_000;
/** Mutations sent on the WebSocket instead of HTTP: the co-editing push, many per minute per editor. */
const ON_SOCKET = new Set(['PushDocumentUpdate']);
/** The longest wait between reconnect attempts, so a restarted server is found quickly. */
const maxRetryDelayMs = 15_000;

/** One signed-in (or anonymous) session: an urql client and, once wanted, its WebSocket. */
export interface Session {
  /** The urql client; a new session gets a new one, so no cached data outlives a login or logout. */
  readonly client: Client;
  /** Opens the live connection (idempotent); the socket authenticates with the session cookie. */
  connect(): void;
  /** Closes the live connection and reports `reset`. */
  disconnect(): void;
  /** Listens to connection events; returns the unsubscribe function. */
  listen(listener: (event: ConnectionEvent) => void): () => void;
}

/** Hooks from the app into a session. */
export interface SessionOptions {
  /** An operation answered UNAUTHENTICATED, or the socket was refused: the session has ended. */
  onUnauthenticated: () => void;
}

const operationName = (operation: Operation): string | undefined => {
  for (const definition of operation.query.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
};

/** Waits with capped exponential backoff and jitter, or until the browser says it is back online. */
function retryWait(retries: number): Promise<void> {
  const base = Math.min(maxRetryDelayMs, 1000 * 2 ** retries);
  const delay = base / 2 + Math.random() * (base / 2);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    window.addEventListener('online', done);
  });
}

const webSocketUrl = (): string => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** Builds the graphcache exchange: the keys, and the domains' updaters for what merging by key cannot do. */
function createCache() {
  return cacheExchange({
    keys,
    resolvers: { ...notificationResolvers },
    updates: {
      // Creating mutations need an updater, or graphcache wipes every entity of the type (see cooperation.cache.ts).
      Mutation: {
        ...cooperationMutationUpdates,
        ...notificationMutationUpdates,
        ...goalsMutationUpdates,
        ...needsMutationUpdates,
        // A deleted file leaves every list that held it.
        deleteAttachment(result, _args, cache) {
          const id = (result as { deleteAttachment?: { id: string } | null }).deleteAttachment?.id;
          if (id) cache.invalidate({ __typename: 'Attachment', id });
        },
      },
      Subscription: {
        ...cooperationSubscriptionUpdates,
        ...notificationSubscriptionUpdates,
        ...needsSubscriptionUpdates,
        ...goalsSubscriptionUpdates,
        partyChanged(result, _args, cache) {
          // An update merges by id on its own; only membership of lists needs help.
          const event = (result as PartiesChangedSubscription).partyChanged;
          if (event.kind === 'DELETED') {
            cache.invalidate({ __typename: 'Party', id: event.party.id });
          } else if (event.kind === 'CREATED') {
            for (const field of cache.inspectFields('Query')) {
              if (field.fieldName === 'parties') cache.invalidate('Query', field.fieldName, field.arguments);
            }
          }
        },
      },
    },
  });
}

/** The UI language as the page declares it (<html lang>, set by the language menu); Finnish by default. */
function uiLanguage(): string {
  return document.documentElement.lang || 'fi';
}

/** Creates a session: call once at start and again after login and logout. */
export function createSession(options: SessionOptions): Session {
  const listeners = new Set<(event: ConnectionEvent) => void>();
  const emit = (event: ConnectionEvent) => listeners.forEach((listener) => listener(event));
  let ws: WsClient | undefined;

  // graphql-ws emits `connecting` from inside createClient (lazy: false), before
  // `ws` is assigned, so each socket checks its own flag rather than `ws === socket`.
  let current = { active: false };

  function openSocket(): WsClient {
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    const self = { active: true };
    current = self;
    window.addEventListener('offline', onOffline);
    const socket: WsClient = createWsClient({
      url: webSocketUrl,
      connectionParams: () => ({ locale: uiLanguage() }),
      // Connect now and stay connected, so the indicator tells the truth even on pages without a subscription.
      lazy: false,
      keepAlive: keepAliveMs,
      retryAttempts: Infinity,
      // Retry every close (server restarts answer 1001/1006/1012) except a refused login, which no retry fixes.
      shouldRetry: (closeEvent) => !(isCloseEvent(closeEvent) && (closeEvent.code === 4401 || closeEvent.code === 4403)),
      retryWait,
      onNonLazyError: (error) => {
        if (!self.active) return;
        if (isCloseEvent(error) && (error.code === 4401 || error.code === 4403)) options.onUnauthenticated();
        else console.error('Live connection gave up', error);
      },
      on: {
        connecting: (isRetry) => self.active && emit({ type: 'connecting', isRetry }),
        connected: () => self.active && emit({ type: 'connected' }),
        closed: () => {
          clearTimeout(pongTimer);
          if (self.active) emit({ type: 'closed' });
        },
        ping: (received) => {
          if (received) return;
          // A half-open socket (laptop sleep, Wi-Fi change) never closes by itself: no pong, drop it.
          // https://the-guild.dev/graphql/ws/recipes#client-usage-with-ping-pong-timeout
          pongTimer = setTimeout(() => socket.terminate(), pongTimeoutMs);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
      },
    });
    return socket;
  }

  // HTTP requests got no answer (the server stopped or restarting, maybe with the socket still up): the views keep
  // their data (keepDataExchange) and the indicator says reconnecting; the server is asked, with backoff, until it
  // answers, and then the views refetch (connectionState `recoveries`).
  let probing = false;
  let disposed = false;
  async function probeUntilReachable(): Promise<void> {
    if (probing) return;
    probing = true;
    for (let attempt = 0; !disposed; attempt++) {
      await retryWait(attempt);
      if (disposed) break;
      const answered = await fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        // The smallest query, anonymous: the bundle holds no operation's source text (tests/e2e/bundle.test.ts).
        body: JSON.stringify({ query: '{ __typename }' }),
      }).then(
        () => true,
        () => false,
      );
      if (answered && !disposed) {
        emit({ type: 'reachable' });
        break;
      }
    }
    probing = false;
  }
  const reachability = mapExchange({
    onResult(result) {
      if (toApiError(result.error)?.code === 'NETWORK') {
        emit({ type: 'unreachable' });
        void probeUntilReachable();
      } else emit({ type: 'reachable' });
    },
  });

  // Offline: drop the socket at once instead of waiting for the pong timeout.
  const onOffline = () => ws?.terminate();
  const ensureSocket = (): WsClient => (ws ??= openSocket());

  const client = new Client({
    url: '/graphql',
    // Apollo's CSRF prevention refuses GET; POST with a JSON body passes it.
    preferGetMethod: false,
    // Names the API localises (themes, bodies, labels) follow the UI language, not the browser's.
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'accept-language': uiLanguage() } }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      // Above all: views keep their data through a failed refetch (data with a stale error).
      keepDataExchange,
      mapExchange({
        onResult(result) {
          const error = toApiError(result.error);
          // Login answers UNAUTHENTICATED for wrong credentials; that is not a session that ended.
          if (error?.code === 'UNAUTHENTICATED' && operationName(result.operation) !== 'Login') options.onUnauthenticated();
        },
      }),
      createCache(),
      // Below the cache, so it sees every answer before graphcache writes it.
      versionGuardExchange(keys),
      subscriptionExchange({
        // Co-editing keystrokes go on the socket the editor already has, never an HTTP round trip each (ADR 0011).
        isSubscriptionOperation: (operation) =>
          operation.kind === 'subscription' || (operation.kind === 'mutation' && ON_SOCKET.has(operationName(operation) ?? '')),
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ensureSocket().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
      // Sees only HTTP answers (and their absence): whether the server can be reached.
      reachability,
      fetchExchange,
    ],
  });

  return {
    client,
    connect() {
      disposed = false;
      ensureSocket();
    },
    disconnect() {
      disposed = true;
      const socket = ws;
      ws = undefined;
      current.active = false;
      window.removeEventListener('offline', onOffline);
      if (socket) void socket.dispose();
      emit({ type: 'reset', online: navigator.onLine });
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}
