import { describe, expect, it } from 'vitest';
import { eventPartyId, shortValue } from './needHistory';

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
