import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, choose, e2eSuite, screenshotTo, moveMeeting } from './helpers.js';

/**
 * Look and layout found in a walk-through: field errors in one look, the co-editor's name tag inside the
 * editor, the new-meeting form's columns and button, and checkbox groups as the other checkbox lists.
 * SHOTS=<folder> keeps screenshots of each page for looking at by eye.
 */
const suite = e2eSuite();
const SHOTS = process.env.SHOTS;

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => (await locator.boundingBox())!;

/** The look of a message (or of its ::before icon): what the design system's status text sets. */
function look(locator: Locator, pseudo: '' | '::before' = '') {
  return locator.evaluate((el, p) => {
    const s = getComputedStyle(el, p || null);
    return {
      fontSize: s.fontSize,
      fontWeight: s.fontWeight,
      lineHeight: s.lineHeight,
      color: s.color,
    };
  }, pseudo);
}

/** The design system's error icon (an svg in its status text) as the measures our ::before must match. */
function iconOf(locator: Locator, pseudo: boolean) {
  return locator.evaluate((el, before) => {
    if (before) {
      const s = getComputedStyle(el, '::before');
      return {
        width: s.width,
        height: s.height,
        marginRight: s.marginRight,
        shown: s.content !== 'none' && s.maskImage !== 'none',
      };
    }
    const svg = el.querySelector('svg')!;
    const s = getComputedStyle(svg);
    return { width: s.width, height: s.height, marginRight: s.marginRight, shown: true };
  }, pseudo);
}

/** The space from a message's top to the bottom of the field it is under. */
const gapAbove = async (message: Locator, field: Locator) =>
  (await box(message)).y - ((await box(field)).y + (await box(field)).height);

describe('a field error looks like the design system’s, in every form', () => {
  it('the new-meeting form shows its title error and its date error alike, both like the design system’s status text', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: { width: 1366, height: 900 }, landing: '/meetings' });
    const form = page.locator('form[aria-labelledby="new-meeting"]');
    await form.getByRole('button', { name: 'Luo kokous' }).click();
    const titleError = form.locator('#new-meeting-title-error');
    const dateError = form.locator('.yp-datetime .fi-status-text--error').first();
    await titleError.waitFor();
    await dateError.waitFor();
    await screenshotTo(SHOTS, page, 'meeting-errors-1366.png', { fullPage: true });
    expect(await look(titleError)).toEqual(await look(dateError));
    expect(await iconOf(titleError, true)).toEqual(await iconOf(dateError, false));
    // The same space between the field and its message; a date's message comes after its hint, which stands under
    // its box in every form (DateField).
    expect(await gapAbove(titleError, form.locator('input[name=title]'))).toBe(
      await gapAbove(dateError, form.locator('#new-meeting-startsAt-hintText')),
    );
  });

  it('the need form’s errors look like the design system’s too (no restyle of its own)', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: { width: 1366, height: 900 }, landing: '/meetings' });
    const reference = page.locator('.yp-datetime .fi-status-text--error').first();
    await page.locator('form[aria-labelledby="new-meeting"]').getByRole('button', { name: 'Luo kokous' }).click();
    await reference.waitFor();
    const expected = await look(reference);
    const expectedIcon = await iconOf(reference, false);

    await page.goto(`${suite.server.url}/needs/new`);
    await page.getByTestId('field-municipalities').getByLabel('Jämsä').waitFor();
    await page.getByTestId('need-create-save').click();
    const needError = page.locator('.yp-need-form .yp-field-error').first();
    await needError.waitFor();
    await screenshotTo(SHOTS, page, 'need-errors-1366.png');
    expect(await look(needError)).toEqual(expected);
    expect(await iconOf(needError, true)).toEqual(expectedIcon);
  });
});

/** On how many lines a dropdown button shows the chosen name, and whether all of them are inside the button. */
const shownName = (button: Locator, name: string) =>
  button.evaluate((el, start) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text: Node | null = walker.nextNode();
    while (text && !text.textContent!.startsWith(start)) text = walker.nextNode();
    const range = document.createRange();
    range.selectNodeContents(text!);
    const lines = [...range.getClientRects()];
    const frame = el.getBoundingClientRect();
    const inside = lines.every((r) => r.left >= frame.left && r.right <= frame.right && r.bottom <= frame.bottom);
    return { lines: new Set(lines.map((r) => Math.round(r.top))).size, inside };
  }, name);

