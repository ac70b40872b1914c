import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { apiAs, launchBrowser, login, startServer, type Browser, type E2eServer } from './helpers.js';

// A database in a folder (not in memory), so that sessions and data survive the restart.
const dataDir = mkdtempSync(path.join(tmpdir(), 'yp-e2e-data-'));
let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ dataDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const rowOf = (page: Page, name: string) => page.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });

/** Sets a party's sub-region through the API, as another user's client would. */
async function setSubRegion(baseUrl: string, name: string, subRegion: string): Promise<void> {
  const gql = await apiAs(baseUrl, 'admin@demo.local');
  const { parties } = await gql<{ parties: { id: string; version: number; names: { fi: string } }[] }>(
    '{ parties { id version names { fi } } }',
  );
  const party = parties.find((p) => p.names.fi === name);
  if (!party) throw new Error(`no party ${name}`);
  await gql(
    'mutation($id: ID!, $v: Int!, $input: UpdatePartyInput!) { updateParty(id: $id, expectedVersion: $v, input: $input) { id } }',
    {
      id: party.id,
      v: party.version,
      input: { subRegion },
    },
  );
}

describe('the live connection recovers', () => {
  it('a change made while the browser was offline is shown once it is back online', async () => {
    const { page, context } = browser;
    await login(page, server.url, 'jyvaskyla@demo.local');

    await context.setOffline(true);
    await page.locator('[data-connection="offline"]').getByText('Ei verkkoyhteyttä').waitFor();
    await setSubRegion(server.url, 'Multia', 'Keuruu (offline)');
    await context.setOffline(false);

    // No event reached the page while it was offline: the list is fetched again on reconnect.
    await page.locator('[data-connection="connected"]').waitFor();
    await rowOf(page, 'Multia').getByText('Keuruu (offline)').waitFor();
  });

  it('after a server restart the page reconnects by itself and live updates arrive again', async () => {
    const { page } = browser;
    const port = Number(new URL(server.url).port);
    await server.stop();
    await page.locator('[data-connection="reconnecting"]').waitFor();

    server = await startServer({ dataDir, port });
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 40_000 });
    await setSubRegion(server.url, 'Multia', 'Keuruu (restarted)');
    await rowOf(page, 'Multia').getByText('Keuruu (restarted)').waitFor();
  });
});
