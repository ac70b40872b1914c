import { graphql } from '../../graphql/generated';

/** The fields every view of a token shows; shared so that a revoke merges into the list. */
export const ApiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    scopes
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);

/** The signed-in user's own API tokens, newest first. */
export const MyApiTokensQuery = graphql(`
  query MyApiTokens {
    myApiTokens {
      ...ApiTokenFields
    }
  }
`);

/** A new read-only token; `token` is the secret, which the server never shows again. */
export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name, scopes: [READ]) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

/** Revokes a token at once; a revoked token is refused with UNAUTHENTICATED (HTTP 401). */
export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      ...ApiTokenFields
    }
  }
`);

/** One page of the disclosure log (queries made with API tokens), newest first; the secretariat only. */
export const DisclosuresQuery = graphql(`
  query Disclosures($first: Int, $after: String, $userId: ID, $apiTokenId: ID) {
    disclosures(first: $first, after: $after, userId: $userId, apiTokenId: $apiTokenId) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          at
          user {
            ...UserNameFields
          }
          apiToken {
            id
            name
            prefix
          }
          requestId
          transport
          operationType
          operationName
          rootFields
          query
          variables
          outcome
        }
      }
    }
  }
`);

/** One page of the audit stream, newest first, as the caller may see it, each event with its record's title. */
export const ChangesQuery = graphql(`
  query Changes($first: Int, $after: String, $entityType: String, $entityId: ID, $author: ChangeAuthor) {
    changes(first: $first, after: $after, entityType: $entityType, entityId: $entityId, author: $author, order: NEWEST_FIRST) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          at
          actor {
            ...UserNameFields
          }
          bySystem
          party {
            ...PartyNameFields
          }
          name
          entityType
          entityTitle
          entityId
          kind
          entityVersion
          before
          after
          referencedUsers {
            ...UserNameFields
          }
          referencedNeeds {
            id
            title
          }
          referencedAgendaItems {
            id
            section
            title
          }
          referencedRecords {
            entityType
            entityId
            title
          }
          belongsTo {
            entityType
            entityId
            title
          }
        }
      }
    }
  }
`);

/** Names for what the audit trail's recorded values refer to: parties, bodies and people (members of bodies) by id, themes by code. */
export const AuditNamesQuery = graphql(`
  query AuditNames {
    parties {
      ...PartyNameFields
    }
    cooperationBodies {
      ...BodyNameFields
    }
    themes {
      code
      names {
        ...LocalizedTextFields
      }
    }
    persons {
      id
      name
    }
  }
`);
