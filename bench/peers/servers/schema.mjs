import { buildSchema } from 'graphql';

/** The need and its event, as the peers serve them (the same shape as Yhteispeli's selection). */
export const sdl = `
  type Need { id: ID! title: String! status: String! version: Int! }
  type NeedEvent { kind: String! name: String! need: Need! }
  type Query { need(id: ID!): Need }
  type Subscription { serviceNeedChanged(id: ID): NeedEvent! }
`;

/** The schema with root resolvers attached to Query and Subscription fields. */
export function withResolvers(resolvers) {
  const schema = buildSchema(sdl);
  for (const type of [schema.getQueryType(), schema.getSubscriptionType()]) {
    for (const [name, field] of Object.entries(type.getFields())) {
      const r = resolvers[name];
      if (!r) continue;
      if (typeof r === 'function') field.resolve = (root, args) => r(args);
      else {
        field.subscribe = r.subscribe;
        field.resolve = (payload) => payload[name];
      }
    }
  }
  return schema;
}
