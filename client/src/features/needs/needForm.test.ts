import { describe, expect, it } from 'vitest';
import {
  currentValues,
  editReducer,
  editedFields,
  emptyNeedForm,
  initialEditState,
  toCreateInput,
  toUpdateInput,
  changedMeanwhile,
  validateNeedForm,
} from './needForm';

const v1 = { version: 1, values: { ...emptyNeedForm, title: 'Alku', summary: 'Kuvaus', municipalityIds: ['m'] } };
const v2 = { version: 2, values: { ...v1.values, summary: 'Heidän kuvauksensa' } };

describe('the need edit form', () => {
  it("keeps the user's edit when someone else saves, and follows fields the user did not touch", () => {
    let s = editReducer(initialEditState(v1), { type: 'edit', field: 'title', value: 'Minun otsikkoni' });
    s = editReducer(s, { type: 'server', snapshot: v2 });
    expect(currentValues(s)).toMatchObject({ title: 'Minun otsikkoni', summary: 'Heidän kuvauksensa' });
    expect(changedMeanwhile(s)).toBe(true);
  });

  it('after a conflict, re-applies only the fields the user changed over the newest version', () => {
    let s = editReducer(initialEditState(v1), { type: 'edit', field: 'title', value: 'Minun otsikkoni' });
    s = editReducer(s, { type: 'server', snapshot: v2 });
    s = editReducer(s, { type: 'conflict', currentVersion: 2 });
    expect(s.conflict).toEqual({ currentVersion: 2, attemptedBase: 1 });
    expect(editedFields(s)).toEqual(['title']);
    expect(toUpdateInput(currentValues(s), editedFields(s))).toEqual({ title: 'Minun otsikkoni' });
  });

  it('follows a live change when the form is clean', () => {
    const s = editReducer(initialEditState(v1), { type: 'server', snapshot: v2 });
    expect(s).toEqual(initialEditState(v2));
  });

  it('checks the estimate of residents before sending: a whole number 0–10 000 000, grouped or not', () => {
    const form = (estimatedResidents: string) => ({ ...v1.values, estimatedResidents });
    expect(validateNeedForm(form('-5')).estimatedResidents).toEqual({ key: 'error.fieldAtLeast', values: { min: 0 } });
    expect(validateNeedForm(form('99999999999')).estimatedResidents).toEqual({
      key: 'error.fieldAtMost',
      values: { max: 10_000_000 },
    });
    expect(validateNeedForm(form('12,5')).estimatedResidents).toBe('error.fieldWholeNumber');
    expect(validateNeedForm(form('1 200'))).toEqual({});
    expect(toCreateInput(form('1 200')).estimatedResidents).toBe(1200);
    expect(toCreateInput(form('')).estimatedResidents).toBeNull();
  });
});
