import { describe, expect, it } from 'vitest';
import { countActions } from './needs.lifecycle.js';

describe("a need's actions in numbers", () => {
  const now = new Date('2026-06-15T09:00:00Z');
  const action = (status: string, dueDate: string | null = null) => ({ status, dueDate });

  it('leaves cancelled actions out of both the done and the total, as the register shows "1/4 done"', () => {
    const actions = [
      action('DONE'),
      action('PLANNED'),
      action('IN_PROGRESS'),
      action('PLANNED', '2026-06-01'),
      action('CANCELLED', '2026-06-01'),
    ];
    expect(countActions(actions, now)).toEqual({ total: 4, done: 1, overdue: 1 });
  });

  it('counts nothing when every action is cancelled', () => {
    expect(countActions([action('CANCELLED'), action('CANCELLED')], now)).toEqual({ total: 0, done: 0, overdue: 0 });
  });
});
