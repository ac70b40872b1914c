import { describe, expect, it } from 'vitest';
import { parseDate, parsePopulation, readPopulationForm } from './populationForm';

describe('population figure form', () => {
  it('reads Finnish and ISO dates and refuses days that do not exist', () => {
    expect(parseDate('31.12.2024')).toBe('2024-12-31');
    expect(parseDate(' 1.2.2021 ')).toBe('2021-02-01');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('29.2.2023')).toBeUndefined();
    expect(parseDate('12/31/2024')).toBeUndefined();
  });

  it('reads a population written with Finnish digit grouping', () => {
    expect(parsePopulation('143 420')).toBe(143420);
    expect(parsePopulation('143\u00a0420')).toBe(143420);
    expect(parsePopulation('-5')).toBeUndefined();
    expect(parsePopulation('12.5')).toBeUndefined();
  });

  it('names every field that needs fixing', () => {
    const result = readPopulationForm({ value: 'x', referenceDate: '', status: 'FINAL', source: ' ' });
    expect(result).toEqual({
      ok: false,
      errors: { value: 'population.valueInvalid', referenceDate: 'error.fieldRequired', source: 'population.sourceRequired' },
    });
  });

  it('says that a date that is no day is no date', () => {
    const result = readPopulationForm({ value: '1', referenceDate: '2023-02-29', status: 'FINAL', source: 'Tilastokeskus' });
    expect(result).toEqual({ ok: false, errors: { referenceDate: 'population.dateInvalid' } });
  });

  it('builds the mutation input from valid values', () => {
    expect(
      readPopulationForm({ value: '145 000', referenceDate: '31.12.2024', status: 'PRELIMINARY', source: 'Tilastokeskus' }),
    ).toEqual({
      ok: true,
      input: { value: 145000, referenceDate: '2024-12-31', status: 'PRELIMINARY', source: 'Tilastokeskus' },
    });
  });

  it('refuses a population above the server’s 10 000 000 before sending', () => {
    const result = readPopulationForm({
      value: '20 000 000',
      referenceDate: '31.12.2024',
      status: 'FINAL',
      source: 'Tilastokeskus',
    });
    expect(result).toEqual({ ok: false, errors: { value: { key: 'error.fieldAtMost', values: { max: 10_000_000 } } } });
  });
});
