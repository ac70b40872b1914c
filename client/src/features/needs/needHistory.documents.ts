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
        id
        code
        name
      }
      ownerBody {
        id
        name
      }
      responsibilities {
        role
        description
        party {
          ...PartyRefFields
        }
      }
      actions {
        title
        dueDate
        status
        ownerParty {
          ...PartyRefFields
        }
      }
    }
  }
`);

export const NeedHistoryQuery = graphql(`
  query NeedHistory($id: ID!) {
    serviceNeed(id: $id) {
      id
      history {
        id
        at
        name
        kind
        changedFields
        before
        after
        actor {
          id
          displayName
        }
        party {
          ...PartyRefFields
        }
      }
    }
  }
`);
