import { describe, expect, it } from 'vitest';
import { publicResidents, publicResidentsSum, suppressInSnapshot } from './needs.privacy.js';

describe('small-count suppression', () => {
  it('never returns an estimate under five', () => {
    expect(publicResidents(0)).toBeNull();
    expect(publicResidents(4)).toBeNull();
    expect(publicResidents(5)).toBe(5);
    expect(publicResidents(null)).toBeNull();
  });

  it('sums only public estimates, so two aggregates never reveal a suppressed one by their difference', () => {
    expect(publicResidentsSum([100, 3])).toBe(100);
    expect(publicResidentsSum([3, 4])).toBeNull();
    expect(publicResidentsSum([])).toBeNull();
  });

  it('suppresses the estimate inside a snapshot and leaves other fields alone', () => {
    expect(suppressInSnapshot({ title: 'x', estimatedResidents: 2 })).toEqual({ title: 'x', estimatedResidents: null });
    expect(suppressInSnapshot({ title: 'x', estimatedResidents: 40 })).toEqual({ title: 'x', estimatedResidents: 40 });
    expect(suppressInSnapshot(null)).toBeNull();
  });
});
