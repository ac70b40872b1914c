import type { Db } from '../../db/client.js';
import { badInput } from '../../errors.js';
import type { AuthService } from '../auth/auth.service.js';
import type { Loaders } from '../loaders.js';
import type { PersonsService } from '../parties/persons.service.js';
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

/**
 * Whether a person can check minutes: they have a user account that is not deactivated (ACTIVE, or INVITED: they may
 * still accept the invitation), so they can sign in to check. The rule of `electMinutesCheckers`' NO_ACCOUNT refusal
 * (`refuseWithoutAccount`), `Attendance.canCheckMinutes` and `MinutesChecker.hasAccount`.
 */
function canSignInToCheck(accountStatus: string | null | undefined): boolean {
  return accountStatus != null && accountStatus !== 'DEACTIVATED';
}

/** `canSignInToCheck` of one person, read through the request's loaders (persons and users batch). */
export async function hasCheckingAccount(loaders: Loaders, personId: string): Promise<boolean> {
  const person = await loaders.persons.personById.load(personId);
  const user = person?.userId ? await loaders.users.userById.load(person.userId) : undefined;
  return canSignInToCheck(user?.status);
}

/**
 * BAD_USER_INPUT naming `field` (`reason: NO_ACCOUNT`, `personIds`: those refused, named in the message) unless each
 * of `personIds` can sign in to check the minutes (`canSignInToCheck`): a checker who cannot sign in never checks,
 * and the minutes could never be published.
 */
export async function refuseWithoutAccount(
  tx: Db,
  { persons, auth }: { persons: Pick<PersonsService, 'findManyInTx'>; auth: Pick<AuthService, 'usersInTx'> },
  personIds: readonly string[],
  field: string,
): Promise<void> {
  const people = await persons.findManyInTx(tx, personIds);
  const users = new Map(
    (
      await auth.usersInTx(
        tx,
        people.flatMap((p) => p.userId ?? []),
      )
    ).map((u) => [u.id, u]),
  );
  const refused = personIds
    .map((id) => people.find((p) => p.id === id))
    .filter((p) => p && !canSignInToCheck(p.userId ? users.get(p.userId)?.status : null));
  if (refused.length === 0) return;
  const names = refused.map((p) => p?.name).join(', ');
  throw badInput(
    {
      [field]: `No user account to sign in and check the minutes with: ${names}. Elect a voting member present who has an account`,
    },
    'A minutes checker needs a user account',
    { reason: 'NO_ACCOUNT', personIds: refused.map((p) => p!.id) },
  );
}

/**
 * BAD_USER_INPUT (`reason: MINUTES_CHANGED_AFTER_CHECK`) naming `field` when the minutes document's version is past
 * the version some checker checked (a text stored after a check: see `checkMinutes`). A check from before the version
 * was recorded (null) is taken as before.
 */
export function refuseChangedAfterCheck(
  checkers: readonly { checkedDocumentVersion: number | null }[],
  documentVersion: number | undefined,
  field: string,
): void {
  if (documentVersion === undefined) return;
  const stale = checkers.some((c) => c.checkedDocumentVersion != null && documentVersion > c.checkedDocumentVersion);
  if (!stale) return;
  throw badInput(
    {
      [field]:
        'The minutes text changed after it was checked: reopen the minutes for a correction and have both checkers check them again',
    },
    'The minutes changed after the check',
    { reason: 'MINUTES_CHANGED_AFTER_CHECK' },
  );
}
