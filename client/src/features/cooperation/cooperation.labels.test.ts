import { describe, expect, it } from 'vitest';
import type { RatificationOutcome } from '../../graphql/generated/graphql';
import { cooperationEn } from './cooperation.en';
import { cooperationFi } from './cooperation.fi';
import { cooperationSv } from './cooperation.sv';
import { outcomes } from './cooperation.labels';

describe('ratification outcome labels', () => {
  it('start with a capital, like the other choices (lists, tags, the record form)', () => {
    for (const catalogue of [cooperationFi, cooperationSv, cooperationEn]) {
      const labels = outcomes.map((o: RatificationOutcome) => catalogue[`agr.outcome.${o}`]);
      // Before: "hyväksytty", "odottaa", "godkänt", "pending"…
      for (const label of labels) expect(label, label).toMatch(/^\p{Lu}/u);
    }
    expect(cooperationFi['agr.outcome.APPROVED']).toBe('Hyväksytty');
    // A sentence keeps its words lower-case.
    expect(cooperationFi['agr.progressSummary']).toContain('odottaa');
  });
});
