import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, assemblyMeeting, e2eSuite, moveMeeting, screenshotTo } from './helpers.js';

/**
 * The meeting room at a laptop's 1280 px and a phone's 390 px: the agenda column no narrower on the laptop than on the
 * phone, a long Finnish compound in an agenda title broken only at a syllable with a hyphen (Chromium hyphenates no
 * Finnish: "Pöytäkirjantarkastaje|n" broke with none), and a co-editor's name tag inside the editor at 390 px when
 * their caret is mid-line (it ran out past the left border). SHOTS=<folder> keeps screenshots for looking at by eye.
 */
const suite = e2eSuite();
const SHOTS = process.env.SHOTS;
const TITLES = [
  'Pöytäkirjantarkastajien valinta',
  'Yhdyspintasuunnitelman 2026–2029 toimeenpanon seuranta: nuorten mielenterveys ja oppilashuolto',
  'Hyvinvointialueyhteistyösopimusluonnoksen käsittely',
];

let meetingId = '';
beforeAll(async () => {
  const admin = await apiAs(suite.server.url, 'admin@demo.local');
  meetingId = (await assemblyMeeting(admin, 'Kapean näytön kokous')).id;
  for (const title of TITLES)
    await admin('mutation ($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }', {
      i: { meetingId, title, proposal: 'Merkitään tiedoksi.', relatedNeedIds: [] },
    });
  await moveMeeting(admin, meetingId, 'AGENDA_PUBLISHED', 'IN_PROGRESS');
});

/** The agenda panel's width and each line break inside a word of an entry's title, with or without a hyphen there. */
function agendaBreaks(page: Page) {
  return page.locator('.yp-room__agenda').evaluate((panel) => {
    const breaks: { title: string; hyphen: boolean }[] = [];
    for (const span of panel.querySelectorAll('.yp-room-agenda__open > span:nth-child(2)')) {
      const node = span.firstChild as Text;
      const text = node.data;
      const top = (i: number) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getClientRects()[0]?.top ?? Number.NaN;
      };
      let prev = -1;
      for (let i = 0; i < text.length; i++) {
        if (!/\p{L}/u.test(text[i]!)) {
          if (text[i] !== '\u00AD') prev = -1;
          continue;
        }
        if (prev >= 0 && top(i) > top(prev) + 2) {
          // Chromium reports the letter right after a soft-hyphen break on the line before, so the pair found may be
          // one letter late: the soft hyphen is then just before `prev`.
          const between = text.slice(prev - 1, i);
          breaks.push({ title: text.replaceAll('\u00AD', ''), hyphen: between.includes('\u00AD') });
        }
        prev = i;
      }
    }
    return { width: panel.getBoundingClientRect().width, breaks };
  });
}

describe('the room’s agenda', () => {
  it('is no narrower at 1280 px than at 390 px, and breaks long words only at a syllable with a hyphen', async () => {
    const seen: Record<number, Awaited<ReturnType<typeof agendaBreaks>>> = {};
    for (const width of [390, 1280]) {
      const page = await suite.signedIn('jyvaskyla@demo.local', {
        viewport: { width, height: 900 },
        landing: `/meetings/${meetingId}/room`,
      });
      await page
        .locator('.yp-room-agenda__open')
        .nth(TITLES.length - 1)
        .waitFor();
      await screenshotTo(SHOTS, page, `room-${width}.png`);
      seen[width] = await agendaBreaks(page);
    }
    // The longest compound does not fit a phone's entry: it breaks, with a hyphen.
    expect(seen[390]!.breaks.length).toBeGreaterThan(0);
    expect({
      widerOnLaptop: seen[1280]!.width >= seen[390]!.width,
      withoutHyphen: [...seen[390]!.breaks, ...seen[1280]!.breaks].filter((b) => !b.hyphen),
    }).toEqual({ widerOnLaptop: true, withoutHyphen: [] });
  });
});

describe('a co-editor’s name tag at 390 px', () => {
  it('stays inside the editor when their caret is mid-line and the name is long', async () => {
    const viewport = { width: 390, height: 844 };
    const landing = `/meetings/${meetingId}/room`;
    const writer = await suite.signedIn('hyvinvointialue@demo.local', { viewport, landing });
    const reader = await suite.signedIn('jyvaskyla@demo.local', { viewport, landing });
    const minutes = (p: Page) => p.locator('.yp-room__minutes .yp-editor__content');
    await minutes(reader).waitFor();
    await minutes(writer).click();
    await writer.keyboard.type('Merkitään tiedoksi.');
    await minutes(reader).locator('p', { hasText: 'Merkitään tiedoksi.' }).waitFor();
    const label = reader.locator('.yp-room__minutes .yp-caret__label', { hasText: 'Mikko Esimerkki (demo)' });
    await label.waitFor();
    await screenshotTo(SHOTS, reader.locator('.yp-room__minutes'), 'room-caret-mid-390.png');
    const where = () =>
      reader.locator('.yp-room__minutes').evaluate((room) => {
        const content = room.querySelector('.yp-editor__content')!.getBoundingClientRect();
        const tag = room.querySelector('.yp-caret__label')!.getBoundingClientRect();
        return { left: tag.left >= content.left, right: tag.right <= content.right };
      });
    await expect.poll(where).toEqual({ left: true, right: true });
  });
});
