import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { EVENTS } from '../../realtime/topics.js';
import { suppressInSnapshot } from './needs.privacy.js';
import type { ActionRow, CommentRow, ResponsibilityRow, ServiceNeedRow } from './needs.table.js';

/** Stored columns → the API's field names (history and provenance speak the API's language). */
export const API_FIELD: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  status: 'status',
  statusNote: 'statusNote',
  priority: 'priority',
  targetGroups: 'targetGroups',
  themeCodes: 'themes',
  municipalityIds: 'municipalities',
  partyIds: 'otherParties',
  legalBasis: 'legalBasis',
  estimatedResidents: 'estimatedResidents',
  indicators: 'indicators',
  ownerBodyId: 'ownerBody',
  role: 'role',
  description: 'description',
  dueDate: 'dueDate',
  ownerPartyId: 'ownerParty',
  body: 'body',
};

/** What a need event stores: every column (dates as ISO), the estimate suppressed. */
export function needSnapshot(n: ServiceNeedRow) {
  return suppressInSnapshot(JSON.parse(JSON.stringify(n)) as Record<string, unknown>);
}
/** What a responsibility event stores. */
export function responsibilitySnapshot(r: ResponsibilityRow) {
  return JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
}
/** What an action event stores. */
export function actionSnapshot(a: ActionRow) {
  return JSON.parse(JSON.stringify(a)) as Record<string, unknown>;
}
/** What a comment event stores: never its author (the event's actor is the author, hidden from analysts). */
export function commentSnapshot(c: CommentRow) {
  return { id: c.id, needId: c.needId, body: c.body, createdAt: c.createdAt.toISOString() };
}

/** The API field names whose values differ between two snapshots (for a creation: those set). */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(API_FIELD)) {
    if (!(key in a) && !(key in b)) continue;
    const av = a[key] ?? null;
    const bv = b[key] ?? null;
    const empty = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);
    if (before == null ? !empty(av) : JSON.stringify(av) !== JSON.stringify(bv)) out.push(API_FIELD[key]!);
  }
  return out;
}

const revive = <T>(snap: Record<string, unknown>, dateKeys: string[]): T => {
  const out: Record<string, unknown> = { ...snap };
  for (const k of dateKeys) if (typeof out[k] === 'string') out[k] = new Date(out[k] as string);
  return out as T;
};

/** A need as it stood at a moment, rebuilt from its events up to that moment. */
export interface NeedAsOf {
  need: ServiceNeedRow;
  responsibilities: ResponsibilityRow[];
  actions: ActionRow[];
}

/** Rebuilds a need, its responsibilities and actions from its events (oldest first); undefined before it existed. */
export function rebuildAsOf(events: readonly ChangeEventRow[]): NeedAsOf | undefined {
  let need: ServiceNeedRow | undefined;
  const responsibilities = new Map<string, ResponsibilityRow>();
  const actions = new Map<string, ActionRow>();
  for (const e of events) {
    const after = e.after as Record<string, unknown> | null;
    if (!after) continue;
    if (e.entityType === EVENTS.needCreated.entityType)
      need = revive<ServiceNeedRow>(suppressInSnapshot(after), ['createdAt', 'updatedAt']);
    else if (e.entityType === EVENTS.responsibilitySet.entityType) {
      const r = revive<ResponsibilityRow>(after, ['createdAt', 'updatedAt']);
      responsibilities.set(r.partyId, r);
    } else if (e.entityType === EVENTS.actionCreated.entityType) {
      const a = revive<ActionRow>(after, ['createdAt', 'updatedAt']);
      actions.set(a.id, a);
    }
  }
  if (!need) return undefined;
  const rank = (role: string) => (role === 'LEAD' ? 1 : role === 'CONTRIBUTOR' ? 2 : 3);
  return {
    need,
    responsibilities: [...responsibilities.values()].sort((a, b) => rank(a.role) - rank(b.role)),
    actions: [...actions.values()].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')),
  };
}

/** An action as its latest event (at or before the moment) left it; undefined before it existed. */
export function rebuildActionAsOf(events: readonly ChangeEventRow[]): ActionRow | undefined {
  const last = [...events].reverse().find((e) => e.after && typeof e.after === 'object');
  return last ? revive<ActionRow>(last.after as Record<string, unknown>, ['createdAt', 'updatedAt']) : undefined;
}
