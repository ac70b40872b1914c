import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as factory from './factories.js';
import { startDemo, unique } from './helpers.js';

/**
 * Files over plain HTTP with a READ API token (`Authorization: Bearer <api token>`): the contract's
 * bearer is a session or an API token, and a file is read with the right to read its record. Each
 * token download is logged as a disclosure, as its GraphQL read is.
 */
const api: Record<string, { token: string; id: string }> = {};

const demo = startDemo({ users: ['jyvaskyla', 'laukaa', 'analyst'] });
beforeAll(async () => {
  for (const who of ['admin', 'jyvaskyla', 'laukaa', 'analyst'] as const) {
    const created = await demo.server.gql(
      'mutation ($n: String!) { createApiToken(name: $n, scopes: [READ]) { token apiToken { id } } }',
      { n: unique(`downloads-${who}`) },
      { token: demo.token[who] },
    );
    api[who] = { token: created.data!.createApiToken.token, id: created.data!.createApiToken.apiToken.id };
  }
});

const get = (path: string, bearer?: string) =>
  fetch(`${demo.server.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

/** The disclosure records of one token, as the secretariat reads them. */
async function disclosures(tokenId: string) {
  const r = await demo.server.gql(
    'query ($t: ID) { disclosures(apiTokenId: $t, first: 50) { edges { node { operationType rootFields query outcome } } } }',
    { t: tokenId },
    { token: demo.token.admin },
  );
  return r.data!.disclosures.edges.map((e: { node: unknown }) => e.node);
}

/** The error body without its request id (the one thing two refusals may differ in). */
const refusal = async (res: Response) => {
  const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  return body.errors.map(({ message, extensions: { requestId: _r, ...extensions } }) => ({ message, extensions }));
};

describe('attachments with a READ API token', () => {
  it('downloads what the token’s user may read, refuses the rest as unknown, and logs each download', async () => {
    const jkl = (await factory.region(demo.server)).party('179');
    const need = await factory.makeNeed(demo.server, demo.token.admin!, {
      title: unique('Tokenin liite'),
      municipalityIds: [jkl],
    });
    const form = new FormData();
    form.set('targetType', 'SERVICE_NEED');
    form.set('targetId', need.id);
    form.set('file', new Blob(['Jyväskylän liite\n']), 'liite.txt');
    const up = await fetch(`${demo.server.url}/attachments`, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', authorization: `Bearer ${demo.token.admin}` },
      body: form,
    });
    expect(up.status).toBe(201);
    const { attachment } = (await up.json()) as { attachment: { id: string; downloadUrl: string } };

    // What GraphQL shows the token, the URL gives it: its user's own reading rights, admin's and Jyväskylä's.
    const listed = await demo.server.gql(
      'query ($id: ID!) { serviceNeed(id: $id) { attachments { downloadUrl } } }',
      { id: need.id },
      { token: api.jyvaskyla!.token },
    );
    expect(listed.data!.serviceNeed.attachments).toEqual([{ downloadUrl: attachment.downloadUrl }]);
    for (const who of ['jyvaskyla', 'admin']) {
      const res = await get(attachment.downloadUrl, api[who]!.token);
      expect(res.status, who).toBe(200);
      expect(await res.text()).toBe('Jyväskylän liite\n');
    }

    // Laukaa may not read the need: the same answer as for an attachment that does not exist.
    const hidden = await get(attachment.downloadUrl, api.laukaa!.token);
    const unknown = await get('/attachments/00000000-0000-4000-8000-000000000000', api.laukaa!.token);
    expect([hidden.status, unknown.status]).toEqual([404, 404]);
    expect(await refusal(hidden)).toEqual(await refusal(unknown));

    expect(await disclosures(api.jyvaskyla!.id)).toContainEqual({
      operationType: 'download',
      rootFields: ['download.attachment'],
      query: attachment.downloadUrl,
      outcome: 'ok',
    });
    expect(await disclosures(api.laukaa!.id)).toContainEqual({
      operationType: 'download',
      rootFields: ['download.attachment'],
      query: attachment.downloadUrl,
      outcome: 'NOT_FOUND',
    });
  });
});

describe('HEAD of an attachment with a READ API token', () => {
  it('is logged as a HEAD, not as a GET download of its content', async () => {
    const jkl = (await factory.region(demo.server)).party('179');
    const need = await factory.makeNeed(demo.server, demo.token.admin!, { title: unique('HEAD-liite'), municipalityIds: [jkl] });
    const form = new FormData();
    form.set('targetType', 'SERVICE_NEED');
    form.set('targetId', need.id);
    form.set('file', new Blob(['otsakkeet\n']), 'otsakkeet.txt');
    const up = await fetch(`${demo.server.url}/attachments`, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', authorization: `Bearer ${demo.token.admin}` },
      body: form,
    });
    const { attachment } = (await up.json()) as { attachment: { downloadUrl: string } };
    const res = await fetch(`${demo.server.url}${attachment.downloadUrl}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${api.jyvaskyla!.token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const r = await demo.server.gql(
      'query ($t: ID) { disclosures(apiTokenId: $t, first: 50) { edges { node { operationName query outcome } } } }',
      { t: api.jyvaskyla!.id },
      { token: demo.token.admin },
    );
    const records = r
      .data!.disclosures.edges.map((e: { node: { operationName: string; query: string; outcome: string } }) => e.node)
      .filter((n: { query: string }) => n.query === attachment.downloadUrl);
    expect(records).toEqual([{ operationName: `HEAD ${attachment.downloadUrl}`, query: attachment.downloadUrl, outcome: 'ok' }]);
  });
});

describe('the goal report PDF with a READ API token', () => {
  it('is the token user’s to read, and logged as a disclosure', async () => {
    const agreements = await demo.server.gql('{ agreements { id goals { id } } }', {}, { token: demo.token.admin });
    const agreement = agreements.data!.agreements.find((a: { goals: unknown[] }) => a.goals.length > 0);
    expect(agreement).toBeDefined();
    const path = `/agreements/${agreement.id}/goals/${agreement.goals[0].id}/report.pdf?year=2024&lang=en`;
    const res = await get(path, api.analyst!.token);
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(await disclosures(api.analyst!.id)).toContainEqual({
      operationType: 'download',
      rootFields: ['download.goalReport'],
      query: path,
      outcome: 'ok',
    });
  });

  it('is logged before it leaves: not sent when its disclosure cannot be written, and not logged a second time', async () => {
    const agreements = await demo.server.gql('{ agreements { id goals { id } } }', {}, { token: demo.token.admin });
    const agreement = agreements.data!.agreements.find((a: { goals: unknown[] }) => a.goals.length > 0);
    const path = `/agreements/${agreement.id}/goals/${agreement.goals[0].id}/report.pdf?year=2024&lang=fi`;
    // API tokens read through their own services on PostgreSQL (the analytics pool); on PGlite they are the same.
    const record = vi
      .spyOn(demo.server.app.internals.tokenServices.analytics, 'recordDisclosure')
      .mockRejectedValueOnce(new Error('disclosure log unavailable'));
    try {
      const res = await get(path, api.analyst!.token);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await refusal(res))[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(record).toHaveBeenCalledTimes(1);
    } finally {
      record.mockRestore();
    }
  });
});
