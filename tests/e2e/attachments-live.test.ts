import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

// A need's files on its page follow the rule the download follows: every reader of the need sees the list (the add
// form only those who edit it), and the list, the form and the history's lines change live, as comments do.

const suite = e2eSuite();
const files = mkdtempSync(path.join(tmpdir(), 'yp-e2e-live-files-'));
const fileOf = (name: string, content: string) => {
  const p = path.join(files, name);
  writeFileSync(p, content);
  return p;
};

describe('a need’s attachments', () => {
  it('show to every reader, and the list, the add form and the history follow uploads, deletions and a new lead live', async () => {
    const api = await apiAs(suite.server.url, 'admin@demo.local');
    const { parties } = await api<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
    const party = (code: string) => parties.find((p) => p.code === code)!.id;
    const { createServiceNeed: need } = await api<{ createServiceNeed: { id: string } }>(
      'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
      {
        input: {
          title: 'Liitteiden näkyvyys',
          targetGroups: ['YOUTH'],
          themeCodes: ['YOUTH'],
          municipalityIds: [party('179')],
          partyIds: [party('15')],
        },
      },
    );
    const landing = `/needs/${need.id}`;

    // Jyväskylä reads the need but does not edit it: the list shows (none yet) on a phone, without the form.
    const reader = await suite.signedIn('jyvaskyla@demo.local', { landing, viewport: { width: 390, height: 844 } });
    const readerPanel = reader.getByTestId('attachments');
    await readerPanel.getByRole('heading', { name: 'Liitteet' }).waitFor();
    await readerPanel.getByText('Ei liitteitä.').waitFor();
    expect(await readerPanel.locator('input[type="file"]').count()).toBe(0);
    expect(await seriousAxeViolations(reader)).toEqual([]);

    // The county is concerned, not yet the lead: it reads the list too; named the lead, its page offers the form.
    const county = await suite.signedIn('hyvinvointialue@demo.local', { landing });
    const countyPanel = county.getByTestId('attachments');
    await countyPanel.getByRole('heading', { name: 'Liitteet' }).waitFor();
    expect(await countyPanel.getByRole('button', { name: 'Lisää liite' }).count()).toBe(0);
    await api('mutation ($n: ID!, $p: ID!) { setResponsibility(needId: $n, partyId: $p, role: LEAD) { id } }', {
      n: need.id,
      p: party('15'),
    });
    await countyPanel.getByRole('button', { name: 'Lisää liite' }).waitFor();

    const admin = await suite.signedIn('admin@demo.local', { landing });
    await admin.getByTestId('attachments').getByText('Ei liitteitä.').waitFor();

    await countyPanel.getByLabel('Valitse tiedosto').setInputFiles(fileOf('Liite toinen.txt', 'Toinen liite\n'));
    await countyPanel.getByRole('button', { name: 'Lisää liite' }).click();
    await countyPanel.getByTestId('attachments-status').getByText('Liite Liite toinen.txt lisättiin.').waitFor();

    // The others' open pages show the file and the history's line without a reload.
    await admin.getByTestId('attachments').getByRole('link', { name: 'Liite toinen.txt' }).waitFor();
    const link = readerPanel.getByRole('link', { name: 'Liite toinen.txt' });
    await link.waitFor();
    const added = reader.locator('[data-testid=history] li.yp-timeline__item--attachment-added');
    await added.getByText('Liite lisättiin').waitFor();
    expect(await added.getByTestId('history-attachment').innerText()).toBe('Liite toinen.txt');
    // What the page lists, the reader downloads.
    const response = await reader.request.get(`${suite.server.url}${await link.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe('Toinen liite\n');

    await countyPanel.getByRole('button', { name: 'Poista liite Liite toinen.txt' }).click();
    // The delete asks first.
    await countyPanel.getByTestId('attachment-delete-confirm').getByRole('button', { name: 'Poista liite' }).click();
    await countyPanel.getByTestId('attachments-status').getByText('Liite Liite toinen.txt poistettiin.').waitFor();
    await readerPanel.getByText('Ei liitteitä.').waitFor();
    const deleted = reader.locator('[data-testid=history] li.yp-timeline__item--attachment-deleted');
    expect(await deleted.getByTestId('history-attachment').innerText()).toBe('Liite toinen.txt');

    // The history's words are the page's language.
    await admin.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await admin.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await admin.locator('[data-testid=history] li.yp-timeline__item--attachment-added').getByText('Bilaga lades till').waitFor();
    await admin.locator('[data-testid=history] li.yp-timeline__item--attachment-deleted').getByText('Bilaga togs bort').waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);
  }, 150_000);
});
