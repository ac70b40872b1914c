import { describe, expect, it } from 'vitest';
import {
  agendaEntryName,
  isBackward,
  isStale,
  localToIso,
  transitionBlocker,
  transitionRefusal,
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
    expect(validateNewMeeting({ title: '  ', startsAt: '' })).toEqual({ title: 'required', startsAt: 'required' });
    expect(validateNewMeeting({ title: 'x'.repeat(301), startsAt: 'soon' })).toEqual({
      title: 'tooLong',
      startsAt: 'invalid',
    });
    expect(validateNewMeeting({ title: 'Kokous', startsAt: '2026-12-10T10:00' })).toEqual({});
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
