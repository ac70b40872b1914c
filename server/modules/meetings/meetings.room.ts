import { actorOf, type Actor } from '../../auth/actor.js';
import { requireUser } from '../../auth/guard.js';
import { SlidingWindowLimiter } from '../../auth/rate-limit.js';
import type { Db } from '../../db/client.js';
import { badInput, forbidden, rateLimited } from '../../errors.js';
import type { EventBus } from '../../realtime/bus.js';
import type { Connection } from '../../realtime/connection.js';
import type { ChangeEventRow } from '../../realtime/changes.table.js';
import { loadOncePerEvent, subscribeToEvents } from '../../realtime/subscribe.js';
import { EVENTS } from '../../realtime/topics.js';
import { upsertAtKey } from '../../realtime/update.js';
import type { Writer } from '../../realtime/write.js';
import { isUuid, parseInput } from '../../validation.js';
import { createLoaders, type Loaders } from '../loaders.js';
import type { PersonsService } from '../parties/persons.service.js';
import { refuseIn, type MeetingsAccess } from './meetings.access.js';
import { meetingEventFilter } from './meetings.events.js';
import { recordAttendanceInput } from './meetings.inputs.js';
import type { MeetingEventModel, PresenceModel } from './meetings.models.js';
import { EDITABLE_IN, meetingsPolicy } from './meetings.policy.js';
import type { PresenceCheck, PresenceRegistry, PresentUser } from './meetings.presence.js';
import type { MeetingRecord } from './meetings.record.js';
import { refuseChecked } from './meetings.record.rules.js';
import * as repo from './meetings.repo.js';
import { saveMeeting } from './meetings.writes.js';
import type { MeetingRow } from './meetings.table.js';

/**
 * Presence calls (join, heartbeat, leave) per user: each one is broadcast to every instance. The client
 * sends a heartbeat every 20 s, so this leaves room for many tabs and quick moves between meetings.
 */
const PRESENCE_FLOOD = { max: 20, windowMs: 10_000 };

/** A client's own id for its presence (`clientId`, e.g. a browser tab's random UUID): short and plain. */
const CLIENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The `clientId` argument of joinMeeting, leaveMeeting and presenceChanged: null when not sent, BAD_USER_INPUT when malformed. */
function parseClientId(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!CLIENT_ID.test(value)) throw badInput({ clientId: 'Expected 1 to 64 letters, digits, - or _' });
  return value;
}

/** How long a presence watcher's right to watch is trusted without an event that can change it. */
const WATCH_RECHECK_MS = 10_000;

/**
 * Who of those present may no longer be (the rule of joinMeeting, read afresh): an account no longer active, or
 * one without a session's right to the meeting any more (no role in its body, nor the secretariat's). Presence is
 * only ever held by a session, so each is judged as one. One batch of reads for everyone present, not one per user.
 */
export function createPresenceCheck(db: Db, { rolesIn }: Pick<MeetingsAccess, 'rolesIn'>): PresenceCheck {
  return async (present) => {
    const loaders = createLoaders(db);
    const refused: PresentUser[] = [];
    await Promise.all(
      present.map(async (p) => {
        const [user, meeting] = await Promise.all([
          isUuid(p.userId) ? loaders.users.userById.load(p.userId) : undefined,
          isUuid(p.meetingId) ? loaders.meetings.meetingById.load(p.meetingId) : undefined,
        ]);
        const actor = user?.status === 'ACTIVE' ? actorOf(user, 'session') : undefined;
        const may = !!actor && !!meeting && meetingsPolicy.join(actor, await rolesIn(actor, meeting.bodyId, loaders));
        if (!may) refused.push(p);
      }),
    );
    return refused;
  };
}

/**
 * The live meeting room: the chair's pointer, attendance, who is present
 * (join, leave, the presence list) and the stream of the meeting's committed changes.
 */
