import { describe, expect, it } from 'vitest';
import type { ShownChangeEvent } from '../../realtime/change-view.js';
import { referencedRecordIds } from './analytics.titles.js';

const event = (before: unknown, after: unknown) => ({ before, after }) as ShownChangeEvent;

describe('referencedRecordIds', () => {
  it('sorts the ids under record keys by type, each once in the order met, at any depth', () => {
    const before = { goalId: 'g1', nested: [{ indicatorId: 'i1' }, { actionIds: ['a1', 'a2', 7] }] };
    const after = { goalId: 'g2', measure: { indicatorId: 'i1', goalId: 'g1' }, actionId: 'a2' };
    expect(referencedRecordIds(event(before, after))).toEqual({
      agreement_goal: ['g1', 'g2'],
      indicator: ['i1'],
      need_action: ['a1', 'a2'],
    });
  });

  it('looks no deeper than a record key, and finds nothing in an event without snapshots', () => {
    expect(referencedRecordIds(event({ goalId: { indicatorId: 'i1' } }, null))).toEqual({
      agreement_goal: [],
      indicator: [],
      need_action: [],
    });
    expect(referencedRecordIds(event(null, null))).toEqual({ agreement_goal: [], indicator: [], need_action: [] });
  });

  it("walks the event's snapshots once", () => {
    let walks = 0;
    const counted = (snapshot: object) =>
      new Proxy(snapshot, {
        ownKeys: (target) => {
          walks++;
          return Reflect.ownKeys(target);
        },
      });
    const ids = referencedRecordIds(event(counted({ goalId: 'g1' }), counted({ indicatorId: 'i1', actionId: 'a1' })));
    expect(ids).toEqual({ agreement_goal: ['g1'], indicator: ['i1'], need_action: ['a1'] });
    expect(walks).toBe(2);
  });
});
