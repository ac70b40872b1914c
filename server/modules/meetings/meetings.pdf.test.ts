import { describe, expect, it } from 'vitest';
import type { PublishedMinutesModel } from './meetings.models.js';
import { pdfText } from '../../../tests/pdf-text.js';
import { renderMinutesPdf } from './meetings.pdf.js';

const minutes: PublishedMinutesModel = {
  meetingId: '00000000-0000-4000-8000-000000000001',
  bodyName: { fi: 'Kuntakokous', sv: 'Kommunmötet', en: 'Municipal assembly' },
  title: 'Kuntakokous 1/2026',
  startsAt: '2026-10-01T06:00:00.000Z',
  location: 'Jyväskylä',
  chair: 'Mikko Esimerkki',
  secretary: 'Kari Harjoitus',
  attendance: [{ name: 'Aino Demola', party: 'Jyväskylä', status: 'PRESENT', deputyFor: null }],
  items: Array.from({ length: 12 }, (_, i) => ({
    section: i + 1,
    title: `Asia ${i + 1}`,
    publicity: 'PUBLIC',
    legalBasis: null,
    caseNumber: null,
    presenter: null,
    preparer: null,
    proposal: 'Hyväksytään. '.repeat(40),
    handling: null,
    decision: 'Hyväksyttiin.',
    decisionMode: 'UNANIMOUS',
    votes: null,
    quorum: { present: 14, members: 25 },
    actions: [{ id: 'a', title: 'Palvelupolku', ownerParty: 'Jyväskylä', dueDate: '2027-03-31' }],
  })),
  minutesText: '',
  checkers: [{ name: 'Aino Demola', checkedAt: '2026-10-06T10:00:00.000Z' }],
  appealInstructions: { fi: 'OIKAISUVAATIMUSOHJE', sv: 'ANVISNING', en: 'INSTRUCTIONS' },
  publishedAt: new Date('2026-10-08T10:00:00.000Z'),
  personalDataRemovalDue: '2026-10-29',
  personalDataRemoved: false,
};

describe('the minutes PDF', () => {
  it('is tagged: a structure tree, marked content, the language and the title shown', async () => {
    const pdf = await renderMinutesPdf(minutes, 'fi');
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(fi-FI\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['/H1', '/H2', '/P', '/L', '/LI']) expect(raw).toContain(`/S ${tag}`);
  });

  it('numbers its pages, and writes the checkers, quorum, actions and appeal instructions', async () => {
    const text = pdfText(await renderMinutesPdf(minutes, 'fi'));
    const pages = [...text.matchAll(/Sivu (\d+) \/ (\d+)/g)];
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p[1])).toEqual(pages.map((_, i) => String(i + 1)));
    expect(new Set(pages.map((p) => p[2]))).toEqual(new Set([String(pages.length)]));
    expect(text).toContain('Päätösvaltaisuus: 14/25 jäsentä läsnä');
    expect(text).toContain('Palvelupolku – Jyväskylä – määräaika 31. maaliskuuta 2027');
    expect(text).toContain('Aino Demola: tarkastettu 6. lokakuuta 2026');
    expect(text).toContain('OIKAISUVAATIMUSOHJE');
  });

  it('speaks Swedish and English when asked, dates included', async () => {
    const sv = await renderMinutesPdf(minutes, 'sv');
    expect(sv.toString('latin1')).toMatch(/\/Lang \(sv-FI\)/);
    const svText = pdfText(sv);
    expect(svText).toContain('Protokoll: Kommunmötet');
    expect(svText).toMatch(/Sida 1 \/ \d+/);
    expect(svText).toContain('ANVISNING');
    expect(svText).toContain('oktober 2026');
    const enText = pdfText(await renderMinutesPdf(minutes, 'en'));
    expect(enText).toContain('Minutes: Municipal assembly');
    expect(enText).toMatch(/Page 1 of \d+/);
    expect(enText).toContain('Quorum: 14 of 25 members present');
    expect(enText).not.toContain('Sivu');
  });
});
