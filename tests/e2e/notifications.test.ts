import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, seriousAxeViolations } from './helpers.js';

const suite = e2eSuite();

/** An action created by the secretariat for Jyväskylä in a need of its own; returns the action's title. */
async function assignActionToJyvaskyla(title: string) {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  const { parties } = await admin<{ parties: { id: string; code: string }[] }>('{ parties { id code } }');
  const jyvaskyla = parties.find((p) => p.code === '179')!.id;
  const { createServiceNeed } = await admin<{ createServiceNeed: { id: string } }>(
    'mutation ($input: CreateServiceNeedInput!) { createServiceNeed(input: $input) { id } }',
    { input: { title: `Ilmoitustesti ${Date.now()}`, targetGroups: ['YOUTH'], themeCodes: ['YOUTH'], municipalityIds: [jyvaskyla] } },
  );
  await admin('mutation ($input: CreateActionInput!) { createAction(input: $input) { id } }', {
    input: { needId: createServiceNeed.id, title, ownerPartyId: jyvaskyla, dueDate: '2030-05-31' },
  });
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
    const needId = await assignActionToJyvaskyla(title);
    // Arrives through the subscription: no reload.
    const item = page.getByTestId('notification').filter({ has: page.getByRole('link', { name: title }) });
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
      ([sel, t]) => [...document.querySelectorAll(sel)].some((el) => el.textContent?.includes(t) && el.getAttribute('data-read') === 'true'),
      ['[data-testid="notification"]', title] as const,
    );
    await page.waitForFunction(
      ([n]) => {
        const m = /(\d+) lukemat/.exec(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '');
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
    await page.waitForFunction(() => !document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label')?.includes(','));
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
});
