import { describe, expect, it } from 'vitest';
import {
  agendaEntryName,
  isBackward,
  isStale,
  localToIso,
  needsConfirmation,
  sectionsPublished,
  subtitleParts,
  transitionBlocker,
  transitionRefusal,
  undecidedCount,
  validateNewMeeting,
} from './meetings.rules';

describe('isBackward', () => {
  it('reopening checked minutes is a return, checking them is a step forward', () => {
    expect(isBackward('MINUTES_CHECKED', 'MINUTES_DRAFT')).toBe(true);
    expect(isBackward('MINUTES_DRAFT', 'MINUTES_CHECKED')).toBe(false);
    expect(isBackward('HELD', 'MINUTES_DRAFT')).toBe(false);
  });
});

describe('transitionBlocker', () => {
  it('an agenda without items cannot be published, one with items can', () => {
    expect(transitionBlocker('AGENDA_PUBLISHED', { agenda: [] })).toBe('emptyAgenda');
    expect(transitionBlocker('AGENDA_PUBLISHED', { agenda: [{}] })).toBeUndefined();
    expect(transitionBlocker('IN_PROGRESS', { agenda: [] })).toBeUndefined();
  });
});

describe('transitionRefusal', () => {
  it("recognises the server's refusal of an empty agenda and nothing else", () => {
    expect(transitionRefusal({ code: 'BAD_USER_INPUT', message: 'x', fields: { to: 'The agenda has no items' } })).toBe(
      'emptyAgenda',
    );
    expect(transitionRefusal({ code: 'BAD_USER_INPUT', message: 'x', fields: { title: 'Required' } })).toBeUndefined();
    expect(transitionRefusal({ code: 'CONFLICT', message: 'x', fields: {} })).toBeUndefined();
    expect(transitionRefusal(undefined)).toBeUndefined();
  });
});

describe('validateNewMeeting', () => {
  it('asks for a title and a start time, and accepts a complete form', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(validateNewMeeting({ title: '  ', startsAt: '' }, now)).toEqual({
      title: 'required',
      startsAt: 'required',
      startsAtTime: 'required',
    });
    expect(validateNewMeeting({ title: 'x'.repeat(301), startsAt: 'soon' }, now)).toEqual({
      title: 'tooLong',
      startsAt: 'invalid',
      startsAtTime: 'required',
    });
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2026-12-10T10:00' }, now)).toEqual({});
  });

  it('marks the part of the start that is wrong, the date or the time, and only that', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2026-12-10T25:61' }, now)).toEqual({ startsAtTime: 'invalid' });
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2026-12-10T' }, now)).toEqual({ startsAtTime: 'required' });
    expect(validateNewMeeting({ title: 'Kokous', startsAt: 'T10:00' }, now)).toEqual({ startsAt: 'required' });
  });

  it('finds a start already gone, to the minute', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2020-01-01T10:00' }, now)).toEqual({ startsAt: 'past' });
    // 10.00 in Finland is 08.00 UTC in December: not before now; 09.59 is.
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2026-12-01T10:00' }, now)).toEqual({});
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2026-12-01T09:59' }, now)).toEqual({ startsAt: 'past' });
  });
});

describe('localToIso', () => {
  it('turns a datetime-local value into an instant and refuses anything else', () => {
    // Read as the clock in Finland (UTC+2 in winter, +3 in summer), whatever the machine's zone.
    expect(localToIso('2026-12-10T10:00')).toBe('2026-12-10T08:00:00.000Z');
    expect(localToIso('2026-06-10T10:00')).toBe('2026-06-10T07:00:00.000Z');
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('2026-13-45T99:00')).toBeUndefined();
  });
});

describe('agendaEntryName', () => {
  it('separates the section, the title and the states with commas, skipping what is absent', () => {
    expect(agendaEntryName(['12 §', 'QA asia tarpeella', false, 'päätetty'])).toBe('12 §, QA asia tarpeella, päätetty');
    expect(agendaEntryName([null, 'Asia', undefined])).toBe('Asia');
  });
});

describe('isStale', () => {
  it('a shown version older than one already seen is stale', () => {
    expect(isStale({ version: 5 }, 6)).toBe(true);
    expect(isStale({ version: 6 }, 6)).toBe(false);
    expect(isStale({ version: 6 }, undefined)).toBe(false);
  });
});

describe('subtitleParts', () => {
  it('leaves out an empty place, so no separator trails or doubles', () => {
    const badge = { badge: 'Pidetty' };
    expect(subtitleParts(['Kuntakokous', '10.12.2026 klo 10.00', 'Jyväskylä ja Teams', badge])).toEqual([
      'Kuntakokous',
      '10.12.2026 klo 10.00',
      'Jyväskylä ja Teams',
      badge,
    ]);
    expect(subtitleParts(['Kuntakokous', '10.12.2026 klo 10.00', null, badge])).toEqual([
      'Kuntakokous',
      '10.12.2026 klo 10.00',
      badge,
    ]);
    expect(subtitleParts(['Kuntakokous', 'Jyväskylä ja Teams', '', '  ', undefined, false])).toEqual([
      'Kuntakokous',
      'Jyväskylä ja Teams',
    ]);
    expect(subtitleParts(['Kuntakokous', 'Jyväskylä ja Teams', '']).join(' · ')).toBe('Kuntakokous · Jyväskylä ja Teams');
  });
});

describe('needsConfirmation and undecidedCount', () => {
  it('asks before ending the meeting and publishing the minutes, not before steps that can be undone or are routine', () => {
    expect(needsConfirmation('IN_PROGRESS', 'HELD')).toBe(true);
    expect(needsConfirmation('MINUTES_CHECKED', 'PUBLISHED')).toBe(true);
    expect(needsConfirmation('MINUTES_CHECKED', 'MINUTES_DRAFT')).toBe(false);
    expect(needsConfirmation('AGENDA_PUBLISHED', 'IN_PROGRESS')).toBe(false);
    // Publishing the agenda notifies the members at once.
    expect(needsConfirmation('PLANNED', 'AGENDA_PUBLISHED')).toBe(true);
    expect(needsConfirmation('AGENDA_PUBLISHED', 'PLANNED')).toBe(false);
  });
  it('counts the items without a decision', () => {
    expect(undecidedCount([{ decisionMode: 'UNANIMOUS' }, { decisionMode: null }, {}])).toBe(2);
  });
});

describe('sectionsPublished', () => {
  it('is false only for a draft agenda', () => {
    expect(sectionsPublished('PLANNED')).toBe(false);
    for (const status of ['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD'] as const) expect(sectionsPublished(status)).toBe(true);
  });
});
