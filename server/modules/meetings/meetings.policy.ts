import { hasRole, isSession, type Actor } from '../../auth/actor.js';

/** Roles inside a body that run its meetings: agenda, pointer, attendance, decisions, transitions. */
const RUNS_MEETINGS = new Set(['CHAIR', 'VICE_CHAIR', 'SECRETARY']);

/** Every status of the meeting lifecycle, in order. */
export const MEETING_STATUSES = [
  'PLANNED',
  'AGENDA_PUBLISHED',
  'IN_PROGRESS',
  'HELD',
  'MINUTES_DRAFT',
  'MINUTES_CHECKED',
  'PUBLISHED',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The lifecycle: forward one step at a time; checked minutes may be reopened for a correction. */
export const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  PLANNED: ['AGENDA_PUBLISHED'],
  AGENDA_PUBLISHED: ['IN_PROGRESS'],
  IN_PROGRESS: ['HELD'],
  HELD: ['MINUTES_DRAFT'],
  MINUTES_DRAFT: ['MINUTES_CHECKED'],
  MINUTES_CHECKED: ['PUBLISHED', 'MINUTES_DRAFT'],
  PUBLISHED: [],
};

/** States in which each kind of edit is allowed. */
export const EDITABLE_IN = {
  /** Items added, changed, removed, reordered: not after the meeting is held. */
  agenda: new Set<string>(['PLANNED', 'AGENDA_PUBLISHED', 'IN_PROGRESS']),
  /** The chair's pointer: only while the meeting is in progress. */
  pointer: new Set<string>(['IN_PROGRESS']),
  /** Attendance: from the published agenda until the minutes are checked. */
  attendance: new Set<string>(['AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']),
  /** Decisions: in the meeting, and corrections until the minutes are checked. */
  decision: new Set<string>(['IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']),
  /** The free minutes text: until the minutes are checked. */
  minutes: new Set<string>(['PLANNED', 'AGENDA_PUBLISHED', 'IN_PROGRESS', 'HELD', 'MINUTES_DRAFT']),
  /** A decision's co-edited wording: prepared before and written in the meeting. */
  decisionWording: new Set<string>(['PLANNED', 'AGENDA_PUBLISHED', 'IN_PROGRESS']),
};

/** PUBLIC items are read by every reader of the meeting; the others by the body's members and the secretariat only. */
export type Publicity = 'PUBLIC' | 'PARTLY_SECRET' | 'SECRET';

/**
 * Who may do what with a body's meetings, from the actor's standing roles and
 * current roles in the meeting's body (`roles`, empty for non-members).
 */
export const meetingsPolicy = {
  /** The body's members (observers too), the secretariat and analysts read the meeting. */
  read: (actor: Actor, roles: readonly string[]): boolean =>
    hasRole(actor, 'SECRETARIAT') || hasRole(actor, 'ANALYST') || (actor.kind === 'user' && roles.length > 0),

  /** A secret item's content: the body's members and the secretariat, never analysts or outsiders. */
  readItem: (actor: Actor, roles: readonly string[], publicity: string): boolean =>
    publicity === 'PUBLIC'
      ? meetingsPolicy.read(actor, roles)
      : hasRole(actor, 'SECRETARIAT') || (actor.kind === 'user' && roles.length > 0),

  /** A PLANNED meeting's agenda is a draft: only those who run the meeting see it. */
  seeAgenda: (actor: Actor, roles: readonly string[], status: string): boolean =>
    status !== 'PLANNED' ? meetingsPolicy.read(actor, roles) : meetingsPolicy.manage(actor, roles),

  /** The secretariat and the body's chair, vice-chair and secretary run the meeting. */
  manage: (actor: Actor, roles: readonly string[]): boolean =>
    isSession(actor) && (hasRole(actor, 'SECRETARIAT') || roles.some((r) => RUNS_MEETINGS.has(r))),

  /** Members in every role but observer write the minutes (the secretariat too), while the state allows. */
  editMinutes: (actor: Actor, roles: readonly string[], status: string): boolean =>
    isSession(actor) && EDITABLE_IN.minutes.has(status) && (hasRole(actor, 'SECRETARIAT') || roles.some((r) => r !== 'OBSERVER')),

  /** The same writers co-edit a decision's wording they may read, before and during the meeting. */
  editDecisionWording: (actor: Actor, roles: readonly string[], status: string, publicity: string): boolean =>
    isSession(actor) &&
    EDITABLE_IN.decisionWording.has(status) &&
    meetingsPolicy.readItem(actor, roles, publicity) &&
    (hasRole(actor, 'SECRETARIAT') || roles.some((r) => r !== 'OBSERVER')),

  /**
   * Being in the meeting (joinMeeting, leaveMeeting, presence others see): those who take part in it, the
   * body's members in any role (observers too) and the secretariat that runs it, signed in with a session,
   * not a token. Reading is not enough: analysts read every meeting but take part in none (FORBIDDEN).
   */
  join: (actor: Actor, roles: readonly string[]): boolean =>
    isSession(actor) && (hasRole(actor, 'SECRETARIAT') || roles.length > 0),

  /** Removing personal data from published minutes is the secretariat's task. */
  removePersonalData: (actor: Actor): boolean => isSession(actor) && hasRole(actor, 'SECRETARIAT'),
};

/** The statuses a meeting may move to from `from`. */
export function allowedTransitions(from: string): readonly MeetingStatus[] {
  return TRANSITIONS[from as MeetingStatus] ?? [];
}
