import type { Db } from '../../db/client.js';
import { badInput } from '../../errors.js';
import type { Quorum } from './meetings.quorum.js';
import * as recordRepo from './meetings.record.repo.js';
import type { AgendaItemRow, MeetingRow } from './meetings.table.js';

/**
 * The lawful record's refusals (Kuntalaki 410/2015 §§ 102-103): each checks one rule and throws BAD_USER_INPUT with
 * its `reason`, so the writes of the agenda, the room and the record read as parse, check, write.
 */

/** BAD_USER_INPUT (`reason: UNDECIDED_ITEMS`, `items`) when some items have no decision; `field` names the argument. */
export function refuseUndecided(items: readonly AgendaItemRow[], field: string): void {
  const open = items.filter((i) => !i.decisionMode);
  if (open.length === 0) return;
  // As Finnish minutes write it, and the client and the PDF: "5 § Title".
  const list = open.map((i) => `${i.section != null ? `${i.section} § ` : ''}${i.title}`).join('; ');
  throw badInput({ [field]: `Items without a decision: ${list}` }, 'Every item needs a decision first', {
    reason: 'UNDECIDED_ITEMS',
    items: open.map((i) => ({ id: i.id, section: i.section, title: i.title })),
  });
}

/** BAD_USER_INPUT (`reason: NO_QUORUM`, `quorum`) when the meeting has no quorum. */
export function refuseWithoutQuorum(q: Quorum, field: string): void {
  if (q.reached) return;
  throw badInput(
    { [field]: `No quorum: ${q.present} of ${q.members} members present, ${q.required} needed` },
    'The meeting has no quorum: more than half of the members must be present',
    { reason: 'NO_QUORUM', quorum: q },
  );
}

/**
 * BAD_USER_INPUT (`reason: TOO_MANY_VOTES`, `quorum`) when more votes were cast than voting members are present:
 * each seat filled (by its member or the deputy standing in) casts at most one vote, for, against or blank.
 */
export function refuseVotesOverPresent(
  votes: { for: number; against: number; abstain: number } | null | undefined,
  q: Quorum,
  field: string,
): void {
  if (!votes) return;
  const cast = votes.for + votes.against + votes.abstain;
  if (cast <= q.present) return;
  throw badInput(
    { [field]: `${cast} votes cast, but only ${q.present} voting members are present` },
    'More votes than voting members present',
    { reason: 'TOO_MANY_VOTES', cast, quorum: q },
  );
}

/**
 * BAD_USER_INPUT (`reason: MINUTES_CHECKED`, `checkedBy`: the person ids) when a checker has checked the minutes:
 * the checkers attest the minutes as they read them, so what the minutes publish (attendance, the decisions, the minutes
 * text) stays as checked until the minutes are reopened for a correction (`reopenMinutesForCorrection`, which clears the
 * checks). Read in the write, the meeting locked (as `checkMinutes` locks it), so a change and a check never race.
 */
export async function refuseChecked(tx: Db, meeting: MeetingRow, field: string): Promise<void> {
  if (meeting.status !== 'MINUTES_DRAFT' && meeting.status !== 'MINUTES_CHECKED') return;
  const checked = (await recordRepo.listCheckers(tx, [meeting.id])).filter((c) => c.checkedAt);
  if (checked.length === 0 && meeting.status === 'MINUTES_DRAFT') return;
  throw badInput(
    { [field]: 'A minutes checker has checked the minutes: reopen them for a correction first' },
    'The minutes have been checked',
    { reason: 'MINUTES_CHECKED', checkedBy: checked.map((c) => c.personId) },
  );
}

/**
 * BAD_USER_INPUT (`reason: VOTES_ONLY_FOR_VOTE`) naming `field` when vote counts come with a decision that was not
 * taken by vote: only a VOTE has counts (a unanimous decision, a tabled or returned item, a noting has none). A VOTE
 * without its counts is refused by the input's own rule (`recordDecisionInput`).
 */
export function refuseVotesOutsideVote(
  input: { mode: string; votes?: { for: number; against: number; abstain: number } | null },
  field: string,
): void {
  if (input.mode === 'VOTE' || !input.votes) return;
  throw badInput(
    { [field]: `A decision recorded as ${input.mode} has no vote counts: record the mode VOTE, or leave the counts out` },
    'Vote counts belong to a vote',
    { reason: 'VOTES_ONLY_FOR_VOTE', mode: input.mode },
  );
}