describe('the new-meeting form at 1366 px', () => {
  let page: Page;
  let form: Locator;
  beforeAll(async () => {
    page = await suite.signedIn('admin@demo.local', { viewport: { width: 1366, height: 900 }, landing: '/meetings' });
    form = page.locator('form[aria-labelledby="new-meeting"]');
    await form.waitFor();
  });

  it('shows a long body name whole in the body dropdown, in Finnish and Swedish', async () => {
    const button = form.locator('#new-meeting-bodyId_button');
    await choose(page, button, { label: 'Valtuustokauden strateginen foorumi' });
    await screenshotTo(SHOTS, page, 'meeting-body-1366.png');
    expect(await shownName(button, 'Valtuustokauden strateginen foorumi')).toEqual({ lines: 1, inside: true });

    await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await button.filter({ hasText: 'Strategiskt forum för fullmäktigeperioden' }).waitFor();
    await screenshotTo(SHOTS, page, 'meeting-body-1366-sv.png');
    expect(await shownName(button, 'Strategiskt forum för fullmäktigeperioden')).toEqual({ lines: 1, inside: true });
    await page.getByRole('button', { name: /^Svenska \(SV\)/ }).click();
    await page.getByRole('menuitem', { name: 'Suomi (FI)' }).click();
    await form.getByRole('button', { name: 'Luo kokous' }).waitFor();
  });

  it('has a send button as wide as its text, like other forms', async () => {
    const send = form.getByRole('button', { name: 'Luo kokous' });
    expect((await box(send)).width).toBeLessThan((await box(form)).width / 3);
  });

  it('gives the date’s message room on one line, clear of the time field’s label', async () => {
    const date = form.locator('#new-meeting-startsAt');
    await date.fill('32.13.2026');
    // Leaving the field (not for its own calendar button) checks it.
    await form.locator('input[name=title]').click();
    const message = form.locator('.yp-datetime .fi-status-text--error').first();
    await message.waitFor();
    await screenshotTo(SHOTS, page, 'meeting-date-error-1366.png');
    const text = await box(message);
    const lineHeight = parseFloat(await message.evaluate((el) => getComputedStyle(el).lineHeight));
    expect(text.height).toBeLessThanOrEqual(lineHeight);
    const timeLabel = await box(form.locator('label[for="new-meeting-startsAt-time"]'));
    const apart = text.y + text.height <= timeLabel.y - 8 || timeLabel.x >= text.x + text.width + 8;
    expect(apart).toBe(true);
  });
});

it('the new-meeting form at 390 px wraps a long body name in its dropdown rather than cutting it', async () => {
  const page = await suite.signedIn('admin@demo.local', { viewport: { width: 390, height: 900 }, landing: '/meetings' });
  await page.getByRole('button', { name: /^Suomi \(FI\)/ }).click();
  await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
  const button = page.locator('#new-meeting-bodyId_button');
  await choose(page, button, { label: 'Strategiskt forum för fullmäktigeperioden' });
  await screenshotTo(SHOTS, page.locator('form[aria-labelledby="new-meeting"]'), 'meeting-body-390-sv.png');
  expect((await shownName(button, 'Strategiskt forum för fullmäktigeperioden')).inside).toBe(true);
});

describe('checkbox groups in the cooperation forms', () => {
  /** Each box and its label's text on one line, the box first (as .yp-check lays them out). */
  const boxesBesideLabels = (group: Locator) =>
    group.locator('label').evaluateAll((labels) =>
      labels.map((label) => {
        const input = label.querySelector('input')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(label);
        range.setStartAfter(label.querySelector('input')!);
        const text = range.getClientRects()[0]!;
        return {
          boxFirst: input.right <= text.left,
          sameLine: input.top < text.bottom && input.bottom > text.top,
          // Not squeezed by a long name beside it.
          fullSize: Math.round(input.width) === 20,
        };
      }),
    );

  it('a new body’s themes put each box left of its label; the mandate is as wide as the form', async () => {
    const page = await suite.signedIn('admin@demo.local', { viewport: { width: 1366, height: 900 }, landing: '/cooperation' });
    await page.getByRole('button', { name: 'Uusi elin' }).click();
    const form = page.getByTestId('body-new');
    const themes = form.locator('fieldset').filter({ hasText: 'Teemat' });
    await themes.locator('input').nth(5).waitFor();
    await screenshotTo(SHOTS, page, 'body-new-1366.png', { fullPage: true });
    const checks = await boxesBesideLabels(themes);
    expect(checks.length).toBeGreaterThan(5);
    expect(checks.filter((c) => !c.boxFirst || !c.sameLine || !c.fullSize)).toEqual([]);
    const mandate = await box(form.getByLabel(/Tehtävä/));
    const fields = await box(themes);
    expect(mandate.width).toBeGreaterThanOrEqual(Math.min(fields.width, 768) - 1);
  });

  for (const width of [1366, 390])
    it(`a new negotiation’s parties put each box left of its label (${width} px)`, async () => {
      const page = await suite.signedIn('admin@demo.local', { viewport: { width, height: 900 }, landing: '/agreements' });
      await page.getByRole('button', { name: 'Uusi neuvottelu' }).click();
      const parties = page.getByTestId('negotiation-new').locator('fieldset').first();
      await parties.locator('input').nth(3).waitFor();
      await screenshotTo(SHOTS, page, `negotiation-new-${width}.png`, { fullPage: true });
      const checks = await boxesBesideLabels(parties);
      expect(checks.length).toBeGreaterThan(3);
      expect(checks.filter((c) => !c.boxFirst || !c.sameLine || !c.fullSize)).toEqual([]);
    });
});

