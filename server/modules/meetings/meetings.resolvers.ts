import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { localized } from '../../lib/locale.js';
import { connectionOf } from '../../realtime/connection.js';
import { helsinkiDay, today } from '../../lib/dates.js';
import { participantsOf } from './meetings.quorum.js';
import { membershipsInRosterOrder, peopleInRosterOrder } from './meetings.roster.js';
import { defaultDecisionWordings, isDefaultDecisionWording } from './meetings.wording.js';
import { eventsOf, isRow, required, rowOf, textsOf, userOf } from '../../graphql/resolve.js';

/** Thin: parse arguments, call one service, shape rows for the API. */
export const meetingsResolvers: Resolvers = {
  Query: {
    meeting: (_, { id, asOf }, ctx) => ctx.services.meetings.get(ctx.actor, id, ctx.loaders, asOf),
    meetings: (_, args, ctx) => ctx.services.meetings.list(ctx.actor, args, ctx.loaders),
    publishedMinutes: (_, { meetingId }, ctx) => ctx.services.meetings.publishedMinutes(meetingId),
    publishedMinutesList: (_, { bodyId }, ctx) => ctx.services.meetings.publishedList(bodyId),
    overduePersonalDataRemovals: (_, __, ctx) => ctx.services.meetings.overdueRemovals(ctx.actor),
    appealInstructions: (_, { bodyId }, ctx) => ctx.services.meetings.appealInstructions(ctx.actor, bodyId),
  },
  Mutation: {
    createMeeting: (_, { input }, ctx) => ctx.services.meetings.create(ctx.actor, input),
    updateMeeting: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.meetings.update(ctx.actor, id, expectedVersion, input),
    addAgendaItem: (_, { input }, ctx) => ctx.services.meetings.addItem(ctx.actor, input),
    updateAgendaItem: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.meetings.updateItem(ctx.actor, id, expectedVersion, input),
    removeAgendaItem: (_, { id, expectedVersion }, ctx) => ctx.services.meetings.removeItem(ctx.actor, id, expectedVersion),
    reorderAgenda: (_, { meetingId, expectedVersion, itemIds }, ctx) =>
      ctx.services.meetings.reorder(ctx.actor, meetingId, expectedVersion, itemIds),
    transitionMeeting: (_, { id, expectedVersion, to }, ctx) =>
      ctx.services.meetings.transition(ctx.actor, id, expectedVersion, to, ctx.loaders),
    setCurrentAgendaItem: (_, { meetingId, itemId }, ctx) => ctx.services.meetings.setCurrentItem(ctx.actor, meetingId, itemId),
    recordAttendance: (_, { input }, ctx) => ctx.services.meetings.recordAttendance(ctx.actor, input),
    recordDecision: (_, { itemId, expectedVersion, ...rest }, ctx) =>
      ctx.services.meetings.recordDecision(ctx.actor, itemId, expectedVersion, rest),
    createDecisionAction: (_, { input }, ctx) => ctx.services.meetings.createDecisionAction(ctx.actor, input),
    electMinutesCheckers: (_, { meetingId, expectedVersion, personIds }, ctx) =>
      ctx.services.meetings.electCheckers(ctx.actor, meetingId, expectedVersion, personIds),
    checkMinutes: (_, { meetingId, expectedVersion }, ctx) =>
      ctx.services.meetings.checkMinutes(ctx.actor, meetingId, expectedVersion),
    reopenMinutesForCorrection: (_, { meetingId, expectedVersion }, ctx) =>
      ctx.services.meetings.reopenForCorrection(ctx.actor, meetingId, expectedVersion),
    setAppealInstructions: (_, { bodyId, expectedVersion, input }, ctx) =>
      ctx.services.meetings.setAppealInstructions(ctx.actor, bodyId, expectedVersion, input),
    removePersonalData: (_, { meetingId, expectedVersion }, ctx) =>
      ctx.services.meetings.removePersonalData(ctx.actor, meetingId, expectedVersion),
    joinMeeting: (_, { meetingId, clientId }, ctx) =>
      ctx.services.meetings.join(ctx.actor, meetingId, ctx.loaders, connectionOf(ctx), clientId),
    leaveMeeting: (_, { meetingId, clientId }, ctx) =>
      ctx.services.meetings.leave(ctx.actor, meetingId, ctx.loaders, connectionOf(ctx), clientId),
    pushAwarenessUpdate: (_, { documentId, update }, ctx) => ctx.services.meetings.awareness.push(ctx.actor, documentId, update),
  },
  Subscription: {
    meetingChanged: eventsOf((_, { meetingId }, ctx) => ctx.services.meetings.subscribe(ctx.actor, meetingId)),
    presenceChanged: eventsOf((_, { meetingId, clientId }, ctx) =>
      ctx.services.meetings.watchPresence(ctx.actor, meetingId, clientId),
    ),
    awarenessUpdated: eventsOf((_, { documentId }, ctx) => ctx.services.meetings.awareness.subscribe(ctx.actor, documentId)),
  },
  CooperationBody: {
    meetings: (b, _, ctx) => ctx.services.meetings.list(ctx.actor, { bodyId: b.id }, ctx.loaders),
    appealInstructions: (b, _, ctx) => ctx.services.meetings.appealInstructions(ctx.actor, b.id),
  },
  AppealInstructions: {
    text: (a, _, ctx) => localized(a, ctx.locale),
    sv: (a) => a.sv ?? null,
    en: (a) => a.en ?? null,
  },
  Action: {
    agendaItem: async (a, _, ctx) => {
      if (!a.agendaItemId) return null;
      const item = await ctx.services.meetings.readableItem(ctx.actor, a.agendaItemId, ctx.loaders);
      return item && !item.restricted ? item : null;
    },
  },
  MinutesChecker: {
    person: (c, _, ctx) => required(ctx.loaders.persons.personById.load(c.personId), `checker ${c.meetingId}: person`),
    checkedBy: (c, _, ctx) => userOf(c.checkedByUserId, ctx),
    // The rule of electMinutesCheckers' NO_ACCOUNT (canSignInToCheck), told to those who run the meeting (else true);
    // persons and users batch.
    hasAccount: async (c, _, ctx) => {
      const m = await required(ctx.loaders.meetings.meetingById.load(c.meetingId), `checker ${c.meetingId}: meeting`);
      return ctx.services.meetings.checkerCanSignIn(ctx.actor, m, c.personId, ctx.loaders);
    },
  },
  Meeting: {
    body: (m, _, ctx) => required(ctx.loaders.cooperation.bodyById.load(m.bodyId), `meeting ${m.id}: body`),
    status: (m) => m.status as never,
    agenda: (m, _, ctx) => ctx.services.meetings.agenda(ctx.actor, m, ctx.loaders),
    currentItem: (m, _, ctx) => ctx.services.meetings.currentItem(ctx.actor, m, ctx.loaders),
    // In roster order (meetings.roster.ts), as the room's table and the published minutes list them; of a past
    // state, its rows, each marked with its moment (judged by that day, read-only).
    attendance: async (m, _, ctx) =>
      peopleInRosterOrder(
        ctx.loaders,
        m.bodyId,
        helsinkiDay(m.startsAt),
        m.asOf?.attendance ?? (await ctx.loaders.meetings.attendanceByMeetingId.load(m.id)),
        (a) => a.personId,
      ),
    asOf: (m) => m.asOf?.at ?? null,
    // Who may attend: the rule recordAttendance keeps (participantsOf), in roster order.
    participants: async (m, _, ctx) =>
      membershipsInRosterOrder(
        ctx.loaders,
        participantsOf(await ctx.loaders.cooperation.membershipsByBodyId.load(m.bodyId), today()),
      ),
    minutes: (m, _, ctx) => ctx.services.meetings.minutes(ctx.actor, m),
    minutesCheckers: (m, _, ctx) => m.asOf?.checkers ?? ctx.loaders.meetings.checkersByMeetingId.load(m.id),
    quorum: (m, _, ctx) => ctx.services.meetings.quorum(m, ctx.loaders),
    allowedTransitions: (m, _, ctx) => ctx.services.meetings.allowedTransitions(ctx.actor, m, ctx.loaders) as never,
    viewerCan: (m, _, ctx) => ctx.services.meetings.permissions(ctx.actor, m, ctx.loaders),
  },
  AgendaItem: {
    meeting: (i, _, ctx) => required(ctx.loaders.meetings.meetingById.load(i.meetingId), `agenda item ${i.id}: meeting`),
    presenter: (i, _, ctx) => rowOf(ctx.loaders.persons.personById, i.presenterId),
    preparer: (i, _, ctx) => rowOf(ctx.loaders.persons.personById, i.preparerId),
    publicity: (i) => i.publicity as never,
    decisionMode: (i) => (i.decisionMode ?? null) as never,
    votes: (i) => (i.votesFor != null ? { for: i.votesFor, against: i.votesAgainst ?? 0, abstain: i.votesAbstain ?? 0 } : null),
    relatedNeeds: (i, _, ctx) => ctx.services.needs.getVisible(ctx.actor, i.relatedNeedIds, ctx.loaders),
    actions: async (i, _, ctx) => {
      const readable = await ctx.services.needs.getVisible(ctx.actor, i.relatedNeedIds, ctx.loaders);
      const lists = await ctx.loaders.needs.actionsByNeedId.loadMany(readable.map((n) => n.id));
      return lists
        .filter(isRow)
        .flat()
        .filter((a) => a.agendaItemId === i.id);
    },
    decisionDocument: (i, _, ctx) => ctx.services.meetings.decisionDocument(ctx.actor, i),
    quorum: (i) =>
      i.quorumMembers != null && !i.restricted ? { present: i.quorumPresent ?? 0, members: i.quorumMembers } : null,
    // From the item as the caller sees it: a restricted item's decision and proposal are withheld, and so are these.
    decisionWordingIsDefault: (i) => !i.restricted && isDefaultDecisionWording(i),
    defaultDecisionWordings: (i) => (i.restricted ? [] : defaultDecisionWordings(i.proposal)),
  },
  Attendance: {
    person: (a, _, ctx) => required(ctx.loaders.persons.personById.load(a.personId), `attendance ${a.meetingId}: person`),
    party: (a, _, ctx) => rowOf(ctx.loaders.parties.partyById, a.partyId),
    status: (a) => a.status as never,
    deputyFor: (a, _, ctx) => rowOf(ctx.loaders.persons.personById, a.deputyForPersonId),
    fillsSeat: (a, _, ctx) => ctx.services.meetings.fillsSeat(a, ctx.loaders),
    canCheckMinutes: (a, _, ctx) => ctx.services.meetings.canCheckMinutes(ctx.actor, a, ctx.loaders),
    deputyForChoices: (a, _, ctx) => ctx.services.meetings.deputyForChoices(a, ctx.loaders),
  },
  Presence: {
    user: (p, _, ctx) => required(ctx.loaders.users.userById.load(p.userId), `presence: user ${p.userId}`),
    party: (p, _, ctx) => rowOf(ctx.loaders.parties.partyById, p.partyId),
  },
  MeetingEvent: {
    actor: (e, _, ctx) => userOf(e.actorUserId, ctx),
  },
  AwarenessUpdate: {
    user: (e, _, ctx) => userOf(e.userId, ctx),
  },
  PublishedMinutes: {
    bodyName: (p, _, ctx) => localized(p.bodyName, ctx.locale),
    bodyNames: (p) => textsOf(p.bodyName),
    attendance: (p) => p.attendance,
    items: (p) => p.items.map((i) => ({ ...i, actions: i.actions ?? [], quorum: i.quorum ?? null })) as never,
    pdfUrl: (p) => `/meetings/${p.meetingId}/minutes.pdf`,
    checkers: (p) => p.checkers ?? [],
    appealInstructions: (p, _, ctx) => (p.appealInstructions ? localized(p.appealInstructions, ctx.locale) : null),
    appealInstructionsTexts: (p) => (p.appealInstructions ? textsOf(p.appealInstructions) : null),
  },
  // Party names in the reader's language; copies made before they were frozen in every language have the Finnish one.
  PublishedAttendance: {
    party: (a, _, ctx) => (a.partyNames ? localized(a.partyNames, ctx.locale) : a.party),
    partyNames: (a) => publishedNames(a.partyNames, a.party),
  },
  PublishedAction: {
    ownerParty: (a, _, ctx) => (a.ownerPartyNames ? localized(a.ownerPartyNames, ctx.locale) : a.ownerParty),
    ownerPartyNames: (a) => publishedNames(a.ownerPartyNames, a.ownerParty),
  },
};

/** A name frozen in every language, or (in an older copy) the Finnish one only. */
const publishedNames = (names: Parameters<typeof textsOf>[0] | null | undefined, fi: string | null) =>
  names ? textsOf(names) : fi != null ? { fi, sv: null, en: null } : null;
