import type { Resolvers } from '../../graphql/generated/resolvers.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { TargetType } from './attachments.targets.js';
import { userOf } from '../../graphql/resolve.js';

/** Files of a target the caller already reads (its parent resolved through its own policy). */
const listOf = (type: TargetType, id: string, ctx: GraphQLContext) => ctx.loaders.attachments.byTarget.load(`${type}:${id}`);

/** Thin: parse arguments, call the service, shape rows for the API. */
export const attachmentsResolvers: Resolvers = {
  Mutation: {
    deleteAttachment: (_, { id }, ctx) => ctx.services.attachments.remove(ctx.actor, id),
  },
  Attachment: {
    createdBy: (a, _, ctx) => (ctx.actor.kind === 'user' ? userOf(a.createdByUserId, ctx) : null),
    downloadUrl: (a) => `/attachments/${a.id}`,
  },
  AgendaItem: {
    attachments: (item, _, ctx) => (item.restricted ? [] : listOf('AGENDA_ITEM', item.id, ctx)),
    // An item of a past state of its meeting ("as of") lists today's files but changes none.
    attachmentPermissions: (item, _, ctx) =>
      item.restricted
        ? { read: false, upload: false }
        : ctx.services.attachments.permissions(ctx.actor, 'AGENDA_ITEM', item.id, ctx.loaders, { asOf: item.asOf }),
  },
  ServiceNeed: {
    attachments: (need, _, ctx) => listOf('SERVICE_NEED', need.id, ctx),
    // A past view ("as of") lists today's files but changes none.
    attachmentPermissions: (need, _, ctx) =>
      ctx.services.attachments.permissions(ctx.actor, 'SERVICE_NEED', need.id, ctx.loaders, { asOf: need.asOf }),
  },
  Agreement: {
    attachments: (agreement, _, ctx) => listOf('AGREEMENT', agreement.id, ctx),
    attachmentPermissions: (agreement, _, ctx) =>
      ctx.services.attachments.permissions(ctx.actor, 'AGREEMENT', agreement.id, ctx.loaders),
  },
  PublishedMinutes: {
    attachments: (m, _, ctx) => ctx.services.attachments.ofPublishedMinutes(m.meetingId),
  },
  PublishedAttachment: {
    itemSection: (p) => p.item.section,
    itemTitle: (p) => p.item.title,
    attachment: (p) => p.row,
  },
};
