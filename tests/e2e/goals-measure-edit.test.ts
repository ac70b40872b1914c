import { describe, expect, it } from 'vitest';
import { apiAs, choose, e2eSuite, plainSpaces } from './helpers.js';

const suite = e2eSuite();

describe("a goal's measure edit", () => {
  it("opens without the last save's words and keeps a baseline taken from the imported values when only the target changes", async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const { agreements } = await admin<{ agreements: { id: string; type: string }[] }>('{ agreements { id type } }');
    const agreementId = agreements.find((a) => a.type === 'STRATEGIC_COOPERATION')!.id;
    const { createAgreementGoal: goal } = await admin<{ createAgreementGoal: { id: string } }>(
      'mutation ($a: ID!) { createAgreementGoal(agreementId: $a, input: { title: "Mittarin muokkaus" }) { id } }',
      { a: agreementId },
    );
    const page = await suite.signedIn('admin@demo.local', { landing: `/agreements/${agreementId}` });
    const card = page
      .getByTestId('agreement-goals')
      .getByTestId('goal')
      .filter({ has: page.getByRole('heading', { name: 'Mittarin muokkaus' }) });
    await card.waitFor();

    await card.getByTestId('measure-add').click();
    const form = card.getByTestId('measure-new');
    await choose(page, form.getByTestId('measure-indicator'), { label: /Kuolleisuus/ });
    await choose(page, form.getByTestId('measure-party'), { label: 'Keski-Suomen hyvinvointialue' });
    await form.locator('input[name="baselineYear"]').fill('2021');
    await form.locator('input[name="targetYear"]').fill('2027');
    await form.locator('input[name="targetValue"]').fill('1100');
    await form.getByRole('button', { name: 'Lisää mittari' }).click();
    const status = card.locator('p[role="status"]').last();
    await status.getByText('Mittari lisätty.').waitFor();
    // The table shows the imported baseline of 2021.
    expect(plainSpaces(await card.getByTestId('measure-row').innerText())).toContain('1 244,5');

    await card.getByRole('button', { name: /^Muokkaa mittaria/ }).click();
    const edit = card.getByTestId('measure-edit');
    await edit.waitFor();
    // Another action started: the add's words are gone.
    expect(await status.innerText()).toBe('');
    // The edit starts from the stored baseline: none (the imported value shows as the placeholder's words).
    const baseline = edit.locator('input[name="baselineValue"]');
    expect(await baseline.inputValue()).toBe('');
    expect(await baseline.getAttribute('placeholder')).toBe('Tyhjä: lähtövuoden tuotu arvo');
    await edit.locator('input[name="targetValue"]').fill('1000');
    await edit.getByRole('button', { name: 'Tallenna mittari' }).click();
    await status.getByText(/Mittari tallennettu/).waitFor();

    const { agreementGoal } = await admin<{
      agreementGoal: { measures: { targetValue: number; baselineValue: number; storedBaselineValue: number | null }[] };
    }>('query ($id: ID!) { agreementGoal(id: $id) { measures { targetValue baselineValue storedBaselineValue } } }', {
      id: goal.id,
    });
    expect(agreementGoal.measures).toEqual([{ targetValue: 1000, baselineValue: 1244.5, storedBaselineValue: null }]);
  }, 180_000);
});
