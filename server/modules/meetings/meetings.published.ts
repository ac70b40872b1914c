import { atHelsinkiClock, today } from '../../lib/dates.js';
import type { AgendaItemRow, MeetingRow, PublishedMinutesValue } from './meetings.table.js';

/**
 * Days from publication until personal data must leave the minutes: the
 * notice is deemed received on the 7th day and the appeal (oikaisuvaatimus)
 * period is 14 days from then (Kuntalaki 410/2015 §§ 134, 140).
 */
export const PERSONAL_DATA_DAYS = 21;

/** What replaces a removed name in free text. */
export const REMOVED_NAME = '[nimi poistettu]';

/** The facts the public copy is built from, already loaded by the service. */
export interface PublishedSource {
  meeting: MeetingRow;
  bodyName: PublishedMinutesValue['bodyName'];
  chair: string | null;
  secretary: string | null;
  items: AgendaItemRow[];
  attendance: PublishedMinutesValue['attendance'];
  personName: (id: string | null) => string | null;
  minutesText: string;
  /** The elected checkers (names) and when each checked. */
  checkers?: PublishedMinutesValue['checkers'];
  appealInstructions?: PublishedMinutesValue['appealInstructions'];
  /** Actions each decision created, by item id. */
  actionsByItem?: Map<string, NonNullable<PublishedMinutesValue['items'][number]['actions']>>;
}

/**
 * The public copy of the minutes: PUBLIC items in full; a PARTLY_SECRET or
 * SECRET item only with its § number, title, case number (the register entry is
 * public) and legal basis (the content never enters the copy, so no later bug can leak it).
 */
export function buildPublished(src: PublishedSource): PublishedMinutesValue {
  return {
    bodyName: src.bodyName,
    title: src.meeting.title,
    startsAt: src.meeting.startsAt.toISOString(),
    location: src.meeting.location,
    chair: src.chair,
    secretary: src.secretary,
    attendance: src.attendance,
    items: src.items.map((i) => {
      const open = i.publicity === 'PUBLIC';
      return {
        section: i.section,
        title: i.title,
        publicity: i.publicity,
        legalBasis: i.legalBasis,
        caseNumber: i.caseNumber,
        presenter: open ? src.personName(i.presenterId) : null,
        preparer: open ? src.personName(i.preparerId) : null,
        proposal: open ? i.proposal : null,
        handling: open ? i.handling : null,
        decision: open ? i.decision : null,
        decisionMode: open ? i.decisionMode : null,
        votes:
          open && i.votesFor != null ? { for: i.votesFor, against: i.votesAgainst ?? 0, abstain: i.votesAbstain ?? 0 } : null,
        quorum: i.quorumMembers != null ? { present: i.quorumPresent ?? 0, members: i.quorumMembers } : null,
        actions: open ? (src.actionsByItem?.get(i.id) ?? []) : [],
      };
    }),
    minutesText: src.minutesText,
    checkers: src.checkers ?? [],
    appealInstructions: src.appealInstructions ?? null,
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The copy without personal data: names dropped from the structured fields
 * and replaced in free text. Parties, titles and decisions stay.
 */
export function withoutPersonalData(copy: PublishedMinutesValue): PublishedMinutesValue {
  const names = new Set<string>();
  const add = (n: string | null | undefined) => {
    if (!n) return;
    names.add(n);
    // "Aino Demola (demo)" is also written "Aino Demola".
    const bare = n.replace(/\s*\([^)]*\)\s*$/, '').trim();
    if (bare.length > 3) names.add(bare);
  };
  add(copy.chair);
  add(copy.secretary);
  copy.attendance.forEach((a) => (add(a.name), add(a.deputyFor)));
  copy.items.forEach((i) => (add(i.presenter), add(i.preparer)));
  copy.checkers?.forEach((c) => add(c.name));
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : null;
  const scrub = (text: string | null): string | null => (text && pattern ? text.replace(pattern, REMOVED_NAME) : text);
  return {
    ...copy,
    chair: null,
    secretary: null,
    attendance: copy.attendance.map((a) => ({ ...a, name: null, deputyFor: null })),
    items: copy.items.map((i) => ({
      ...i,
      presenter: null,
      preparer: null,
      proposal: scrub(i.proposal),
      handling: scrub(i.handling),
      decision: scrub(i.decision),
    })),
    minutesText: scrub(copy.minutesText) ?? '',
    // When each checker checked stays: it is the record's, not a person's.
    checkers: copy.checkers?.map((c) => ({ ...c, name: null })),
  };
}

/**
 * Whether the public copy may no longer name anyone: the secretariat removed the names (`removePersonalData`), or
 * the removal date (the appeal period's end, `personalDataRemovalDue`) has come on the clock in Finland (`day`, today
 * by default), whether or not anyone removed them. The same day `removePersonalData` allows the removal from.
 */
export function personalDataGone(
  m: Pick<MeetingRow, 'personalDataRemovedAt' | 'personalDataRemovalDue'>,
  day: string = today(),
): boolean {
  return m.personalDataRemovedAt != null || (m.personalDataRemovalDue != null && m.personalDataRemovalDue <= day);
}

/**
 * The copy as every public read gives it (the minutes page, its PDF, the API, the OParl feed): from the removal
 * date on without personal data, computed as it is read until the secretariat's removal rewrites the stored copy.
 */
export function publicCopy(m: MeetingRow, day: string = today()): PublishedMinutesValue | null {
  if (!m.published || m.personalDataRemovedAt != null || !personalDataGone(m, day)) return m.published;
  return withoutPersonalData(m.published);
}

/**
 * When the public copy last changed: the row's `updatedAt`, or, once the removal date has taken the names out of it
 * with no write (`personalDataGone` by the date alone), that day's start in Finland if later. A harvester that asks
 * for what changed since (OParl's `modified_since`) then fetches the copy without the names again.
 */
export function publicModifiedAt(
  m: Pick<MeetingRow, 'updatedAt' | 'personalDataRemovedAt' | 'personalDataRemovalDue'>,
  day: string = today(),
): Date {
  const updatedAt = new Date(m.updatedAt);
  if (m.personalDataRemovedAt != null || m.personalDataRemovalDue == null || !personalDataGone(m, day)) return updatedAt;
  const due = atHelsinkiClock(m.personalDataRemovalDue, 0);
  return due > updatedAt ? due : updatedAt;
}
