/** What the front page picks out of its query: pure, so it is tested without a browser. */

import { finnishDayBoundary, todayInFinland } from '../../i18n/i18n';

export interface HomeAction {
  id: string;
  dueDate?: string | null;
  overdue: boolean;
}

/** Overdue first, then by due date (undated last), then as given. */
export function actionsByUrgency<T extends HomeAction>(actions: readonly T[]): T[] {
  return actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => {
      if (a.action.overdue !== b.action.overdue) return a.action.overdue ? -1 : 1;
      const da = a.action.dueDate ?? '9999-12-31';
      const db = b.action.dueDate ?? '9999-12-31';
      return da === db ? a.index - b.index : da < db ? -1 : 1;
    })
    .map(({ action }) => action);
}

export interface HomeAgreement {
  id: string;
  parties: readonly { id: string }[];
  ratifications: readonly { outcome: string; party: { id: string } }[];
}

/** Agreements the party is a party to whose decision is still pending (or not yet recorded at all). */
export function awaitingDecision<T extends HomeAgreement>(agreements: readonly T[], partyId: string): T[] {
  return agreements.filter((a) => {
    if (!a.parties.some((p) => p.id === partyId)) return false;
    const own = a.ratifications.find((r) => r.party.id === partyId);
    return !own || own.outcome === 'PENDING';
  });
}

/** Meetings from the start of the local day (a meeting under way this morning still counts as coming). */
export function startOfToday(now = new Date()): string {
  return finnishDayBoundary(todayInFinland(now)) ?? now.toISOString();
}

/** The next meetings, soonest first; those in progress lead. */
export function comingMeetings<T extends { startsAt: string; status: string }>(meetings: readonly T[], limit = 5): T[] {
  const open = meetings.filter(
    (m) => m.status !== 'PUBLISHED' && m.status !== 'MINUTES_CHECKED' && m.status !== 'MINUTES_DRAFT' && m.status !== 'HELD',
  );
  return [...open]
    .sort((a, b) => {
      const live = Number(b.status === 'IN_PROGRESS') - Number(a.status === 'IN_PROGRESS');
      return live || a.startsAt.localeCompare(b.startsAt);
    })
    .slice(0, limit);
}
