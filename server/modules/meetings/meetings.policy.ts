import { hasRole, isSession, type Actor } from '../../auth/actor.js';
import type { EditLockReason } from '../documents/documents.policy.js';

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

/**
 * Why the caller may not write the minutes or a decision's wording for who they are, the state apart: null for the
 * secretariat and the body's members in a role other than observer, signed in with a session.
 */
function writerLock(actor: Actor, roles: readonly string[]): EditLockReason | null {
  if (!isSession(actor)) return 'API_TOKEN';
  if (hasRole(actor, 'SECRETARIAT') || roles.some((r) => r !== 'OBSERVER')) return null;
  return roles.length > 0 ? 'OBSERVER' : 'NOT_MEMBER';
}

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

  /**
   * An item's content as the agenda shows it (beyond its place, title and case number): on an agenda the caller sees
   * (`seeAgenda`, by the meeting's status now), of a publicity they read. The one rule of the agenda's full items, the
   * decision and minutes documents, attachments and the items' events in the audit stream.
   */
  readItemOnAgenda: (actor: Actor, roles: readonly string[], status: string, publicity: string): boolean =>
    meetingsPolicy.seeAgenda(actor, roles, status) && meetingsPolicy.readItem(actor, roles, publicity),

  /** The secretariat and the body's chair, vice-chair and secretary run the meeting. */
  manage: (actor: Actor, roles: readonly string[]): boolean =>
    isSession(actor) && (hasRole(actor, 'SECRETARIAT') || roles.some((r) => RUNS_MEETINGS.has(r))),

  /**
   * Why the caller may not write the minutes now, or null when they may: checked or published minutes are locked for
   * everyone, and so are draft minutes once one checker has checked them (`checked`: BEING_CHECKED, until the minutes
   * are reopened for a correction); before that the body's members in every role but observer write them, and the
   * secretariat. The one rule behind `editMinutes`, the refusal of a push and the reason the API gives
   * (`editLockReason`, `minutesLockReason`).
   */
  minutesLock: (actor: Actor, roles: readonly string[], status: string, checked = false): EditLockReason | null => {
    if (status === 'PUBLISHED') return 'PUBLISHED';
    if (status === 'MINUTES_CHECKED') return 'CHECKED';
    if (checked && status === 'MINUTES_DRAFT') return 'BEING_CHECKED';
    if (!EDITABLE_IN.minutes.has(status)) return 'CLOSED';
    // Those who may not read the draft (a PLANNED meeting's, as its agenda) do not write it either.
    return writerLock(actor, roles) ?? (meetingsPolicy.seeAgenda(actor, roles, status) ? null : 'NOT_ALLOWED');
  },

  /** Members in every role but observer write the minutes (the secretariat too), while the state allows. */
  editMinutes: (actor: Actor, roles: readonly string[], status: string, checked = false): boolean =>
    meetingsPolicy.minutesLock(actor, roles, status, checked) === null,

  /**
   * Why the caller may not co-edit a decision's wording now, or null when they may: after the meeting it is closed
   * for everyone; before that the same writers as the minutes' (`minutesLock`), of an item they may read.
   */
  decisionWordingLock: (actor: Actor, roles: readonly string[], status: string, publicity: string): EditLockReason | null => {
    if (!EDITABLE_IN.decisionWording.has(status)) return 'CLOSED';
    const lock = writerLock(actor, roles);
    if (lock) return lock;
    // The writers read every item (the secretariat, the body's members); kept so that the rule can never grant more.
    return meetingsPolicy.readItem(actor, roles, publicity) ? null : 'NOT_MEMBER';
  },

  /** The same writers co-edit a decision's wording they may read, before and during the meeting. */
  editDecisionWording: (actor: Actor, roles: readonly string[], status: string, publicity: string): boolean =>
    meetingsPolicy.decisionWordingLock(actor, roles, status, publicity) === null,

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
