import { describe, expect, it } from 'vitest';
import { actionChanges, eventPartyId, shortValue } from './needHistory';

const names: Record<string, string> = { p1: 'Jyväskylä', p2: 'Laukaa' };
const partyName = (id: string) => names[id];

describe('eventPartyId', () => {
  it('names the party of a responsibility event', () => {
    expect(eventPartyId('responsibility.set', {}, { partyId: 'p1', role: 'LEAD' })).toBe('p1');
  });

  it('names an action’s owner, the new one when the owner changed', () => {
    expect(eventPartyId('action.updated', { ownerPartyId: 'p1' }, { ownerPartyId: 'p2' })).toBe('p2');
    expect(eventPartyId('action.created', {}, { ownerPartyId: 'p1' })).toBe('p1');
  });

  it('falls back to the snapshot before the change', () => {
    expect(eventPartyId('responsibility.removed', { partyId: 'p2' }, {})).toBe('p2');
  });

  it('gives nothing for the need’s own events', () => {
    expect(eventPartyId('need.updated', {}, { partyIds: ['p1'] })).toBeUndefined();
  });
});

describe('shortValue', () => {
  it('shows nothing as a dash', () => {
    expect(shortValue(null)).toBe('–');
    expect(shortValue('')).toBe('–');
    expect(shortValue([])).toBe('–');
  });

  it('shows party ids as names, and an unknown id as it is', () => {
    expect(shortValue(['p1', 'p2', 'p3'], 'municipalityIds', partyName)).toBe('Jyväskylä, Laukaa, p3');
    expect(shortValue('p2', 'ownerPartyId', partyName)).toBe('Laukaa');
  });

  it('leaves other values alone even when they look like ids', () => {
    expect(shortValue('p1', 'title', partyName)).toBe('p1');
  });

  it('cuts long text at 120 characters', () => {
    const s = shortValue('x'.repeat(200));
    expect(s).toHaveLength(118);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('actionChanges', () => {
  const statuses: Record<string, string> = { PLANNED: 'Suunniteltu', IN_PROGRESS: 'Käynnissä', DONE: 'Valmis' };
  const words = {
    status: (s: string) => statuses[s] ?? s,
    date: (d: string) => new Intl.DateTimeFormat('fi-FI', { timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)),
    partyName,
  };
  const action = { title: 'Kartoitus', status: 'IN_PROGRESS', dueDate: '2026-12-31', ownerPartyId: 'p1', description: null };

  it('words a changed due date as dates, and no status when the status stayed', () => {
    expect(actionChanges(['dueDate'], action, { ...action, dueDate: '2027-01-15' }, words)).toEqual([
      { field: 'dueDate', before: '31.12.2026', after: '15.1.2027' },
    ]);
  });

  it('words a status, the owner party and the title, and an emptied or first due date as null', () => {
    const after = { ...action, status: 'DONE', ownerPartyId: 'p2', title: 'Selvitys', dueDate: null };
    expect(actionChanges(['title', 'status', 'dueDate', 'ownerParty'], action, after, words)).toEqual([
      { field: 'status', before: 'Käynnissä', after: 'Valmis' },
      { field: 'title', before: 'Kartoitus', after: 'Selvitys' },
      { field: 'dueDate', before: '31.12.2026', after: null },
      { field: 'ownerParty', before: 'Jyväskylä', after: 'Laukaa' },
    ]);
    expect(actionChanges(['dueDate'], { ...action, dueDate: null }, action, words)).toEqual([
      { field: 'dueDate', before: null, after: '31.12.2026' },
    ]);
  });

  it('shows nothing for fields an action does not have', () => {
    expect(actionChanges(['agendaItemId'], action, { ...action, agendaItemId: 'x' }, words)).toEqual([]);
  });
});
