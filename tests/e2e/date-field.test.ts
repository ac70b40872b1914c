import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, e2eSuite, makeNeed } from './helpers.js';

const suite = e2eSuite();
const ADMIN = 'admin@demo.local';

/** The accessible name of the calendar button of the date field `inputId`, as the browser computes it. */
const pickerName = (page: Page, inputId: string) =>
  page
    .locator(`.fi-date-input:has(#${inputId}) .fi-date-input_picker-button`)
    .evaluate((button) => button.getAttribute('aria-label') ?? button.textContent ?? '');

/** Where a date field's hint stands against its box, and whether the box names the hint as its description. */
const hintPlacement = (page: Page, inputId: string) =>
  page.evaluate((id) => {
    const input = document.getElementById(id)!;
    const hint = document.getElementById(`${id}-hintText`)!;
    const box = input.closest('.fi-date-input_input-and-picker-wrapper')!.getBoundingClientRect();
    const label = input.closest('.fi-date-input')!.querySelector('label')!.getBoundingClientRect();
    return {
      hint: hint.textContent,
      below: hint.getBoundingClientRect().top >= box.bottom,
      labelAbove: label.bottom <= box.top,
      describedBy: (input.getAttribute('aria-describedby') ?? '').split(' ').includes(hint.id),
    };
  }, inputId);

const setLanguage = async (page: Page, lang: 'fi' | 'sv' | 'en') => {
  await page.evaluate((l) => localStorage.setItem('yhteispeli.lang', l), lang);
  await page.reload();
};

describe('the date field', () => {
  it('names its calendar button by the date it holds now, written out as each language says it', async () => {
    const needId = await makeNeed(await apiAs(suite.server.url, ADMIN), 'Päivämääräkentän nimi');
    const page = await suite.signedIn(ADMIN, { landing: `/needs/${needId}` });
    const field = page.locator('#as-of-date');
    await field.waitFor();
    expect(await pickerName(page, 'as-of-date')).toBe('Valitse päivämäärä');
    await field.fill('1.10.2026');
    // Before: the design system's "Valittu päivä 1 torstai lokakuu 2026".
    await expect.poll(() => pickerName(page, 'as-of-date')).toBe('Valitse päivämäärä, valittu päivä torstai 1. lokakuuta 2026');
    // A date after the field's last day (today) once left the old date in the name.
    await field.fill('1.1.2030');
    await expect.poll(() => pickerName(page, 'as-of-date')).toBe('Valitse päivämäärä, valittu päivä tiistai 1. tammikuuta 2030');
    await field.fill('1.1.');
    await expect.poll(() => pickerName(page, 'as-of-date')).toBe('Valitse päivämäärä');

    await setLanguage(page, 'sv');
    await field.fill('1.10.2026');
    await expect.poll(() => pickerName(page, 'as-of-date')).toBe('Välj datum, valt datum torsdag 1 oktober 2026');
    await setLanguage(page, 'en');
    await field.fill('1/10/2026');
    await expect.poll(() => pickerName(page, 'as-of-date')).toBe('Choose date, selected date Thursday 1 October 2026');
  });

  it('shows its hint under its box on the need page and in the meeting form alike, as the box’s description', async () => {
    const needId = await makeNeed(await apiAs(suite.server.url, ADMIN), 'Päivämäärävihjeen paikka');
    const page = await suite.signedIn(ADMIN, { landing: `/needs/${needId}` });
    await page.locator('#as-of-date').waitFor();
    const expected = { hint: 'Esimerkiksi 31.12.2026', below: true, labelAbove: true, describedBy: true };
    // The as-of date and the new action's due date on the need page.
    expect(await hintPlacement(page, 'as-of-date')).toEqual(expected);
    expect(await hintPlacement(page, 'action-due')).toEqual(expected);

    await page.goto(`${suite.server.url}/meetings`);
    const starts = page.locator('#new-meeting-startsAt');
    await starts.waitFor();
    // Before: here the hint stood between the label and the box.
    expect(await hintPlacement(page, 'new-meeting-startsAt')).toEqual(expected);
    // The time beside it has its hint under its box too, so the two boxes stand level.
    const level = await page.evaluate(() => {
      const date = document.querySelector('#new-meeting-startsAt')!.getBoundingClientRect();
      const time = document.querySelector<HTMLInputElement>('#new-meeting-startsAt-time')!;
      const hint = document.getElementById(`${time.id}-hintText`)!.getBoundingClientRect();
      const box = time.getBoundingClientRect();
      return { sameTop: Math.abs(date.top - box.top) < 1, hintBelow: hint.top >= box.bottom };
    });
    expect(level).toEqual({ sameTop: true, hintBelow: true });
  });
});
