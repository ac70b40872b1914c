import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  launchBrowser,
  login,
  seriousAxeViolations,
  startServer,
  waitForLiveConnection,
  type Browser,
  type E2eServer,
} from './helpers.js';

// A database in a folder (not in memory), so that the session and the data survive the server's restart.
const dataDir = mkdtempSync(path.join(tmpdir(), 'yp-e2e-data-'));
let server: E2eServer;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startServer({ dataDir });
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signedIn(email: string, landing: string): Promise<Page> {
  const browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
  browsers.push(browser);
  await login(browser.page, server.url, email, undefined, landing);
  return browser.page;
}

/** HTTP requests to the API get no answer (the socket is not affected): a server restarting behind a proxy. */
const refuseApi = (page: Page) => page.route('**/graphql', (route) => route.abort('connectionrefused'));
const allowApi = (page: Page) => page.unroute('**/graphql');

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('a lost connection keeps what the page shows', () => {
  it('the meeting page keeps its agenda while the server cannot be reached and refreshes itself once it answers', async () => {
    const api = await apiAs(server.url, 'admin@demo.local');
    const { meetings } = await api<{ meetings: { id: string; title: string }[] }>('{ meetings { id title } }');
    const meeting = meetings.find((m) => m.title === 'Kuntakokous 2/2026')!;
    const page = await signedIn('hyvinvointialue@demo.local', `/meetings/${meeting.id}`);
    await h1(page).filter({ hasText: 'Kuntakokous 2/2026' }).waitFor();
    await page.getByRole('heading', { name: 'Esityslista' }).first().waitFor();

    // The server stops; when it is back the socket reconnects at once but its HTTP answers are not there yet.
    const port = Number(new URL(server.url).port);
    await server.stop();
    await page.locator('[data-connection="reconnecting"]').waitFor();
    await refuseApi(page);
    const refetchRefused = page.waitForEvent(
      'requestfailed',
      (r) => r.postData()?.includes('"operationName":"Meeting"') ?? false,
    );
    server = await startServer({ dataDir, port });
    await refetchRefused;

    // The views refetched on the reconnect and got no answer: the page stays, the header says it is reconnecting.
    await page.locator('[data-connection="reconnecting"]').waitFor();
    expect(await h1(page).allTextContents()).toEqual(['Kuntakokous 2/2026']);
    expect(await page.locator('[data-error-code]').count()).toBe(0);
    await page.getByRole('heading', { name: 'Esityslista' }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The server answers again: the page asks for the meeting by itself, and the header says connected.
    const refreshed = page.waitForResponse(
      (r) => r.request().postData()?.includes('"operationName":"Meeting"') === true && r.ok(),
    );
    await allowApi(page);
    await refreshed;
    await waitForLiveConnection(page);
    expect(await h1(page).allTextContents()).toEqual(['Kuntakokous 2/2026']);
  });

  it('every page keeps its data through a reconnect whose refetch gets no answer', async () => {
    const api = await apiAs(server.url, 'admin@demo.local');
    const ids = await api<{
      meetings: { id: string; status: string }[];
      serviceNeeds: { edges: { node: { id: string } }[] };
      cooperationBodies: { id: string }[];
      agreements: { id: string }[];
    }>('{ meetings { id status } serviceNeeds(first: 1) { edges { node { id } } } cooperationBodies { id } agreements { id } }');
    const live = ids.meetings.find((m) => m.status === 'IN_PROGRESS' || m.status === 'AGENDA_PUBLISHED')!;
    const pages = [
      `/meetings/${live.id}/room`,
      `/needs/${ids.serviceNeeds.edges[0]!.node.id}`,
      '/dashboard',
      `/cooperation/bodies/${ids.cooperationBodies[0]!.id}`,
      '/agreements',
      `/agreements/${ids.agreements[0]!.id}`,
      '/people',
      '/profile',
      '/notifications',
      '/meetings',
      '/',
    ];
    const page = await signedIn('admin@demo.local', '/');
    const { context } = browsers.at(-1)!;
    for (const address of pages) {
      await page.goto(`${server.url}${address}`);
      await waitForLiveConnection(page);
      await page.waitForFunction(() => !document.querySelector('main .yp-page-loading'));
      const heading = await h1(page).allTextContents();

      // A short loss of the network; when it is back the socket reconnects but HTTP requests get no answer.
      await context.setOffline(true);
      await page.locator('[data-connection="offline"]').waitFor();
      await refuseApi(page);
      const refetchRefused = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/graphql'));
      await context.setOffline(false);
      await refetchRefused;
      await page.locator('[data-connection="reconnecting"]').waitFor();
      expect({
        address,
        heading: await h1(page).allTextContents(),
        errors: await page.locator('main [data-error-code]').count(),
      }).toEqual({
        address,
        heading,
        errors: 0,
      });
      await allowApi(page);
      await waitForLiveConnection(page);
    }
  });
});
