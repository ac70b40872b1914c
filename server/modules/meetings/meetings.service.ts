import { z } from 'zod';
import { hasRole, type Actor, type UserActor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import type { Db } from '../../db/client.js';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '../../errors.js';
import type { ChangeView } from '../../realtime/change-view.js';
import { listChangeEventsOfEntityTree } from '../../realtime/changes.repo.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { loadOncePerEvent, subscribeToEvents } from '../../realtime/subscribe.js';
import { EVENTS } from '../../realtime/topics.js';
import type { WriteScope } from '../../realtime/write.js';
import { parseInput } from '../../validation.js';
import type { CooperationService } from '../cooperation/cooperation.service.js';
import type { ServiceDeps } from '../deps.js';
import type { DocumentsService } from '../documents/documents.service.js';
import type { Loaders } from '../index.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { PersonsService } from '../parties/persons.service.js';
import { createAwareness } from './meetings.awareness.js';
import {
  addAgendaItemInput,
  createMeetingInput,
  decisionActionInput,
  recordAttendanceInput,
  recordDecisionInput,
  sentOnly,
  transitionInput,
  updateAgendaItemInput,
  updateMeetingInput,
} from './meetings.inputs.js';
import { rebuildMeetingAsOf } from './meetings.history.js';
import type {
  AgendaItemModel,
  AttendanceStatisticsModel,
  MeetingEventModel,
  MeetingModel,
  PresenceModel,
  PublishedMinutesModel,
} from './meetings.models.js';
import { EDITABLE_IN, allowedTransitions, meetingsPolicy } from './meetings.policy.js';
import { createPresenceRegistry } from './meetings.presence.js';
import { addDays, buildPublished, PERSONAL_DATA_DAYS, withoutPersonalData } from './meetings.published.js';
import * as repo from './meetings.repo.js';
import type { AgendaItemRow, MeetingRow } from './meetings.table.js';

/** Owner types of the documents this module creates. */
export const MINUTES_DOC = 'MEETING_MINUTES';
export const DECISION_DOC = 'AGENDA_ITEM_DECISION';

const isUuid = (v: string) => z.uuid().safeParse(v).success;
const yearOf = (d: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', year: 'numeric' }).format(d));

function meetingSnapshot(m: MeetingRow) {
  const { published: _p, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}
function itemSnapshot(i: AgendaItemRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = i;
  return rest;
}

/** The item with everything but its place and title blanked, for those who may not read it. */
function restrictedView(i: AgendaItemRow): AgendaItemModel {
  return {
    ...i,
    restricted: true,
    caseNumber: null,
    presenterId: null,
    preparerId: null,
    proposal: null,
    relatedNeedIds: [],
    handling: null,
    decision: null,
    decisionMode: null,
    votesFor: null,
    votesAgainst: null,
    votesAbstain: null,
    decidedByUserId: null,
  };
}

/** True when the event concerns the meeting (itself, an item, attendance). */
export const meetingEventFilter = (meetingId: string) => (e: ChangeEventRow) =>
  (e.entityType === EVENTS.meetingCreated.entityType && e.entityId === meetingId) || e.scope?.meetingId === meetingId;

/** Meetings of the bodies: agenda, pointer, attendance, decisions, minutes, presence and publication. */
export function createMeetingsService(
  { db, write, bus, log }: ServiceDeps,
  deps: { cooperation: CooperationService; persons: PersonsService; documents: DocumentsService; needs: NeedsService },
) {
  const { cooperation, persons, documents, needs } = deps;
  const presence = createPresenceRegistry(bus, log);
  const awareness = createAwareness(bus, documents);

  /** The actor's current roles in a body (through the request's loader when there is one). */
  async function rolesIn(actor: Actor, bodyId: string, loaders?: Loaders): Promise<string[]> {
    if (actor.kind !== 'user') return [];
    const all = loaders
      ? await loaders.cooperation.activeRolesByUserId.load(actor.userId)
      : await cooperation.activeRolesOfUser(actor.userId);
    return all.filter((r) => r.bodyId === bodyId).map((r) => r.role);
  }

  /** The item as this caller may see it. */
  function view(actor: Actor, roles: readonly string[], item: AgendaItemRow): AgendaItemModel {
    return meetingsPolicy.readItem(actor, roles, item.publicity) ? { ...item, restricted: false } : restrictedView(item);
  }

  /** A meeting the caller may read, or NOT_FOUND (the same answer for both). */
  async function readable(actor: Actor, id: string, loaders?: Loaders) {
    requireUser(actor);
    const meeting = isUuid(id) ? await (loaders ? loaders.meetings.meetingById.load(id) : repo.findMeeting(db, id)) : undefined;
    if (!meeting) throw notFound('Meeting');
    const roles = await rolesIn(actor, meeting.bodyId, loaders);
    if (!meetingsPolicy.read(actor, roles)) throw notFound('Meeting');
    return { meeting, roles };
  }

  /**
   * The policy check of a write, made before its transaction (on PGlite a
   * read outside the transaction would wait for it): NOT_FOUND when the caller
   * may not read the meeting, FORBIDDEN when they do not run it.
   */
  async function authorizeManage(user: UserActor, meetingId: string) {
    const found = await readable(user, meetingId);
    if (!meetingsPolicy.manage(user, found.roles))
      throw forbidden('Only the chair, vice-chair or secretary of the body runs its meetings');
    return found;
  }

  /** The meeting again inside the write, locked, so changes to it run one at a time. */
  async function lockMeeting(tx: Db, id: string): Promise<MeetingRow> {
    const meeting = await repo.findMeeting(tx, id, { forUpdate: true });
    if (!meeting) throw notFound('Meeting');
    return meeting;
  }

  /** An item's meeting for a write on the item: NOT_FOUND, FORBIDDEN as above. */
  async function authorizeItem(user: UserActor, itemId: string) {
    const item = isUuid(itemId) ? await repo.findItem(db, itemId) : undefined;
    if (!item) throw notFound('Agenda item');
    const found = await authorizeManage(user, item.meetingId);
    if (!meetingsPolicy.readItem(user, found.roles, item.publicity)) throw notFound('Agenda item');
    return { ...found, item };
  }

  const refuseIn = (meeting: MeetingRow, allowed: Set<string>, what: string) => {
    if (!allowed.has(meeting.status)) throw forbidden(`${what} cannot be changed while the meeting is ${meeting.status}`);
  };

  async function recordMeeting(
    record: WriteScope['record'],
    event: (typeof EVENTS)[
      | 'meetingCreated'
      | 'meetingUpdated'
      | 'meetingTransitioned'
      | 'meetingPointerMoved'
      | 'agendaReordered'
      | 'personalDataRemoved'],
    before: MeetingRow | null,
    after: MeetingRow,
  ) {
    await record({
      ...event,
      entityId: after.id,
      kind: before ? 'UPDATED' : 'CREATED',
      entityVersion: after.version,
      before: before ? meetingSnapshot(before) : null,
      after: meetingSnapshot(after),
      scope: { meetingId: after.id, bodyId: after.bodyId },
    });
  }

  async function recordItem(
    record: WriteScope['record'],
    event: (typeof EVENTS)['agendaItemAdded' | 'agendaItemUpdated' | 'agendaItemRemoved' | 'decisionRecorded'],
    before: AgendaItemRow | null,
    after: AgendaItemRow | null,
  ) {
    const item = (after ?? before)!;
    await record({
      ...event,
      entityId: item.id,
      kind: !before ? 'CREATED' : !after ? 'DELETED' : 'UPDATED',
      entityVersion: after?.version ?? null,
      before: before ? itemSnapshot(before) : null,
      after: after ? itemSnapshot(after) : null,
      // The publicity travels with the event so the audit stream can hide secret items without a read.
      scope: { meetingId: item.meetingId, bodyId: item.bodyId, publicity: (after ?? before)!.publicity },
    });
  }

  /** Bumps the meeting's version after an agenda change (add, remove, reorder) so stale reorders conflict. */
  async function touchMeeting(tx: Db, meeting: MeetingRow): Promise<MeetingRow> {
    return (await repo.updateMeetingIfVersion(tx, meeting.id, meeting.version, {})) ?? meeting;
  }

  /** Related needs must be readable by the caller (checked before the write). */
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

  /** Renumbers the items in `order`: positions 1..n and the lowest of the § numbers `current` held, ascending. */
  async function place(tx: Db, current: AgendaItemRow[], order: string[]): Promise<void> {
    const sections = current
      .map((i) => i.section)
      .filter((s): s is number => s != null)
      .sort((a, b) => a - b);
    await repo.placeItems(
      tx,
      order.map((id, i) => ({ id, position: i + 1, section: sections[i] ?? null })),
      current,
    );
  }

  const loadEvent = loadOncePerEvent(async (event: ChangeEventRow) => {
    const meetingId =
      event.entityType === EVENTS.meetingCreated.entityType ? event.entityId : String(event.scope?.meetingId ?? '');
    const meeting = isUuid(meetingId) ? await repo.findMeeting(db, meetingId) : undefined;
    const item =
      event.entityType === EVENTS.agendaItemAdded.entityType && event.kind !== 'DELETED'
        ? await repo.findItem(db, event.entityId)
        : undefined;
    return meeting ? { meeting, item: item ?? null } : undefined;
  });

  /** Who may read the meetings' change events in the audit stream: secret items' only those who may read the item. */
  const meetingView: ChangeView = {
    readsAll: (actor) => hasRole(actor, 'SECRETARIAT') || hasRole(actor, 'ANALYST'),
    canRead: async (actor, event) => meetingsPolicy.read(actor, await rolesIn(actor, String(event.scope?.bodyId ?? ''))),
  };
  const itemView: ChangeView = {
    readsAll: (actor) => hasRole(actor, 'SECRETARIAT'),
    canRead: async (actor, event) =>
      meetingsPolicy.readItem(
        actor,
        await rolesIn(actor, String(event.scope?.bodyId ?? '')),
        String(event.scope?.publicity ?? 'SECRET'),
      ),
  };

  /** Who reads and edits the minutes and decision documents (registered with the documents module). */
  documents.policy.register(MINUTES_DOC, {
    async canRead(actor, ownerId, reader) {
      const m = isUuid(ownerId) ? await repo.findMeeting(reader, ownerId) : undefined;
      return !!m && meetingsPolicy.read(actor, await rolesIn(actor, m.bodyId));
    },
    async canEdit(actor, ownerId, reader) {
      const m = isUuid(ownerId) ? await repo.findMeeting(reader, ownerId) : undefined;
      return !!m && meetingsPolicy.editMinutes(actor, await rolesIn(actor, m.bodyId), m.status);
    },
  });
  documents.policy.register(DECISION_DOC, {
    async canRead(actor, ownerId, reader) {
      const i = isUuid(ownerId) ? await repo.findItem(reader, ownerId) : undefined;
      const m = i ? await repo.findMeeting(reader, i.meetingId) : undefined;
      if (!i || !m) return false;
      const roles = await rolesIn(actor, m.bodyId);
      return meetingsPolicy.seeAgenda(actor, roles, m.status) && meetingsPolicy.readItem(actor, roles, i.publicity);
    },
    async canEdit(actor, ownerId, reader) {
      const i = isUuid(ownerId) ? await repo.findItem(reader, ownerId) : undefined;
      const m = i ? await repo.findMeeting(reader, i.meetingId) : undefined;
      return !!i && !!m && meetingsPolicy.editDecisionWording(actor, await rolesIn(actor, m.bodyId), m.status, i.publicity);
    },
  });

  return {
    presence,
    awareness,

    changeViews: { meeting: meetingView, meeting_attendance: meetingView, agenda_item: itemView } satisfies Record<
      string,
      ChangeView
    >,

    /** Meetings the caller may read, optionally of one body and in a window. */
    async list(
      actor: Actor,
      args: { bodyId?: string | null; from?: Date | string | null; to?: Date | string | null },
      loaders?: Loaders,
    ) {
      const user = requireUser(actor);
      if (args.bodyId && !isUuid(args.bodyId)) return [];
      const date = (v: Date | string | null | undefined, key: string) => {
        if (v == null) return null;
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) throw badInput({ [key]: 'Expected a date and time' });
        return d;
      };
      const rows = await repo.listMeetings(db, {
        bodyIds: args.bodyId ? [args.bodyId] : null,
        from: date(args.from, 'from'),
        to: date(args.to, 'to'),
      });
      const out: MeetingRow[] = [];
      for (const m of rows) if (meetingsPolicy.read(user, await rolesIn(user, m.bodyId, loaders))) out.push(m);
      for (const m of out) loaders?.meetings.meetingById.prime(m.id, m);
      return out;
    },

    /** A meeting the caller may read, or null; with `asOf`, rebuilt from its events as it stood then (read-only). */
    async get(actor: Actor, id: string, loaders?: Loaders, asOf?: Date | string | null): Promise<MeetingModel | null> {
      let meeting: MeetingRow;
      try {
        meeting = (await readable(actor, id, loaders)).meeting;
      } catch (err) {
        if ((err as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
        throw err;
      }
      if (asOf == null) return meeting;
      const at = new Date(asOf);
      if (Number.isNaN(at.getTime())) throw badInput({ asOf: 'Expected a date and time' });
      const events = await listChangeEventsOfEntityTree(db, {
        entityType: EVENTS.meetingCreated.entityType,
        entityId: id,
        scopeKey: 'meetingId',
        upTo: at,
      });
      const past = rebuildMeetingAsOf(events, at);
      return past ? { ...past.meeting, asOf: past.asOf } : null;
    },

    /**
     * Attendance per body and party over the meetings of the bodies the caller
     * may read (those with attendance recorded), optionally of one body and in a window.
     */
    async attendanceStatistics(
      actor: Actor,
      args: { bodyId?: string | null; from?: Date | string | null; to?: Date | string | null },
      loaders?: Loaders,
    ): Promise<AttendanceStatisticsModel[]> {
      const user = requireUser(actor);
      if (args.bodyId && !isUuid(args.bodyId)) return [];
      const date = (v: Date | string | null | undefined, key: string) => {
        if (v == null) return null;
        const d = new Date(v);
        if (Number.isNaN(d.getTime())) throw badInput({ [key]: 'Expected a date and time' });
        return d;
      };
      const rows = await repo.attendanceCounts(db, {
        bodyId: args.bodyId ?? null,
        from: date(args.from, 'from'),
        to: date(args.to, 'to'),
      });
      const readable = new Map<string, boolean>();
      for (const bodyId of new Set(rows.map((r) => r.bodyId)))
        readable.set(bodyId, meetingsPolicy.read(user, await rolesIn(user, bodyId, loaders)));
      return rows
        .filter((r) => readable.get(r.bodyId))
        .map((r) => {
          const recorded = r.present + r.remote + r.absent;
          return { ...r, attendanceRate: recorded ? Math.round(((r.present + r.remote) / recorded) * 1000) / 1000 : null };
        });
    },

    /** The agenda as the caller may see it (empty while it is a draft they do not run). */
    async agenda(actor: Actor, meeting: MeetingModel, loaders: Loaders): Promise<AgendaItemModel[]> {
      const roles = await rolesIn(actor, meeting.bodyId, loaders);
      if (!meetingsPolicy.seeAgenda(actor, roles, meeting.status)) return [];
      return (meeting.asOf?.items ?? (await loaders.meetings.itemsByMeetingId.load(meeting.id))).map((i) =>
        view(actor, roles, i),
      );
    },

    async currentItem(actor: Actor, meeting: MeetingRow, loaders: Loaders): Promise<AgendaItemModel | null> {
      if (!meeting.currentItemId) return null;
      return (await this.agenda(actor, meeting, loaders)).find((i) => i.id === meeting.currentItemId) ?? null;
    },

    /** An item seen by the caller (for event payloads and lookups). */
    async viewItem(actor: Actor, item: AgendaItemRow, loaders?: Loaders): Promise<AgendaItemModel> {
      const meeting = await repo.findMeeting(db, item.meetingId);
      return view(actor, meeting ? await rolesIn(actor, meeting.bodyId, loaders) : [], item);
    },

    async permissions(actor: Actor, meeting: MeetingModel, loaders: Loaders) {
      const roles = await rolesIn(actor, meeting.bodyId, loaders);
      // A past state is read-only.
      const manage = !meeting.asOf && meetingsPolicy.manage(actor, roles);
      return {
        manage,
        editAgenda: manage && EDITABLE_IN.agenda.has(meeting.status),
        movePointer: manage && EDITABLE_IN.pointer.has(meeting.status),
        recordAttendance: manage && EDITABLE_IN.attendance.has(meeting.status),
        recordDecision: manage && EDITABLE_IN.decision.has(meeting.status),
        editMinutes: meetingsPolicy.editMinutes(actor, roles, meeting.status),
        removePersonalData:
          meetingsPolicy.removePersonalData(actor) && meeting.status === 'PUBLISHED' && !meeting.personalDataRemovedAt,
      };
    },

    async allowedTransitions(actor: Actor, meeting: MeetingModel, loaders: Loaders): Promise<string[]> {
      return !meeting.asOf && meetingsPolicy.manage(actor, await rolesIn(actor, meeting.bodyId, loaders))
        ? [...allowedTransitions(meeting.status)]
        : [];
    },

    /** The meeting's minutes document (every reader of the meeting reads it). */
    async minutes(actor: Actor, meeting: MeetingRow) {
      const doc = await documents.forOwner(actor, MINUTES_DOC, meeting.id);
      if (!doc) throw notFound('Minutes');
      return doc;
    },

    /** An item's decision document, or null for a restricted item. */
    async decisionDocument(actor: Actor, item: AgendaItemModel) {
      return item.restricted ? null : documents.forOwner(actor, DECISION_DOC, item.id);
    },

    /** Creates a PLANNED meeting and its minutes document, in one write. */
    async create(actor: Actor, raw: unknown): Promise<MeetingRow> {
      const input = parseInput(createMeetingInput, raw);
      const user = requireUser(actor);
      if (!(await cooperation.findBodyForRules(input.bodyId))) throw badInput({ 'input.bodyId': 'No such body' });
      if (!meetingsPolicy.manage(user, await rolesIn(user, input.bodyId))) {
        throw forbidden('Only the chair, vice-chair or secretary of the body creates its meetings');
      }
      return write(user, async ({ tx, record }) => {
        const meeting = await repo.insertMeeting(tx, {
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
      const input = sentOnly(parseInput(updateMeetingInput, raw), raw);
      if (Object.keys(input).length === 0) throw badInput({ input: 'Nothing to change' });
      const user = requireUser(actor);
      await authorizeManage(user, id);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, id);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The meeting');
        const after = await repo.updateMeetingIfVersion(tx, id, expectedVersion, {
          ...(input.title ? { title: input.title } : {}),
          ...(input.startsAt ? { startsAt: new Date(input.startsAt) } : {}),
          ...('location' in input ? { location: input.location ?? null } : {}),
        });
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.meetingUpdated, meeting, after);
        return after;
      });
    },

    /** Adds an item at the end with the next § of the body and year, and its decision document. */
    async addItem(actor: Actor, raw: unknown): Promise<AgendaItemModel> {
      const input = parseInput(addAgendaItemInput, raw);
      const user = requireUser(actor);
      await authorizeManage(user, input.meetingId);
      await checkNeeds(user, input.relatedNeedIds);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, input.meetingId);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        await checkPeople(tx, input);
        const year = yearOf(meeting.startsAt);
        await repo.lockSections(tx, meeting.bodyId, year);
        const current = await repo.listItemsOfMeetings(tx, [meeting.id]);
        const item = await repo.insertItem(tx, {
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
      const input = sentOnly(parseInput(updateAgendaItemInput, raw), raw);
      if (Object.keys(input).length === 0) throw badInput({ input: 'Nothing to change' });
      const user = requireUser(actor);
      const { item: found } = await authorizeItem(user, id);
      await checkNeeds(user, input.relatedNeedIds);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, found.meetingId);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        const before = await repo.findItem(tx, id, { forUpdate: true });
        if (!before) throw notFound('Agenda item');
        if (before.version !== expectedVersion) throw conflict(before.version);
        const publicity = input.publicity ?? before.publicity;
        const legalBasis = 'legalBasis' in input ? input.legalBasis : before.legalBasis;
        if (publicity !== 'PUBLIC' && !legalBasis)
          throw badInput({ 'input.legalBasis': 'A secret item needs its legal basis, e.g. JulkL 24.1 § 25 k' });
        await checkPeople(tx, input);
        const after = await repo.updateItemIfVersion(tx, id, expectedVersion, {
          ...(input.title ? { title: input.title } : {}),
          ...('caseNumber' in input ? { caseNumber: input.caseNumber ?? null } : {}),
          ...('presenterId' in input ? { presenterId: input.presenterId ?? null } : {}),
          ...('preparerId' in input ? { preparerId: input.preparerId ?? null } : {}),
          ...('proposal' in input ? { proposal: input.proposal ?? null } : {}),
          ...(input.publicity ? { publicity: input.publicity } : {}),
          ...('legalBasis' in input ? { legalBasis: input.legalBasis ?? null } : {}),
          ...('relatedNeedIds' in input ? { relatedNeedIds: input.relatedNeedIds ?? [] } : {}),
        });
        if (!after) throw conflict(before.version);
        await recordItem(record, EVENTS.agendaItemUpdated, before, after);
        return { ...after, restricted: false };
      });
    },

    /** Removes an undecided item; the meeting's § numbers close up. */
    async removeItem(actor: Actor, id: string, expectedVersion: number): Promise<MeetingRow> {
      const user = requireUser(actor);
      const { item: found } = await authorizeItem(user, id);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, found.meetingId);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        const item = await repo.findItem(tx, id, { forUpdate: true });
        if (!item) throw notFound('Agenda item');
        if (item.version !== expectedVersion) throw conflict(item.version);
        if (item.decisionMode) throw badInput({ id: 'A decided item stays on the agenda' });
        const current = await repo.listItemsOfMeetings(tx, [meeting.id]);
        await repo.deleteItem(tx, id);
        // The remaining items take the lowest of the meeting's § numbers, so the numbering closes up.
        await place(
          tx,
          current,
          current.filter((i) => i.id !== id).map((i) => i.id),
        );
        const changes = meeting.currentItemId === id ? { currentItemId: null } : {};
        const after = (await repo.updateMeetingIfVersion(tx, meeting.id, meeting.version, changes)) ?? meeting;
        await recordItem(record, EVENTS.agendaItemRemoved, item, null);
        return after;
      });
    },

    /** Puts every item in the given order; § numbers follow. */
    async reorder(actor: Actor, meetingId: string, expectedVersion: number, itemIds: readonly string[]): Promise<MeetingRow> {
      const user = requireUser(actor);
      await authorizeManage(user, meetingId);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, meetingId);
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        refuseIn(meeting, EDITABLE_IN.agenda, 'The agenda');
        const current = await repo.listItemsOfMeetings(tx, [meeting.id]);
        const same =
          itemIds.length === current.length &&
          new Set(itemIds).size === itemIds.length &&
          current.every((i) => itemIds.includes(i.id));
        if (!same) throw badInput({ itemIds: 'List every item of the agenda exactly once' });
        await place(tx, current, [...itemIds]);
        const after = await repo.updateMeetingIfVersion(tx, meeting.id, expectedVersion, {});
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.agendaReordered, meeting, after);
        return after;
      });
    },

    /**
     * Moves the meeting along its lifecycle. PUBLISHED freezes the public copy,
     * built before the write: from MINUTES_CHECKED nothing it is made of can change.
     */
    async transition(actor: Actor, id: string, expectedVersion: number, rawTo: unknown, loaders: Loaders): Promise<MeetingRow> {
      const to = parseInput(transitionInput, rawTo, 'to');
      const user = requireUser(actor);
      const { meeting: seen } = await authorizeManage(user, id);
      const copy =
        to === 'PUBLISHED' && seen.status === 'MINUTES_CHECKED'
          ? await this.buildPublishedCopy(user, seen, await repo.listItemsOfMeetings(db, [seen.id]), loaders)
          : null;
      return write(user, async ({ tx, record }) => {
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
        if (to === 'MINUTES_CHECKED') changes.minutesCheckedAt = now;
        if (to === 'PUBLISHED') {
          if (!copy || seen.version !== meeting.version) throw conflict(meeting.version);
          changes.publishedAt = now;
          changes.personalDataRemovalDue = addDays(now, PERSONAL_DATA_DAYS);
          changes.published = copy;
        }
        const after = await repo.updateMeetingIfVersion(tx, id, expectedVersion, changes);
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.meetingTransitioned, meeting, after);
        return after;
      });
    },

    /** The public copy from the record as it stands (names through the request's loaders). */
    async buildPublishedCopy(user: UserActor, meeting: MeetingRow, items: AgendaItemRow[], loaders: Loaders) {
      const body = await loaders.cooperation.bodyById.load(meeting.bodyId);
      const members = (await loaders.cooperation.membershipsByBodyId.load(meeting.bodyId)).filter((m) => m.endsOn == null);
      const present = await repo.listAttendance(db, [meeting.id]);
      const personIds = [
        ...new Set([
          ...members.map((m) => m.personId),
          ...present.flatMap((a) => [a.personId, a.deputyForPersonId ?? '']),
          ...items.flatMap((i) => [i.presenterId ?? '', i.preparerId ?? '']),
        ]),
      ].filter(Boolean);
      const people = new Map(
        (await loaders.persons.personById.loadMany(personIds)).flatMap((p) =>
          p && !(p instanceof Error) ? [[p.id, p] as const] : [],
        ),
      );
      const personName = (pid: string | null) => (pid ? (people.get(pid)?.name ?? null) : null);
      const partyName = async (pid: string | null) =>
        pid ? ((await loaders.parties.partyById.load(pid))?.names.fi ?? null) : null;
      const roleName = (role: string) => personName(members.find((m) => m.role === role)?.personId ?? null);
      const minutesDoc = await documents.forOwner(user, MINUTES_DOC, meeting.id);
      return buildPublished({
        meeting,
        bodyName: body?.names ?? { fi: '' },
        chair: roleName('CHAIR'),
        secretary: roleName('SECRETARY'),
        items,
        attendance: await Promise.all(
          present.map(async (a) => ({
            name: personName(a.personId),
            party: await partyName(a.partyId),
            status: a.status,
            deputyFor: personName(a.deputyForPersonId),
          })),
        ),
        personName,
        minutesText: minutesDoc ? await documents.text(minutesDoc) : '',
      });
    },

    /** Moves the pointer; every follower sees it through `meetingChanged`. */
    async setCurrentItem(actor: Actor, meetingId: string, itemId: string | null | undefined): Promise<MeetingRow> {
      const user = requireUser(actor);
      await authorizeManage(user, meetingId);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, meetingId);
        refuseIn(meeting, EDITABLE_IN.pointer, 'The current item');
        if (itemId) {
          const item = isUuid(itemId) ? await repo.findItem(tx, itemId) : undefined;
          if (!item || item.meetingId !== meeting.id) throw badInput({ itemId: 'Not an item of this meeting' });
        }
        const after = await repo.updateMeetingIfVersion(tx, meeting.id, meeting.version, { currentItemId: itemId ?? null });
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.meetingPointerMoved, meeting, after);
        return after;
      });
    },

    /** Records (or replaces) one person's attendance. */
    async recordAttendance(actor: Actor, raw: unknown): Promise<MeetingRow> {
      const input = parseInput(recordAttendanceInput, raw);
      const user = requireUser(actor);
      await authorizeManage(user, input.meetingId);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, input.meetingId);
        refuseIn(meeting, EDITABLE_IN.attendance, 'Attendance');
        const person = await persons.findInTx(tx, input.personId);
        if (!person) throw badInput({ 'input.personId': 'No such person' });
        if (input.deputyForPersonId && !(await persons.findInTx(tx, input.deputyForPersonId))) {
          throw badInput({ 'input.deputyForPersonId': 'No such person' });
        }
        const before = await repo.findAttendance(tx, meeting.id, person.id);
        const row = await repo.upsertAttendance(tx, {
          meetingId: meeting.id,
          personId: person.id,
          partyId: person.partyId,
          status: input.status,
          deputyForPersonId: input.deputyForPersonId ?? null,
          recordedByUserId: user.userId,
        });
        await record({
          ...EVENTS.attendanceRecorded,
          entityId: `${meeting.id}:${person.id}`,
          kind: before ? 'UPDATED' : 'CREATED',
          entityVersion: row.version,
          before: before ?? null,
          after: row,
          scope: { meetingId: meeting.id, bodyId: meeting.bodyId },
        });
        return meeting;
      });
    },

    /** Records an item's decision (wording, mode, votes, handling). */
    async recordDecision(actor: Actor, itemId: string, expectedVersion: number, raw: unknown): Promise<AgendaItemModel> {
      const input = parseInput(recordDecisionInput, raw, '');
      const user = requireUser(actor);
      const { item: found } = await authorizeItem(user, itemId);
      return write(user, async ({ tx, record }) => {
        const meeting = await lockMeeting(tx, found.meetingId);
        refuseIn(meeting, EDITABLE_IN.decision, 'A decision');
        const before = await repo.findItem(tx, itemId, { forUpdate: true });
        if (!before) throw notFound('Agenda item');
        if (before.version !== expectedVersion) throw conflict(before.version);
        const after = await repo.updateItemIfVersion(tx, itemId, expectedVersion, {
          decision: input.decision,
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
      const item = await repo.findItem(db, input.itemId);
      if (!item) throw notFound('Agenda item');
      const meeting = await repo.findMeeting(db, item.meetingId);
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
          alsoInTx: async ({ record }, action) => {
            await record({
              ...EVENTS.decisionActionCreated,
              entityId: item.id,
              kind: 'UPDATED',
              entityVersion: item.version,
              after: { actionId: action.id, needId: action.needId, ownerPartyId: action.ownerPartyId },
              scope: { meetingId: item.meetingId, bodyId: item.bodyId, publicity: item.publicity },
            });
          },
        },
      );
    },

    /** Removes names from the published minutes once the appeal period has ended. */
    async removePersonalData(actor: Actor, meetingId: string, expectedVersion: number): Promise<MeetingRow> {
      const user = requireUser(actor);
      if (!meetingsPolicy.removePersonalData(user))
        throw forbidden('Only the secretariat removes personal data from published minutes');
      return write(user, async ({ tx, record }) => {
        const meeting = isUuid(meetingId) ? await repo.findMeeting(tx, meetingId, { forUpdate: true }) : undefined;
        if (!meeting) throw notFound('Meeting');
        if (meeting.version !== expectedVersion) throw conflict(meeting.version);
        if (meeting.status !== 'PUBLISHED' || !meeting.published) throw badInput({ meetingId: 'The minutes are not published' });
        const today = new Date().toISOString().slice(0, 10);
        if (meeting.personalDataRemovalDue && meeting.personalDataRemovalDue > today) {
          throw badInput({
            meetingId: `The appeal period ends on ${meeting.personalDataRemovalDue}; personal data stays until then`,
          });
        }
        const after = await repo.updateMeetingIfVersion(tx, meeting.id, expectedVersion, {
          published: withoutPersonalData(meeting.published),
          personalDataRemovedAt: new Date(),
        });
        if (!after) throw conflict(meeting.version);
        await recordMeeting(record, EVENTS.personalDataRemoved, meeting, after);
        return after;
      });
    },

    /** Published minutes: anyone, signed in or not. */
    async publishedMinutes(meetingId: string): Promise<PublishedMinutesModel | null> {
      const m = isUuid(meetingId) ? await repo.findMeeting(db, meetingId) : undefined;
      return (m && toPublished(m)) ?? null;
    },

    async publishedList(bodyId?: string | null): Promise<PublishedMinutesModel[]> {
      if (bodyId && !isUuid(bodyId)) return [];
      return (await repo.listPublished(db, bodyId)).flatMap((m) => toPublished(m) ?? []);
    },

    /** Presence: enter (or renew the heartbeat) and get the list now. */
    async join(actor: Actor, meetingId: string, loaders?: Loaders): Promise<PresenceModel[]> {
      const { roles, meeting } = await readable(actor, meetingId, loaders);
      const user = requireUser(actor);
      if (!meetingsPolicy.join(user, roles)) throw forbidden();
      return presence.join(meeting.id, user.userId, user.partyId);
    },

    async leave(actor: Actor, meetingId: string): Promise<boolean> {
      const user = requireUser(actor);
      if (!isUuid(meetingId)) return false;
      await presence.leave(meetingId, user.userId);
      return true;
    },

    /** The presence list now and after each change, while the caller may read the meeting. */
    async watchPresence(actor: Actor, meetingId: string): Promise<AsyncIterableIterator<PresenceModel[]>> {
      const { meeting } = await readable(actor, meetingId);
      const user = requireUser(actor);
      const source = presence.watch(meeting.id, user.userId);
      let checkedAt = Date.now();
      let allowed = true;
      const it: AsyncIterableIterator<PresenceModel[]> = {
        async next() {
          const r = await source.next();
          if (r.done) return r;
          if (Date.now() - checkedAt > 10_000) {
            allowed = meetingsPolicy.read(user, await rolesIn(user, meeting.bodyId));
            checkedAt = Date.now();
          }
          if (!allowed) {
            await source.return?.();
            return { value: undefined, done: true };
          }
          return r;
        },
        return: () => source.return?.() ?? Promise.resolve({ value: undefined, done: true }),
        [Symbol.asyncIterator]: () => it,
      };
      return it;
    },

    /** Committed changes to the meeting, its items and attendance; the permission is checked per event. */
    async subscribe(actor: Actor, meetingId: string): Promise<AsyncIterableIterator<MeetingEventModel>> {
      const { meeting } = await readable(actor, meetingId);
      return subscribeToEvents(bus, meetingEventFilter(meeting.id), async (event) => {
        const roles = await rolesIn(actor, meeting.bodyId);
        if (!meetingsPolicy.read(actor, roles)) return undefined;
        const loaded = await loadEvent(event);
        if (!loaded) return undefined;
        const item =
          loaded.item && meetingsPolicy.seeAgenda(actor, roles, loaded.meeting.status) ? view(actor, roles, loaded.item) : null;
        return {
          kind: event.kind as MeetingEventModel['kind'],
          name: event.name,
          meeting: loaded.meeting,
          item,
          actorUserId: event.actorUserId,
        };
      });
    },
  };
}

/** The public shape of a published meeting, or undefined when it is not published. */
function toPublished(m: MeetingRow): PublishedMinutesModel | undefined {
  if (m.status !== 'PUBLISHED' || !m.published || !m.publishedAt) return undefined;
  return {
    ...m.published,
    meetingId: m.id,
    publishedAt: m.publishedAt,
    personalDataRemovalDue: m.personalDataRemovalDue,
    personalDataRemoved: m.personalDataRemovedAt != null,
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
