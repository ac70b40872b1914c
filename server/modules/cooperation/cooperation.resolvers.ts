import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { localized } from '../../lib/locale.js';
import { ratificationProgress } from './agreements.service.js';
import { isCurrentMembership } from './cooperation.models.js';
import type { MembershipRow } from '../../graphql/mappers.js';
import { eventsOf, isRow, required, rowOf, textsOf, userOf } from '../../graphql/resolve.js';

const isActive = (m: MembershipRow) => isCurrentMembership(m);

/** Thin: parse arguments, call one service, shape rows for the API. */
export const cooperationResolvers: Resolvers = {
  Query: {
    cooperationBodies: (_, { tier }, ctx) => ctx.services.cooperation.listBodies(ctx.actor, tier),
    cooperationBody: (_, { id }, ctx) => ctx.services.cooperation.getBody(ctx.actor, id),
    agreements: (_, __, ctx) => ctx.services.agreements.list(ctx.actor),
    agreement: (_, { id }, ctx) => ctx.services.agreements.get(ctx.actor, id),
    negotiations: (_, { kind, year }, ctx) => ctx.services.agreements.listNegotiations(ctx.actor, kind, year),
    negotiation: (_, { id }, ctx) => ctx.services.agreements.getNegotiation(ctx.actor, id),
  },
  Mutation: {
    createCooperationBody: (_, { input }, ctx) => ctx.services.cooperation.createBody(ctx.actor, input),
    updateCooperationBody: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.cooperation.updateBody(ctx.actor, id, expectedVersion, input),
    addMembership: (_, { input }, ctx) => ctx.services.cooperation.addMembership(ctx.actor, input),
    updateMembership: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.cooperation.updateMembership(ctx.actor, id, expectedVersion, input),
    endMembership: (_, { id, expectedVersion, endsOn }, ctx) =>
      ctx.services.cooperation.endMembership(ctx.actor, id, expectedVersion, endsOn),
    createAgreement: (_, { input }, ctx) => ctx.services.agreements.create(ctx.actor, input),
    updateAgreement: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.agreements.update(ctx.actor, id, expectedVersion, input),
    addAgreementSection: (_, { agreementId, input }, ctx) => ctx.services.agreements.addSection(ctx.actor, agreementId, input),
    updateAgreementSection: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.agreements.updateSection(ctx.actor, id, expectedVersion, input),
    recordRatification: (_, { input }, ctx) => ctx.services.agreements.recordRatification(ctx.actor, input),
    createNegotiation: (_, { input }, ctx) => ctx.services.agreements.createNegotiation(ctx.actor, input),
    updateNegotiation: (_, { id, expectedVersion, input }, ctx) =>
      ctx.services.agreements.updateNegotiation(ctx.actor, id, expectedVersion, input),
  },
  Subscription: {
    cooperationBodyChanged: eventsOf((_, { id }, ctx) => ctx.services.cooperation.subscribe(ctx.actor, id)),
    agreementChanged: eventsOf((_, { id }, ctx) => ctx.services.agreements.subscribe(ctx.actor, id)),
    negotiationChanged: eventsOf((_, { id }, ctx) => ctx.services.agreements.subscribeNegotiations(ctx.actor, id)),
  },
  CooperationBody: {
    name: (b, _, ctx) => localized(b.names, ctx.locale),
    names: (b) => textsOf(b.names),
    tier: (b) => b.tier as never,
    cadence: (b) => (b.cadence ?? null) as never,
    themes: async (b, _, ctx) => (await ctx.loaders.parties.themeByCode.loadMany(b.themeCodes)).filter(isRow),
    parent: (b, _, ctx) => rowOf(ctx.loaders.cooperation.bodyById, b.parentId),
    children: (b, _, ctx) => ctx.loaders.cooperation.childrenByBodyId.load(b.id),
    memberships: (b, _, ctx) => ctx.loaders.cooperation.membershipsByBodyId.load(b.id),
    chair: async (b, _, ctx) => {
      const m = (await ctx.loaders.cooperation.membershipsByBodyId.load(b.id)).find((x) => x.role === 'CHAIR' && isActive(x));
      return m ? ((await ctx.loaders.persons.personById.load(m.personId)) ?? null) : null;
    },
    secretary: async (b, _, ctx) => {
      const m = (await ctx.loaders.cooperation.membershipsByBodyId.load(b.id)).find((x) => x.role === 'SECRETARY' && isActive(x));
      return m ? ((await ctx.loaders.persons.personById.load(m.personId)) ?? null) : null;
    },
  },
  Membership: {
    person: (m, _, ctx) => required(ctx.loaders.persons.personById.load(m.personId), `membership ${m.id}: person`),
    party: (m, _, ctx) => required(ctx.loaders.parties.partyById.load(m.partyId), `membership ${m.id}: party`),
    body: (m, _, ctx) => required(ctx.loaders.cooperation.bodyById.load(m.bodyId), `membership ${m.id}: body`),
    role: (m) => m.role as never,
    capacity: (m) => (m.capacity ?? null) as never,
    active: (m) => isActive(m),
  },
  Agreement: {
    title: (a, _, ctx) => localized(a.titles, ctx.locale),
    titles: (a) => textsOf(a.titles),
    type: (a) => a.type as never,
    parties: async (a, _, ctx) => {
      const ids = await ctx.loaders.cooperation.partyIdsByAgreementId.load(a.id);
      return (await ctx.loaders.parties.partyById.loadMany(ids)).filter(isRow);
    },
    sections: (a, _, ctx) => ctx.loaders.cooperation.sectionsByAgreementId.load(a.id),
    ratifications: (a, _, ctx) => ctx.loaders.cooperation.ratificationsByAgreementId.load(a.id),
    ratificationProgress: async (a, _, ctx) =>
      ratificationProgress(await ctx.loaders.cooperation.ratificationsByAgreementId.load(a.id)),
  },
  AgreementSection: {
    kind: (s) => s.kind as never,
  },
  Ratification: {
    agreement: (r, _, ctx) =>
      required(ctx.loaders.cooperation.agreementById.load(r.agreementId), `ratification ${r.id}: agreement`),
    party: (r, _, ctx) => required(ctx.loaders.parties.partyById.load(r.partyId), `ratification ${r.id}: party`),
    outcome: (r) => r.outcome as never,
    recordedBy: (r, _, ctx) => userOf(r.recordedByUserId, ctx),
  },
  Negotiation: {
    kind: (n) => n.kind as never,
    parties: async (n, _, ctx) => {
      const ids = await ctx.loaders.cooperation.partyIdsByNegotiationId.load(n.id);
      return (await ctx.loaders.parties.partyById.loadMany(ids)).filter(isRow);
    },
  },
  CooperationBodyEvent: {
    actor: (e, _, ctx) => userOf(e.actorUserId, ctx),
  },
  AgreementEvent: {
    actor: (e, _, ctx) => userOf(e.actorUserId, ctx),
  },
  NegotiationEvent: {
    actor: (e, _, ctx) => userOf(e.actorUserId, ctx),
  },
};
