/**
 * HTTP load: `concurrency` clients each sending the next request as soon as
 * the last answered, for `seconds`; requests per second over the run. Every
 * answer is checked so that a fast error is never counted as a fast answer.
 */
export async function requestsPerSecond(
  send: () => Promise<Response>,
  check: (body: any) => boolean,
  { seconds, concurrency }: { seconds: number; concurrency: number },
): Promise<number> {
  // Warm-up: caches, JIT, pools.
  for (let i = 0; i < 5; i++) await expectOk(send, check);
  let done = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await expectOk(send, check);
        done++;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

async function expectOk(send: () => Promise<Response>, check: (body: any) => boolean): Promise<void> {
  const res = await send();
  const body = await res.json();
  if (!res.ok || body.errors || !check(body)) throw new Error(`bad answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
}

/** Requests sent again after the connection failed (printed with the table). */
export const retries = { count: 0 };

/**
 * POST a GraphQL request as JSON. A keep-alive connection the server closes
 * just as the client reuses it fails the request ("fetch failed", undici):
 * that one is sent again once, as a client would, and counted.
 */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Response> {
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  try {
    return await send();
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    retries.count++;
    return send();
  }
}

/** POST a GraphQL request and return its data, or throw with its errors. */
export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await postGraphql(url, query, variables, token);
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}