export function createMeetingRoom(
  { db, write, bus }: { db: Db; write: Writer; bus: EventBus },
  persons: PersonsService,
  { rolesIn, view, readable, lockManaged }: MeetingsAccess,
  presence: PresenceRegistry,
  lawful: Pick<MeetingRecord, 'refuseAbsentChecker' | 'refuseUnlawfulAttendance'>,
) {
  const loadEvent = loadOncePerEvent(async (event: ChangeEventRow) => {
    const meetingId =
      event.entityType === EVENTS.meetingCreated.entityType ? event.entityId : String(event.scope?.meetingId ?? '');
    const meeting = await repo.meetingRows.find(db, meetingId);
    const item =
      event.entityType === EVENTS.agendaItemAdded.entityType && event.kind !== 'DELETED'
        ? await repo.itemRows.find(db, event.entityId)
        : undefined;
    return meeting ? { meeting, item: item ?? null } : undefined;
  });

  const presenceFlood = new SlidingWindowLimiter(PRESENCE_FLOOD.max, PRESENCE_FLOOD.windowMs);

  /** The meeting and the caller, once the caller may be present in it (the rule of joinMeeting) and within the rate. */
  async function presenceOf(actor: Actor, meetingId: string, loaders?: Loaders) {
    const { roles, meeting } = await readable(actor, meetingId, loaders);
    const user = requireUser(actor);
    if (!meetingsPolicy.join(user, roles)) throw forbidden();
    const wait = presenceFlood.retryAfter(user.userId);
    if (wait > 0) throw rateLimited(wait);
    presenceFlood.hit(user.userId);
    return { meeting, user };
  }

  return {
    /** Moves the pointer; every follower sees it through `meetingChanged`. */
    async setCurrentItem(actor: Actor, meetingId: string, itemId: string | null | undefined): Promise<MeetingRow> {
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, meetingId);
        refuseIn(meeting, EDITABLE_IN.pointer, 'The current item');
        if (itemId) {
          const item = await repo.itemRows.find(tx, itemId);
          if (!item || item.meetingId !== meeting.id) throw badInput({ itemId: 'Not an item of this meeting' });
        }
        return saveMeeting({ tx, record }, EVENTS.meetingPointerMoved, meeting, { currentItemId: itemId ?? null });
      });
    },

    /** Records (or replaces) one person's attendance. */
    async recordAttendance(actor: Actor, raw: unknown): Promise<MeetingRow> {
      const input = parseInput(recordAttendanceInput, raw);
      const user = requireUser(actor);
      return write(user, async ({ tx, record }) => {
        const { meeting } = await lockManaged(tx, user, input.meetingId);
        refuseIn(meeting, EDITABLE_IN.attendance, 'Attendance');
        await refuseChecked(tx, meeting, 'input.meetingId');
        const person = await persons.findInTx(tx, input.personId);
        if (!person) throw badInput({ 'input.personId': 'No such person' });
        if (input.deputyForPersonId && !(await persons.findInTx(tx, input.deputyForPersonId))) {
          throw badInput({ 'input.deputyForPersonId': 'No such person' });
        }
        await lawful.refuseUnlawfulAttendance(tx, meeting, { ...input, personId: person.id });
        await lawful.refuseAbsentChecker(tx, meeting.id, person.id, input.status);
        const values = { partyId: person.partyId, status: input.status, deputyForPersonId: input.deputyForPersonId ?? null };
        await upsertAtKey(
          record,
          EVENTS.attendanceRecorded,
          [meeting.id, person.id],
          { meetingId: meeting.id, bodyId: meeting.bodyId },
          {
            find: () => repo.findAttendance(tx, meeting.id, person.id),
            upsert: () =>
              repo.upsertAttendance(tx, { meetingId: meeting.id, personId: person.id, ...values, recordedByUserId: user.userId }),
            values,
          },
        );
        return meeting;
      });
    },

    /**
     * Presence: enter (or renew the heartbeat) and get the list now; joined on a WebSocket, until it closes.
     * Over HTTP, `clientId` gives the caller's tab a hold of its own.
     */
    async join(
      actor: Actor,
      meetingId: string,
      loaders?: Loaders,
      connection?: Connection,
      clientId?: string | null,
    ): Promise<PresenceModel[]> {
      const client = parseClientId(clientId);
      const { meeting, user } = await presenceOf(actor, meetingId, loaders);
      return presence.join(meeting.id, user.userId, user.partyId, connection, client);
    },

    /** Leaves the room (the hold of this socket, of this `clientId`, or of unnamed HTTP joins): the same rule and rate as joining. */
    async leave(
      actor: Actor,
      meetingId: string,
      loaders?: Loaders,
      connection?: Connection,
      clientId?: string | null,
    ): Promise<boolean> {
      const client = parseClientId(clientId);
      const { meeting, user } = await presenceOf(actor, meetingId, loaders);
      await presence.leave(meeting.id, user.userId, connection, client);
      return true;
    },

    /**
     * The presence list now and after each change, while the caller may read the meeting: the right is checked
     * before each list is sent, from the subscription's scope (its roles per body), read again when an event that
     * can change it has committed (or after 10 s), never a query per list; once it says no, the subscription ends.
     * With `clientId`, its end (the tab unsubscribed or its socket closed) also ends that client's presence held
     * over HTTP.
     */
    async watchPresence(
      actor: Actor,
      meetingId: string,
      clientId?: string | null,
    ): Promise<AsyncIterableIterator<PresenceModel[]>> {
      const client = parseClientId(clientId);
      const { meeting } = await readable(actor, meetingId);
      const user = requireUser(actor);
      const source = presence.watch(meeting.id, user.userId, client);
      let checkedAt = Date.now();
      let generation = presence.rightsGeneration();
      let allowed = true;
      const it: AsyncIterableIterator<PresenceModel[]> = {
        async next() {
          const r = await source.next();
          if (r.done) return r;
          if (presence.rightsGeneration() !== generation || Date.now() - checkedAt > WATCH_RECHECK_MS) {
            generation = presence.rightsGeneration();
            checkedAt = Date.now();
            allowed = meetingsPolicy.read(user, await rolesIn(user, meeting.bodyId));
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
