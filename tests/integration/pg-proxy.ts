import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can take down and bring back: a database outage
 * for one test server without stopping the PostgreSQL that other test files share.
 */
export interface PgProxy {
  /** The connection string through the proxy. */
  url: string;
  /**
   * Drops every connection at once and refuses new ones until `up()`; with `only`, just the
   * connections whose `application_name` it accepts (e.g. the pools but not the LISTEN connection).
   */
  down(only?: (applicationName: string) => boolean): void;
  up(): void;
  /** Connections refused while down, by the `application_name` they announced. */
  refusals(applicationName: string): number;
  close(): Promise<void>;
}

/** The `application_name` of a PostgreSQL StartupMessage (length, protocol 3.0, then name\0value\0 pairs). */
function applicationNameOf(startup: Buffer): string {
  if (startup.length < 8 || startup.readInt32BE(4) !== 196_608) return '';
  const parts = startup.subarray(8, startup.readInt32BE(0)).toString('utf8').split('\0');
  const at = parts.indexOf('application_name');
  return at >= 0 ? (parts[at + 1] ?? '') : '';
}

export async function startPgProxy(databaseUrl: string): Promise<PgProxy> {
  const target = new URL(databaseUrl);
  /** Open connections: the client's socket, its upstream socket and the name it announced. */
  const open = new Set<{ client: net.Socket; upstream: net.Socket; name: string }>();
  const refused = new Map<string, number>();
  let isDown: ((applicationName: string) => boolean) | undefined;

  const server = net.createServer((client) => {
    client.on('error', () => client.destroy());
    // The startup message says who is connecting; refuse it as a stopped server would, or pass it on.
    client.once('data', (startup) => {
      const name = applicationNameOf(startup);
      if (isDown?.(name)) {
        refused.set(name, (refused.get(name) ?? 0) + 1);
        client.destroy();
        return;
      }
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      const entry = { client, upstream, name };
      const end = () => {
        client.destroy();
        upstream.destroy();
        open.delete(entry);
      };
      open.add(entry);
      client.on('close', end);
      upstream.on('error', end).on('close', end);
      upstream.write(startup);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);

  return {
    url: url.toString(),
    down(only = () => true) {
      isDown = only;
      for (const entry of open) {
        if (!only(entry.name)) continue;
        entry.client.destroy();
        entry.upstream.destroy();
        open.delete(entry);
      }
    },
    up() {
      isDown = undefined;
    },
    refusals: (applicationName) => refused.get(applicationName) ?? 0,
    async close() {
      for (const entry of open) {
        entry.client.destroy();
        entry.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
