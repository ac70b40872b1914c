import type { Resolvers } from '../../graphql/generated/resolvers.js';
import { passThrough } from '../../graphql/leaf-projection.js';
import { userOf } from '../../graphql/resolve.js';

/** Thin: the service checks size, format, permission and stores before answering. */
export const documentsResolvers: Resolvers = {
  Query: {
    document: (_, { id }, ctx) => ctx.services.documents.get(ctx.actor, id),
    documentState: (_, { id, stateVector }, ctx) => ctx.services.documents.state(ctx.actor, id, stateVector),
  },
  Mutation: {
    pushDocumentUpdate: (_, { documentId, update, clientId }, ctx) =>
      ctx.services.documents.push(ctx.actor, documentId, update, clientId),
  },
  Subscription: {
    documentUpdated: {
      subscribe: (_, { documentId, stateVector, clientId }, ctx) =>
        ctx.services.documents.subscribe(ctx.actor, documentId, stateVector, clientId),
      // The payload is the DocumentUpdate itself; leaf-only selections skip execution per event (ADR 0011).
      resolve: passThrough as never,
    },
  },
  Document: {
    text: (doc, _, ctx) => ctx.services.documents.text(doc),
    canEdit: (doc, _, ctx) => ctx.services.documents.canEdit(ctx.actor, doc),
    editLockReason: (doc, _, ctx) => ctx.services.documents.editLockReason(ctx.actor, doc),
  },
  DocumentUpdate: {
    actor: (u, _, ctx) => userOf(u.actorUserId, ctx),
  },
};
