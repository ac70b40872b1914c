import { describe, expect, it } from 'vitest';
import { formatShare, measureFormText, parseYear, readTarget, reportPath, targetMessages } from './goals.util';

describe('goals.util', () => {
  it("starts a measure's edit from the stored baseline: empty when the imported value is used", () => {
    const measure = {
      indicator: { id: 'i1' },
      party: { id: 'p1' },
      baselineYear: 2021,
      baselineValue: 5.1,
      storedBaselineValue: null,
      targetYear: 2028,
      targetValue: 5.5,
      note: null,
    };
    const text = measureFormText(measure, 'fi');
    expect(text).toEqual({
      indicatorId: 'i1',
      partyId: 'p1',
      baselineYear: '2021',
      baselineValue: '',
      targetYear: '2028',
      targetValue: '5,5',
      note: '',
    });
    // Saved with only the target changed, the baseline goes back as null (the imported value still).
    const read = readTarget({ ...text, targetValue: '6' });
    expect(read.ok && read.figures.baselineValue).toBeNull();
    expect(measureFormText({ ...measure, storedBaselineValue: 4.25 }, 'fi').baselineValue).toBe('4,25');
    expect(measureFormText(undefined, 'fi').baselineValue).toBe('');
  });

  it('reads years 1900–2100 only', () => {
    expect(parseYear('2027')).toBe(2027);
    expect(parseYear('27')).toBeNaN();
    expect(parseYear('2027.5')).toBeNaN();
  });

  it('words shares as whole percentages in the language', () => {
    expect(formatShare(0.754, 'en')).toBe('75%');
    expect(formatShare(0.5, 'fi').replace(/\s/g, ' ')).toBe('50 %');
  });

  it('points to the report of a year', () => {
    expect(reportPath('a', 'g', 2025)).toBe('/agreements/a/goals/g/report?year=2025');
  });

  it("reads a target's figures as the server checks them, or says what is wrong with each field", () => {
    const text = {
      indicatorId: 'i1',
      partyId: 'p1',
      baselineYear: ' 2021 ',
      baselineValue: '',
      targetYear: '2030',
      targetValue: '12,5',
    };
    expect(readTarget(text)).toEqual({
      ok: true,
      figures: { indicatorId: 'i1', partyId: 'p1', baselineYear: 2021, baselineValue: null, targetYear: 2030, targetValue: 12.5 },
    });
    expect(readTarget({ ...text, targetYear: '2020' })).toEqual({ ok: false, problems: { targetYear: 'targetBeforeBaseline' } });
    expect(readTarget({ ...text, targetYear: '2021' }).ok).toBe(true);
    expect(
      readTarget({ indicatorId: '', partyId: '', baselineYear: '21', baselineValue: 'x', targetYear: '', targetValue: '' }),
    ).toEqual({
      ok: false,
      problems: {
        indicatorId: 'required',
        partyId: 'required',
        baselineYear: 'year',
        targetYear: 'year',
        baselineValue: 'number',
        targetValue: 'required',
      },
    });
    expect(readTarget({ ...text, baselineYear: '2500', targetValue: '1.2.3' })).toEqual({
      ok: false,
      problems: { baselineYear: 'year', targetValue: 'number' },
    });
    expect(targetMessages({ targetYear: 'year' }, () => 'goals.measure.year')).toEqual({ targetYear: 'goals.measure.year' });
  });
});
