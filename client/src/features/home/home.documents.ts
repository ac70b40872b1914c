import { graphql } from '../../graphql/generated';

/**
 * The signed-in user's front page: coming meetings of the bodies they may see,
 * their party's open actions, the needs their party is responsible for, and
 * agreements whose ratification their party has not yet recorded.
 */
export const HomeQuery = graphql(`
  query Home($from: DateTime!, $partyId: ID!, $hasParty: Boolean!) {
    meetings(from: $from) {
      id
      title
      startsAt
      status
      body {
        ...BodyNameFields
      }
    }
    partyActions(partyId: $partyId, status: [PLANNED, IN_PROGRESS]) @include(if: $hasParty) {
      id
      title
      dueDate
      status
      overdue
      need {
        id
        title
      }
    }
    responsible: serviceNeeds(filter: { responsiblePartyId: $partyId }, first: 5, sort: UPDATED_DESC) @include(if: $hasParty) {
      totalCount
      edges {
        node {
          id
          title
          status
          updatedAt
          responsibilities {
            role
            party {
              id
            }
          }
        }
      }
    }
    gaps: serviceNeeds(
      filter: { withoutLead: true, status: [IDENTIFIED, UNDER_ANALYSIS, AGREED, IN_PROGRESS, MONITORING, ESCALATED] }
      first: 1
    ) {
      totalCount
    }
    agreements {
      id
      titles {
        ...LocalizedTextFields
      }
      validFrom
      parties {
        id
      }
      ratifications {
        id
        outcome
        party {
          id
        }
      }
    }
  }
`);