describe('the co-editor’s name tag in the meeting room', () => {
  let meetingId = '';
  beforeAll(async () => {
    const admin = await apiAs(suite.server.url, 'admin@demo.local');
    const m = await assemblyMeeting(admin, 'Tyylikokous');
    meetingId = m.id;
    await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
      i: { meetingId, title: 'Kokouksen avaus', proposal: 'Avataan.', relatedNeedIds: [] },
    });
    await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
  });

  // A writer of their own for each width, so that each name tag is the only one of its name.
  for (const [width, email, name] of [
    // The tag names the writer's person in the body, as the presence list does.
    [390, 'admin@demo.local', 'Kari Harjoitus (demo)'],
    [1366, 'hyvinvointialue@demo.local', 'Mikko Esimerkki (demo)'],
  ] as const)
    it(`stays inside the editor when the other's caret is at the right edge (${width} px)`, async () => {
      const viewport = { width, height: 900 };
      const writer = await suite.signedIn(email, { viewport, landing: `/meetings/${meetingId}/room` });
      const reader = await suite.signedIn('jyvaskyla@demo.local', { viewport, landing: `/meetings/${meetingId}/room` });
      const minutes = (p: Page) => p.locator('.yp-room__minutes .yp-editor__content');
      await minutes(reader).waitFor();
      await minutes(writer).click();
      await writer.keyboard.press('Control+End');
      await writer.keyboard.press('Enter');
      const label = reader.locator('.yp-room__minutes .yp-caret__label', { hasText: name });
      await label.waitFor({ timeout: 10_000 });
      /** Where the writer's caret stands on the reader's screen, against the editor's right edge and the tag's width. */
      const where = () =>
        reader.locator('.yp-room__minutes').evaluate((room, writerName) => {
          const content = room.querySelector('.yp-editor__content')!.getBoundingClientRect();
          const tag = [...room.querySelectorAll('.yp-caret__label')].find((t) => t.textContent === writerName)!;
          const caret = tag.parentElement!.getBoundingClientRect();
          return { room: content.right - caret.left, tagWidth: tag.scrollWidth };
        }, name);
      // The writer types until their caret stands nearer the editor's right edge than half the tag's width.
      let typed = 0;
      for (;;) {
        const { room, tagWidth } = await where();
        if (room < tagWidth / 2) break;
        // Several at a time while far from the edge (an x is about 9 px): the laptop's editor is wide.
        const step = Math.max(1, Math.floor((room - tagWidth / 2) / 14));
        await writer.keyboard.type('x'.repeat(step));
        typed += step;
        // The writer's own line (it holds their caret's tag): the other width's line may hold as many x's.
        await minutes(reader)
          .locator('p', { hasText: new RegExp(`(^|[^x])x{${typed}}([^x]|$)`) })
          .filter({ hasText: name })
          .waitFor({ timeout: 10_000 });
        expect(typed).toBeLessThan(200);
      }
      await screenshotTo(SHOTS, reader.locator('.yp-room__minutes'), `room-caret-${width}.png`);
      const content = await box(minutes(reader));
      const tag = await box(label);
      expect({ left: tag.x >= content.x, right: tag.x + tag.width <= content.x + content.width }).toEqual({
        left: true,
        right: true,
      });
      // Readable: the whole name, not cut.
      expect(await label.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    });
});
