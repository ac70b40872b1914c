import { describe, expect, it } from 'vitest';
import { editReducer, initialEditState, isDirty, mergeEdits, toUpdateInput, validatePartyForm, type Snapshot } from './partyForm';

const v1: Snapshot = { version: 1, values: { fi: 'Jyväskylä', sv: 'Jyväskylä', en: '', subRegion: 'Jyväskylä' } };
const v2: Snapshot = { version: 2, values: { ...v1.values, en: 'Jyvaskyla' } };

describe('party edit form', () => {
  it('follows a live change silently while the form has no edits', () => {
    const state = editReducer(initialEditState(v1), { type: 'server', snapshot: v2 });
    expect(state.base).toEqual(v2);
    expect(state.values).toEqual(v2.values);
    expect(state.remote).toBeUndefined();
  });

  it('keeps unsaved edits and notes the newer version when a live change arrives', () => {
    const edited = editReducer(initialEditState(v1), { type: 'edit', field: 'subRegion', value: 'Keski-Suomi' });
    const state = editReducer(edited, { type: 'server', snapshot: v2 });
    expect(state.values.subRegion).toBe('Keski-Suomi');
    expect(state.base.version).toBe(1);
    expect(state.remote).toEqual(v2);
    expect(isDirty(state)).toBe(true);
  });

  it('treats a live change equal to the edits as nothing to protect', () => {
    const edited = editReducer(initialEditState(v1), { type: 'edit', field: 'names.en', value: 'Jyvaskyla ' });
    const state = editReducer(edited, { type: 'server', snapshot: v2 });
    expect(state.base.version).toBe(2);
    expect(state.remote).toBeUndefined();
  });

  it('ignores an event for a version it already has', () => {
    const state = initialEditState(v2);
    expect(editReducer(state, { type: 'server', snapshot: v1 })).toBe(state);
  });

  it('records a conflict with the version it tried to save on', () => {
    const edited = editReducer(initialEditState(v1), { type: 'edit', field: 'names.fi', value: 'Jyväskylän kaupunki' });
    const state = editReducer(edited, { type: 'conflict', currentVersion: 2 });
    expect(state.conflict).toEqual({ currentVersion: 2, attemptedBase: 1 });
    expect(state.values.fi).toBe('Jyväskylän kaupunki');
  });

  it('starts over from a snapshot after a save or when keeping theirs', () => {
    const edited = editReducer(initialEditState(v1), { type: 'conflict', currentVersion: 2 });
    expect(editReducer(edited, { type: 'reset', snapshot: v2 })).toEqual(initialEditState(v2));
    expect(editReducer(edited, { type: 'saved', snapshot: v2 })).toEqual(initialEditState(v2));
  });

  it('requires the Finnish name and sends emptied optional fields as null', () => {
    expect(validatePartyForm({ ...v1.values, fi: '  ' })).toEqual({ 'names.fi': 'edit.fiRequired' });
    expect(validatePartyForm(v1.values)).toEqual({});
    expect(toUpdateInput({ fi: ' Jyväskylä ', sv: '', en: 'Jyvaskyla', subRegion: ' ' })).toEqual({
      names: { fi: 'Jyväskylä', sv: null, en: 'Jyvaskyla' },
      subRegion: null,
    });
  });

  it('re-applies only the fields the user changed on top of the newer values', () => {
    const mine = { ...v1.values, sv: 'Jyväskylä stad' };
    const theirs = { ...v1.values, en: 'City of Jyväskylä', sv: 'Jyväskylä' };
    expect(mergeEdits(v1.values, mine, theirs)).toEqual({ ...v1.values, en: 'City of Jyväskylä', sv: 'Jyväskylä stad' });
  });
});
