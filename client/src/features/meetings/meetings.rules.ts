import type { ApiError } from '../../graphql/errors';
import type { MeetingStatus } from '../../graphql/generated/graphql';
import { isoToLocalInput, localInputToIso } from '../../i18n/i18n';

/** The lifecycle in order; a move to an earlier status is a return, not a step forward. */
const lifecycle: readonly MeetingStatus[] = [
  'PLANNED',
  'AGENDA_PUBLISHED',
  'IN_PROGRESS',
  'HELD',
  'MINUTES_DRAFT',
  'MINUTES_CHECKED',
  'PUBLISHED',
];

/** True when moving from `from` to `to` goes back in the lifecycle (e.g. checked minutes reopened for a correction). */
export function isBackward(from: MeetingStatus, to: MeetingStatus): boolean {
  return lifecycle.indexOf(to) < lifecycle.indexOf(from);
}

/** Why a transition the server lists cannot be taken now, judged from what the client already knows. */
export type TransitionBlocker = 'emptyAgenda';

/** The reason a transition is not offered, or undefined: an agenda without items cannot be published. */
export function transitionBlocker(to: MeetingStatus, meeting: { agenda: readonly unknown[] }): TransitionBlocker | undefined {
  return to === 'AGENDA_PUBLISHED' && meeting.agenda.length === 0 ? 'emptyAgenda' : undefined;
}

/**
 * True for the moves that cannot be undone and weigh most, which the client confirms before sending: publishing
 * the agenda (the members are notified at once; a notification cannot be taken back), ending the meeting (HELD → IN_PROGRESS is refused, the decisions made stay as they are) and publishing the minutes (public,
 * never changed again).
 */
export function needsConfirmation(from: MeetingStatus, to: MeetingStatus): boolean {
  return (
    (from === 'PLANNED' && to === 'AGENDA_PUBLISHED') ||
    (from === 'IN_PROGRESS' && to === 'HELD') ||
    (from === 'MINUTES_CHECKED' && to === 'PUBLISHED')
  );
}

/**
 * Whether the agenda's § numbers are public (from its publication on): the server then keeps every item's number,
 * refuses removing an item (SECTIONS_PUBLISHED) and takes a new order as the order of handling only.
 */
export function sectionsPublished(status: MeetingStatus): boolean {
  return status !== 'PLANNED';
}

/** How many agenda items have no decision recorded yet. */
export function undecidedCount(agenda: readonly { decisionMode?: string | null }[]): number {
  return agenda.filter((i) => !i.decisionMode).length;
}

/** The server's refusal of a transition reduced to a known reason (its `fields.to` is English for logs). */
export function transitionRefusal(error: ApiError | undefined): TransitionBlocker | undefined {
  if (error?.code !== 'BAD_USER_INPUT') return undefined;
  return /no items/i.test(error.fields['to'] ?? '') ? 'emptyAgenda' : undefined;
}

/** The longest meeting title the server accepts. */
export const MAX_MEETING_TITLE = 300;

/** What is wrong with one field of the new-meeting form; `past` is a start already gone (the form asks once). */
export type NewMeetingProblem = 'required' | 'tooLong' | 'invalid' | 'past';

/** The new-meeting form's fields, as typed. */
export interface NewMeetingValues {
  title: string;
  /**
   * The date-and-time field's value (DateTimeField): "2026-12-10T10:00" when complete, "" when empty, else with
   * the part missing or as typed ("2026-12-10T", "T10:00", "2026-12-10T25:61").
   */
  startsAt: string;
}

/**
 * The form's problems by field, in the order the fields appear (the first one gets focus): the start's date part is
 * `startsAt`, its time part `startsAtTime`, each marked for itself. A start before `now` is `past`.
 */
export function validateNewMeeting(
  values: NewMeetingValues,
  now: Date = new Date(),
): Partial<Record<keyof NewMeetingValues | 'startsAtTime', NewMeetingProblem>> {
  const problems: Partial<Record<keyof NewMeetingValues | 'startsAtTime', NewMeetingProblem>> = {};
  const title = values.title.trim();
  if (title === '') problems.title = 'required';
  else if (title.length > MAX_MEETING_TITLE) problems.title = 'tooLong';
  const split = values.startsAt.indexOf('T');
  const [date, time] =
    split < 0 ? [values.startsAt.trim(), ''] : [values.startsAt.slice(0, split).trim(), values.startsAt.slice(split + 1).trim()];
  // A date that is no date is marked by the date field itself (DateField), which keeps the form from sending.
  if (date === '') problems.startsAt = 'required';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.startsAt = 'invalid';
  if (time === '') problems.startsAtTime = 'required';
  else if (!/^\d{2}:\d{2}$/.test(time) || localToIso(`${date || '2000-01-01'}T${time}`) === undefined)
    problems.startsAtTime = 'invalid';
  const iso = problems.startsAt || problems.startsAtTime ? undefined : localToIso(values.startsAt);
  if (iso !== undefined && iso < now.toISOString()) problems.startsAt = 'past';
  return problems;
}

/**
 * A `datetime-local` value as the instant it means on the clock in Finland (meetings are held there,
 * and times are shown that way for everyone); undefined unless it is a real date and time.
 */
export function localToIso(local: string): string | undefined {
  const value = local.trim().slice(0, 16);
  const iso = localInputToIso(value);
  // A value like 2026-13-45T99:00 would roll over into another date: only a round trip proves it real.
  return iso !== undefined && isoToLocalInput(iso) === value ? iso : undefined;
}

/**
 * The accessible name of an agenda entry from its visible parts, separated so
 * that a screen reader does not run "12 §" into the title: "12 §, Title, decided".
 */
export function agendaEntryName(parts: readonly (string | null | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(', ');
}

/**
 * True when what the page shows is older than a version of the same meeting the
 * client has already seen (a late event overwrote a newer mutation result).
 */
export function isStale(shown: { version: number }, newestSeen: number | undefined): boolean {
  return newestSeen !== undefined && shown.version < newestSeen;
}

/**
 * The parts of a meeting's subtitle ("body · time · place · status") that have something to show, in order:
 * an empty part (a meeting without a place) leaves no separator behind, at the end or between two others.
 */
export function subtitleParts<T>(parts: readonly (T | string | null | undefined | false)[]): (T | string)[] {
  return parts.filter(
    (p): p is T | string => p !== null && p !== undefined && p !== false && !(typeof p === 'string' && p.trim() === ''),
  );
}
