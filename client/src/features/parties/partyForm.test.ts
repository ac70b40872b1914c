import { describe, expect, it } from 'vitest';
import {
  changedMeanwhile,
  currentValues,
  editReducer,
  initialEditState,
  isDirty,
  toUpdateInput,
  validatePartyForm,
  type EditEvent,
  type Snapshot,
} from './partyForm';

const v1: Snapshot = { version: 1, values: { fi: 'Jyväskylä', sv: 'Jyväskylä', en: '', subRegion: 'Jyväskylä' } };
const v2: Snapshot = { version: 2, values: { ...v1.values, en: 'City of Jyväskylä' } };
const run = (events: EditEvent[]) => events.reduce(editReducer, initialEditState(v1));

describe('party edit form', () => {
  it('follows a live change silently while the form has no edits', () => {
    const state = run([{ type: 'server', snapshot: v2 }]);
    expect(state).toEqual(initialEditState(v2));
    expect(changedMeanwhile(state)).toBe(false);
  });

  it('keeps what the user typed and notes the newer version when a live change arrives', () => {
    const state = run([
      { type: 'edit', field: 'names.sv', value: 'Jyväskylä stad' },
      { type: 'server', snapshot: v2 },
    ]);
    expect(currentValues(state)).toEqual({ ...v2.values, sv: 'Jyväskylä stad' });
    expect(state.base.version).toBe(1);
    expect(changedMeanwhile(state)).toBe(true);
  });

  it('treats a live change equal to the edits as nothing to protect', () => {
    const state = run([
      { type: 'edit', field: 'names.en', value: 'City of Jyväskylä ' },
      { type: 'server', snapshot: v2 },
    ]);
    expect(state).toEqual(initialEditState(v2));
  });

  it('is clean again when the user types the original value back', () => {
    const state = run([
      { type: 'edit', field: 'subRegion', value: 'Keski-Suomi' },
      { type: 'edit', field: 'subRegion', value: 'Jyväskylä' },
    ]);
    expect(isDirty(state)).toBe(false);
  });

  it('ignores an event for a version it already has', () => {
    const state = initialEditState(v2);
    expect(editReducer(state, { type: 'server', snapshot: v1 })).toBe(state);
  });

  it('records a conflict with the version it tried to save on', () => {
    const state = run([
      { type: 'edit', field: 'names.fi', value: 'Jyväskylän kaupunki' },
      { type: 'conflict', currentVersion: 2 },
    ]);
    expect(state.conflict).toEqual({ currentVersion: 2, attemptedBase: 1 });
    expect(currentValues(state).fi).toBe('Jyväskylän kaupunki');
  });

  it('starts over from a snapshot after a save or when keeping theirs', () => {
    const state = run([
      { type: 'edit', field: 'names.fi', value: 'X' },
      { type: 'conflict', currentVersion: 2 },
    ]);
    expect(editReducer(state, { type: 'reset', snapshot: v2 })).toEqual(initialEditState(v2));
    expect(editReducer(state, { type: 'saved', snapshot: v2 })).toEqual(initialEditState(v2));
  });

  it('requires the Finnish name and sends emptied optional fields as null', () => {
    expect(validatePartyForm({ ...v1.values, fi: '  ' })).toEqual({ 'names.fi': 'edit.fiRequired' });
    expect(validatePartyForm(v1.values)).toEqual({});
    expect(toUpdateInput({ fi: ' Jyväskylä ', sv: '', en: 'Jyvaskyla', subRegion: ' ' })).toEqual({
      names: { fi: 'Jyväskylä', sv: null, en: 'Jyvaskyla' },
      subRegion: null,
    });
  });
});
