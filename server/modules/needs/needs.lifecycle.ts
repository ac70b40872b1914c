import { isOverdue } from '../../lib/dates.js';

/** Statuses of a need, in lifecycle order (contract `NeedStatus`). */
export const NEED_STATUSES = [
  'IDENTIFIED',
  'UNDER_ANALYSIS',
  'AGREED',
  'IN_PROGRESS',
  'MONITORING',
  'RESOLVED',
  'ESCALATED',
  'REJECTED',
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/**
 * The allowed transitions. The main line runs IDENTIFIED → … → RESOLVED; a
 * need may be escalated to a body of a higher tier (which then owns it and
 * takes it up again), rejected with a reason, and reopened.
 */
export const TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  IDENTIFIED: ['UNDER_ANALYSIS', 'ESCALATED', 'REJECTED'],
  UNDER_ANALYSIS: ['AGREED', 'IDENTIFIED', 'ESCALATED', 'REJECTED'],
  AGREED: ['IN_PROGRESS', 'UNDER_ANALYSIS', 'ESCALATED', 'REJECTED'],
  IN_PROGRESS: ['MONITORING', 'AGREED', 'ESCALATED'],
  MONITORING: ['RESOLVED', 'IN_PROGRESS', 'ESCALATED'],
  RESOLVED: ['MONITORING'],
  ESCALATED: ['UNDER_ANALYSIS', 'AGREED', 'REJECTED'],
  REJECTED: ['IDENTIFIED'],
};

/** The statuses a need may move to from `from` (empty for an unknown status). */
export function allowedTransitions(from: string): readonly NeedStatus[] {
  return TRANSITIONS[from as NeedStatus] ?? [];
}

/** Action statuses after which a due date no longer matters. */
const CLOSED_ACTION_STATUSES: ReadonlySet<string> = new Set(['DONE', 'CANCELLED']);

/** An action is overdue when its due date is a day past in Finland and it is neither done nor cancelled. */
export const isActionOverdue = (a: { dueDate: string | null; status: string }, now: Date = new Date()): boolean =>
  !CLOSED_ACTION_STATUSES.has(a.status) && isOverdue(a.dueDate, now);

/**
 * A need's actions in numbers (GraphQL ActionCounts): a cancelled action is left out of the total and the done,
 * so "1/4 done" reads against the work still meant to happen; overdue as isActionOverdue.
 */
export function countActions(
  actions: readonly { dueDate: string | null; status: string }[],
  now: Date = new Date(),
): { total: number; done: number; overdue: number } {
  const counted = actions.filter((a) => a.status !== 'CANCELLED');
  return {
    total: counted.length,
    done: counted.filter((a) => a.status === 'DONE').length,
    overdue: counted.filter((a) => isActionOverdue(a, now)).length,
  };
}
