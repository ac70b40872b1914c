import { graphql } from '../../graphql/generated';

/** The need as it stood at a moment (not normalised into the live record: see the cache keys). */
export const ServiceNeedAsOfQuery = graphql(`
  query ServiceNeedAsOf($id: ID!, $asOf: DateTime!) {
    serviceNeed(id: $id, asOf: $asOf) {
      id
      asOf
      title
      summary
      status
      statusNote
      priority
      estimatedResidents
      legalBasis
      version
      updatedAt
      targetGroups
      themes {
        ...ThemeNameFields
      }
      ownerBody {
        ...BodyNameFields
      }
      responsibilities {
        role
        description
        party {
          ...PartyNameFields
        }
      }
      actions {
        # No id: an action as it stood stays in this need, never merged into the live one.
        ...ActionSummaryFields
      }
    }
  }
`);

/** One line of a need's history: the history panel's query and the need page's live event select the same. */
export const NeedHistoryEntryFieldsFragment = graphql(`
  fragment NeedHistoryEntryFields on NeedHistoryEntry {
    id
    at
    name
    kind
    changedFields
    before
    after
    actor {
      ...UserNameFields
    }
    party {
      ...PartyNameFields
    }
  }
`);

export const NeedHistoryQuery = graphql(`
  query NeedHistory($id: ID!) {
    serviceNeed(id: $id) {
      id
      history {
        ...NeedHistoryEntryFields
      }
    }
  }
`);
