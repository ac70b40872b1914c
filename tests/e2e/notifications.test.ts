import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();

/** Actions created by the secretariat for a party (by official code) in a need of their own; returns the need's id. */
async function assignActions(code: string, titles: string[]) {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const owner = parties.find((p) => p.code === code)!.id;
  const jyvaskyla = parties.find((p) => p.code === '179')!.id;
  const { createServiceNeed } = await admin<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    {
      input: {
        title: `Ilmoitustesti ${Date.now()}`,
        targetGroups: ['YOUTH'],
        themeCodes: ['YOUTH'],
        municipalityIds: [jyvaskyla],
      },
    },
  );
  for (const title of titles) {
    await admin('mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }', {
      input: { needId: createServiceNeed.id, title, ownerPartyId: owner, dueDate: '2030-05-31' },
    });
  }
  return createServiceNeed.id;
}

const unreadIn = (label: string | null) => Number(/(\d+) lukemat/.exec(label ?? '')?.[1] ?? 0);

describe('notifications', () => {
  it('reach a representative live, open from the bell, and are marked read, without serious accessibility violations', async () => {
    const page = await suite.signedIn('jyvaskyla@demo.local', { landing: '/notifications' });
    await page.getByRole('heading', { level: 1, name: 'Ilmoitukset' }).waitFor();
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();

    const title = `Uusi toimenpide ${Date.now()}`;
    // Two: one is marked read on its own, the other by "mark all" (so that one is unread whatever came before).
    const needId = await assignActions('179', [`Toinen ${title}`, title]);
    // Arrives through the subscription: no reload.
    const item = page.getByTestId('notification').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.innerText()).toContain('Osapuolellesi osoitettiin toimenpide');
    expect(await item.innerText()).toContain('31.5.2030');
    const label = await bell.getAttribute('aria-label');
    expect(label).toMatch(/^Ilmoitukset, \d+ lukemat/);
    expect(await page.getByTestId('notification-live').innerText()).toMatch(/lukemat/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = unreadIn(await bell.getAttribute('aria-label'));
    await item.getByRole('button', { name: `Merkitse luetuksi: ${title}` }).click();
    await page.waitForFunction(
      ([sel, t]) =>
        [...document.querySelectorAll(sel)].some((el) => el.textContent?.includes(t) && el.getAttribute('data-read') === 'true'),
      ['[data-testid="notification"]', title] as const,
    );
    await page.waitForFunction(
      ([n]) => {
        const m = /(\d+) lukemat/.exec(
          document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '',
        );
        return Number(m?.[1] ?? 0) < n;
      },
      [before] as const,
    );

    await item.getByRole('link', { name: title }).click();
    await page.waitForURL(`${suite.server.url}/needs/${needId}`);
    await bell.click();
    await page.waitForURL(`${suite.server.url}/notifications`);
    await page.getByTestId('mark-all-read').click();
    await page.getByText('Kaikki ilmoitukset merkitty luetuiksi.').waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label')?.includes(','),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('keep the bell in a phone-sized header with its count in its name', async () => {
    const page = await suite.signedIn('laukaa@demo.local', { viewport: { width: 390, height: 844 }, landing: '/' });
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await bell.isVisible()).toBe(true);
    expect(await bell.getAttribute('aria-label')).toMatch(/^Ilmoitukset/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('show more than a page, newest first, without repeating any', async () => {
    const titles = Array.from({ length: 32 }, (_, i) => `Sivutustesti ${Date.now()} #${String(i).padStart(2, '0')}`);
    await assignActions('15', titles);
    const page = await suite.signedIn('hyvinvointialue@demo.local', { landing: '/notifications' });
    const items = page.getByTestId('notification');
    await items.first().waitFor();
    expect(await items.count()).toBe(30);
    await page.getByRole('button', { name: 'Näytä lisää' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="notification"]').length > 30);
    const texts = await items.allInnerTexts();
    // Every one of them, newest first (other files may add their own in between on a shared database).
    const positions = titles.map((t) => texts.findIndex((x) => x.includes(t)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);
    const ids = await items.locator('a').evaluateAll((links) => links.map((a) => a.textContent));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
