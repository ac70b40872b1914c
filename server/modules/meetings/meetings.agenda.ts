import type { Actor, UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../../errors.js';
import { addDays, helsinkiDay, helsinkiYear } from '../../lib/dates.js';
import { EVENTS } from '../../realtime/topics.js';
import { rowUpdated, type Writer } from '../../realtime/write.js';
import { parseChanges, parseInput } from '../../validation.js';
import type { AuthService } from '../auth/auth.service.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { DocumentsService } from '../documents/documents.service.js';
import type { Loaders } from '../loaders.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { NotificationHooks } from '../notifications/notifications.service.js';
import type { PersonsService } from '../parties/persons.service.js';
import { refuseIn, type MeetingsAccess } from './meetings.access.js';
import { DECISION_DOC, MINUTES_DOC } from './meetings.documents.js';
import { recordItem, recordMeeting } from './meetings.events.js';
import {
  addAgendaItemInput,
  createMeetingInput,
  decisionActionInput,
  recordDecisionInput,
  transitionInput,
  updateAgendaItemInput,
  updateMeetingInput,
} from './meetings.inputs.js';
import type { AgendaItemModel } from './meetings.models.js';
import type { MeetingPublication } from './meetings.publication.js';
import type { MeetingRecord } from './meetings.record.js';
import {
  refuseChangedAfterCheck,
  refuseChecked,
  refuseUndecided,
  refuseVotesOutsideVote,
  refuseVotesOverPresent,
  refuseWithoutQuorum,
} from './meetings.record.rules.js';
import * as recordRepo from './meetings.record.repo.js';
import { EDITABLE_IN, allowedTransitions, meetingsPolicy } from './meetings.policy.js';
import { PERSONAL_DATA_DAYS } from './meetings.published.js';
import * as repo from './meetings.repo.js';
import { saveMeeting } from './meetings.writes.js';
import { moveSections } from './meetings.agenda.order.js';
import { onlyChanged, replacedLinks, unchanged } from '../../lib/changed.js';
import { lockAtVersion } from '../../lib/lock.js';
import type { MeetingRow } from './meetings.table.js';
import { defaultDecisionWording } from './meetings.wording.js';

/** The services meetings use (notify is absent where no notifications are sent, as in the seed). */
export interface MeetingsDeps {
  /** Whether a minutes checker has an account to sign in with (the lawful record). */
  auth: Pick<AuthService, 'usersInTx'>;
  cooperation: CooperationService;
  persons: PersonsService;
  documents: DocumentsService;
  needs: NeedsService;
  notify?: NotificationHooks;
}

/**
 * The meeting and its agenda through their lifecycle: create and edit the
 * meeting, add and edit items (§ numbers per body and year; removal and reorder are meetings.agenda.order.ts),
 * move the meeting along its states, record decisions and the actions they agree.
 */
export function createMeetingAgenda(
  { db, write }: { db: Db; write: Writer },
  deps: MeetingsDeps,
  { rolesIn, authorizeManage, lockMeeting, lockManaged, lockManagedItem, readable }: MeetingsAccess,
  /** The public copy of the minutes, frozen by the transition to PUBLISHED. */
  buildPublishedCopy: MeetingPublication['buildPublishedCopy'],
  /** Quorum and the checkers' checks (the lawful record). */
  lawful: Pick<MeetingRecord, 'checkMinutes' | 'quorumInTx' | 'reopenForCorrection'>,
) {
  const { cooperation, persons, documents, needs, notify } = deps;

  /** Bumps the meeting's version after an agenda change (add, remove, reorder) so stale reorders conflict. */
  async function touchMeeting(tx: Db, meeting: MeetingRow): Promise<MeetingRow> {
    return (await repo.meetingRows.updateIfVersion(tx, meeting.id, meeting.version, {})) ?? meeting;
  }

  /** Related needs must be readable by the caller. */
  async function checkNeeds(user: UserActor, needIds: string[] | null | undefined) {
    for (const needId of needIds ?? []) {
      if (!(await needs.get(user, needId))) throw badInput({ 'input.relatedNeedIds': `No such need: ${needId}` });
    }
  }

  /** People named by an item must exist. */
  async function checkPeople(tx: Db, input: { presenterId?: string | null; preparerId?: string | null }) {
    for (const key of ['presenterId', 'preparerId'] as const) {
      const id = input[key];
      if (id && !(await persons.findInTx(tx, id))) throw badInput({ [`input.${key}`]: 'No such person' });
    }
  }

  return {
    /** Creates a PLANNED meeting and its minutes document, in one write. */
    async create(actor: Actor, raw: unknown): Promise<MeetingRow> {
      const input = parseInput(createMeetingInput, raw);
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        if (!(await cooperation.findBodyForRules(input.bodyId))) throw badInput({ 'input.bodyId': 'No such body' });
        if (!meetingsPolicy.manage(user, await rolesIn(user, input.bodyId))) {
          throw forbidden('Only the chair, vice-chair or secretary of the body creates its meetings');
        }
        const meeting = await repo.meetingRows.insert(tx, {
          bodyId: input.bodyId,
          title: input.title,
          startsAt: new Date(input.startsAt),
          location: input.location ?? null,
          createdByUserId: user.userId,
        });
        await documents.createInTx(tx, MINUTES_DOC, meeting.id);
        await recordMeeting(record, EVENTS.meetingCreated, null, meeting);
        return meeting;
      });
    },

    async update(actor: Actor, id: string, expectedVersion: number, raw: unknown): Promise<MeetingRow> {
      const input = parseChanges(updateMeetingInput, raw);
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, id);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The meeting');
        const changes = onlyChanged(meeting, {
          ...(input.title ? { title: input.title } : {}),
          ...(input.startsAt ? { startsAt: new Date(input.startsAt) } : {}),
          ...('location' in input ? { location: input.location ?? null } : {}),
        });
        // Every field sent holds what is stored: nothing changes, so no new version, no event.
        if (Object.keys(changes).length === 0) return meeting;
        const renumbered = changes.startsAt ? await moveSections(tx, record, meeting, changes.startsAt) : [];
        return saveMeeting({ tx, record }, EVENTS.meetingUpdated, meeting, changes, renumbered.length ? { renumbered } : {});
      });
    },

    /** Adds an item at the end with the next § of the body and year, and its decision document. */
    async addItem(actor: Actor, raw: unknown): Promise<AgendaItemModel> {
      const input = parseInput(addAgendaItemInput, raw);
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, input.meetingId);
        await checkNeeds(user, input.relatedNeedIds);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        await checkPeople(tx, input);
        const year = helsinkiYear(meeting.startsAt);
        await repo.lockSections(tx, meeting.bodyId, year);
        const current = await repo.listItemsOfMeetings(tx, [meeting.id]);
        const item = await repo.itemRows.insert(tx, {
          meetingId: meeting.id,
          bodyId: meeting.bodyId,
          year,
          position: current.length + 1,
          section: (await repo.maxSection(tx, meeting.bodyId, year)) + 1,
          title: input.title,
          caseNumber: input.caseNumber ?? null,
          presenterId: input.presenterId ?? null,
          preparerId: input.preparerId ?? null,
          proposal: input.proposal ?? null,
          publicity: input.publicity ?? 'PUBLIC',
          legalBasis: input.legalBasis ?? null,
          relatedNeedIds: input.relatedNeedIds ?? [],
        });
        await documents.createInTx(tx, DECISION_DOC, item.id);
        await touchMeeting(tx, meeting);
        await recordItem(record, EVENTS.agendaItemAdded, null, item);
        return { ...item, restricted: false };
      });
    },

    async updateItem(actor: Actor, id: string, expectedVersion: number, raw: unknown): Promise<AgendaItemModel> {
      const input = parseChanges(updateAgendaItemInput, raw);
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManagedItem(tx, user, id);
        await checkNeeds(user, input.relatedNeedIds);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        const before = await lockAtVersion(tx, repo.itemRows.find, id, expectedVersion, 'Agenda item');
        const publicity = input.publicity ?? before.publicity;
        const legalBasis = 'legalBasis' in input ? input.legalBasis : before.legalBasis;
        if (publicity !== 'PUBLIC' && !legalBasis)
          throw badInput({ 'input.legalBasis': 'A secret item needs its legal basis, e.g. JulkL 24.1 § 25 k' });
        await checkPeople(tx, input);
        const changes = {
          ...(input.title ? { title: input.title } : {}),
          ...('caseNumber' in input ? { caseNumber: input.caseNumber ?? null } : {}),
          ...('presenterId' in input ? { presenterId: input.presenterId ?? null } : {}),
          ...('preparerId' in input ? { preparerId: input.preparerId ?? null } : {}),
          ...('proposal' in input ? { proposal: input.proposal ?? null } : {}),
          ...(input.publicity ? { publicity: input.publicity } : {}),
          ...('legalBasis' in input ? { legalBasis: input.legalBasis ?? null } : {}),
          ...('relatedNeedIds' in input ? { relatedNeedIds: input.relatedNeedIds ?? [] } : {}),
        };
        // Every field sent holds what is stored (the related needs as a set): no new version, no event.
        const links = await replacedLinks(
          { relatedNeedIds: changes.relatedNeedIds },
          { relatedNeedIds: () => before.relatedNeedIds },
        );
        if (unchanged({ ...before, ...links.before }, { ...changes, ...links.after })) return { ...before, restricted: false };
        const after = await repo.itemRows.updateIfVersion(tx, id, expectedVersion, changes);
        if (!after) throw conflict(before.version);
        await recordItem(record, EVENTS.agendaItemUpdated, before, after);
        return { ...after, restricted: false };
      });
    },

    /**
     * Moves the meeting along its lifecycle. PUBLISHED freezes the public copy,
     * built before the write: from MINUTES_CHECKED nothing it is made of can change.
     * MINUTES_CHECKED is an elected checker's own check (see `checkMinutes`); a
     * return to MINUTES_DRAFT forgets the checks; PUBLISHED needs every item decided.
     */
    async transition(actor: Actor, id: string, expectedVersion: number, rawTo: unknown, loaders: Loaders): Promise<MeetingRow> {
      const to = parseInput(transitionInput, rawTo, 'to');
      const user = requireUser(actor);
      if (to === 'MINUTES_CHECKED' && allowedTransitions((await readable(user, id)).meeting.status).includes(to)) {
        return lawful.checkMinutes(user, id, expectedVersion);
      }
      // Back from checked to a draft is the reopening for a correction: the same write, event and clearing of checks.
      if (to === 'MINUTES_DRAFT' && (await readable(user, id)).meeting.status === 'MINUTES_CHECKED') {
        return lawful.reopenForCorrection(user, id, expectedVersion);
      }
      const { meeting: seen } = await authorizeManage(user, id);
      const copy =
        to === 'PUBLISHED' && seen.status === 'MINUTES_CHECKED'
          ? await buildPublishedCopy(user, seen, await repo.listItemsOfMeetings(db, [seen.id]), loaders)
          : null;
      return write(user, async (scope) => {
        const { tx } = scope;
        const meeting = await lockMeeting(tx, id);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        const allowed = allowedTransitions(meeting.status);
        if (!allowed.includes(to)) throw invalidTransition(meeting.status, to, allowed);
        const now = new Date();
        if (to === 'AGENDA_PUBLISHED' && (await repo.listItemsOfMeetings(tx, [meeting.id])).length === 0) {
          throw badInput({ to: 'The agenda has no items' });
        }
        const changes: Partial<MeetingRow> = { status: to };
        if (to === 'AGENDA_PUBLISHED') changes.agendaPublishedAt = now;
        if (to === 'HELD') changes.currentItemId = null;
        // (MINUTES_CHECKED -> MINUTES_DRAFT is reopenForCorrection's, above; kept for a race in which the status moved.)
        if (to === 'MINUTES_DRAFT' && meeting.status === 'MINUTES_CHECKED') {
          changes.minutesCheckedAt = null;
          await recordRepo.clearChecks(tx, meeting.id);
        }
        if (to === 'PUBLISHED') {
          refuseUndecided(await repo.listItemsOfMeetings(tx, [meeting.id]), 'to');
          const checkers = await recordRepo.listCheckers(tx, [meeting.id]);
          if (checkers.length < 2 || checkers.some((c) => !c.checkedAt))
            throw badInput({ to: 'Both minutes checkers must check the minutes first' }, 'The minutes are not checked', {
              reason: 'NOT_CHECKED',
            });
          // Nothing unchecked is published: the minutes text locked as it stands, no later than every check's version,
          // and the copy built from that very version (it was built before the write).
          const minutesDoc = await documents.lockByOwnerInTx(tx, MINUTES_DOC, meeting.id);
          refuseChangedAfterCheck(checkers, minutesDoc?.version, 'to');
          if (!copy || seen.version !== meeting.version || copy.minutesVersion !== minutesDoc?.version)
            throw conflict(meeting.version);
          changes.publishedAt = now;
          changes.personalDataRemovalDue = addDays(helsinkiDay(now), PERSONAL_DATA_DAYS);
          changes.published = copy.published;
        }
        const after = await saveMeeting(scope, EVENTS.meetingTransitioned, meeting, changes);
        if (to === 'AGENDA_PUBLISHED') await notify?.agendaPublished(scope, after);
        return after;
      });
    },

    /**
     * Records an item's decision (wording, mode, votes, handling). The wording is the caller's (`decision`), also
     * after the meeting for an item decided while the minutes are drafted; without one, the mode's standard phrase
     * (TABLED, RETURNED_FOR_PREPARATION) or, for the modes that adopt it, the proposal.
     */
    async recordDecision(actor: Actor, itemId: string, expectedVersion: number, raw: unknown): Promise<AgendaItemModel> {
      const input = parseInput(recordDecisionInput, raw, '');
      // Counts belong to a vote only (a VOTE without them is refused by the input's rule).
      refuseVotesOutsideVote(input, 'votes');
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManagedItem(tx, user, itemId);
        refuseIn(meeting, EDITABLE_IN.decision, 'A decision');
        // The checkers attest the decisions as they read them: none changes once one has checked.
        await refuseChecked(tx, meeting, 'itemId');
        const before = await lockAtVersion(tx, repo.itemRows.find, itemId, expectedVersion, 'Agenda item');
        // Päätösvaltaisuus (Kuntalaki 103 §): refused without a quorum, recorded with the decision when there is one.
        const quorum = await lawful.quorumInTx(tx, meeting);
        refuseWithoutQuorum(quorum, 'itemId');
        // The same attendance, read after the meeting's lock (recordAttendance takes it too): the votes it allows.
        refuseVotesOverPresent(input.votes, quorum, 'votes');
        // The wording the secretary wrote; else a tabled or returned item's standard phrase, or the adopted proposal.
        const decision = input.decision ?? defaultDecisionWording(input.mode, before.proposal);
        if (!decision)
          throw badInput(
            { decision: 'Write the decision: the item has no proposal to adopt' },
            'The decision needs its wording',
            {
              reason: 'NO_WORDING',
            },
          );
        const after = await repo.itemRows.updateIfVersion(tx, itemId, expectedVersion, {
          quorumPresent: quorum.present,
          quorumMembers: quorum.members,
          decision,
          decisionMode: input.mode,
          votesFor: input.votes?.for ?? null,
          votesAgainst: input.votes?.against ?? null,
          votesAbstain: input.votes?.abstain ?? null,
          ...(input.handling !== undefined ? { handling: input.handling } : {}),
          decidedAt: new Date(),
          decidedByUserId: user.userId,
        });
        if (!after) throw conflict(before.version);
        await recordItem(record, EVENTS.decisionRecorded, before, after);
        return { ...after, restricted: false };
      });
    },

    /** An action agreed in a decision, created through the needs service in one of the item's related needs. */
    async createDecisionAction(actor: Actor, raw: unknown) {
      const input = parseInput(decisionActionInput, raw);
      const user = requireUser(actor);
      const item = await repo.itemRows.find(db, input.itemId);
      if (!item) throw notFound('Agenda item');
      const meeting = await repo.meetingRows.find(db, item.meetingId);
      if (!meeting) throw notFound('Agenda item');
      const roles = await rolesIn(user, meeting.bodyId);
      if (!meetingsPolicy.readItem(user, roles, item.publicity)) throw notFound('Agenda item');
      if (!meetingsPolicy.manage(user, roles))
        throw forbidden('Only the chair, vice-chair or secretary creates actions from a decision');
      if (!item.decisionMode) throw badInput({ 'input.itemId': 'Record the decision first' });
      if (!item.relatedNeedIds.includes(input.needId)) throw badInput({ 'input.needId': 'Not a need related to this item' });
      return needs.createAction(
        user,
        {
          needId: input.needId,
          title: input.title,
          ownerPartyId: input.ownerPartyId,
          dueDate: input.dueDate ?? null,
          agendaItemId: item.id,
        },
        {
          decidedInMeeting: true,
          // Followers of the meeting see the item's new action at once (same transaction as the action).
          alsoInTx: async ({ tx, record }, action) => {
            // The minutes publish the decision's actions: none is added to minutes a checker has checked.
            await refuseChecked(tx, await lockMeeting(tx, item.meetingId), 'input.itemId');
            await record(
              rowUpdated(
                EVENTS.decisionActionCreated,
                item,
                null,
                { actionId: action.id, needId: action.needId, ownerPartyId: action.ownerPartyId },
                { meetingId: item.meetingId, bodyId: item.bodyId, publicity: item.publicity },
              ),
            );
          },
        },
      );
    },
  };
}
