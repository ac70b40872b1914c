import { describe, expect, it } from 'vitest';
import { refuseUndecided } from './meetings.record.rules.js';
import type { AgendaItemRow } from './meetings.table.js';

const item = (section: number | null, title: string, decisionMode: string | null = null) =>
  ({ id: `id-${title}`, section, title, decisionMode }) as unknown as AgendaItemRow;

describe('refuseUndecided', () => {
  it('names the undecided items as Finnish minutes do, "5 § Title", and leaves decided ones out', () => {
    let refusal: unknown;
    try {
      refuseUndecided([item(4, 'Kokouksen avaus', 'UNANIMOUS'), item(5, 'Talousarvio'), item(null, 'Muut asiat')], 'meetingId');
    } catch (e) {
      refusal = e;
    }
    expect((refusal as { extensions: { fields: Record<string, string> } }).extensions.fields.meetingId).toBe(
      'Items without a decision: 5 § Talousarvio; Muut asiat',
    );
  });

  it('lets a record whose items are all decided through', () => {
    expect(() => refuseUndecided([item(1, 'Avaus', 'UNANIMOUS')], 'meetingId')).not.toThrow();
  });
});
