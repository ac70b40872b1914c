import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can take down and bring back: a database outage
 * for one test server without stopping the PostgreSQL that other test files share.
 */
export interface PgProxy {
  /** The connection string through the proxy. */
  url: string;
  /** Drops every connection at once and refuses new ones until `up()`. */
  down(): void;
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
  const open = new Set<net.Socket>();
  const refused = new Map<string, number>();
  let isDown = false;

  const server = net.createServer((client) => {
    if (isDown) {
      // Read the startup message to know who knocked, then hang up as a stopped server would.
      client.once('data', (chunk) => {
        const name = applicationNameOf(chunk);
        refused.set(name, (refused.get(name) ?? 0) + 1);
        client.destroy();
      });
      client.on('error', () => client.destroy());
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    open.add(client);
    open.add(upstream);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);

  return {
    url: url.toString(),
    down() {
      isDown = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    up() {
      isDown = false;
    },
    refusals: (applicationName) => refused.get(applicationName) ?? 0,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
