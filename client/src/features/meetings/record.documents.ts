import { graphql } from '../../graphql/generated';

/** The lawful record (issue 12): checkers, appeal instructions, overdue personal data removals. */
export const ElectMinutesCheckersMutation = graphql(`
  mutation ElectMinutesCheckers($meetingId: ID!, $expectedVersion: Int!, $personIds: [ID!]!) {
    electMinutesCheckers(meetingId: $meetingId, expectedVersion: $expectedVersion, personIds: $personIds) {
      ...MeetingFields
    }
  }
`);

export const CheckMinutesMutation = graphql(`
  mutation CheckMinutes($meetingId: ID!, $expectedVersion: Int!) {
    checkMinutes(meetingId: $meetingId, expectedVersion: $expectedVersion) {
      ...MeetingFields
    }
  }
`);

export const AppealInstructionsQuery = graphql(`
  query AppealInstructions($bodyId: ID!) {
    appealInstructions(bodyId: $bodyId) {
      bodyId
      fi
      sv
      en
      isDefault
      version
    }
  }
`);

export const SetAppealInstructionsMutation = graphql(`
  mutation SetAppealInstructions($bodyId: ID!, $expectedVersion: Int!, $input: AppealInstructionsInput!) {
    setAppealInstructions(bodyId: $bodyId, expectedVersion: $expectedVersion, input: $input) {
      bodyId
      fi
      sv
      en
      isDefault
      version
    }
  }
`);

export const OverdueRemovalsQuery = graphql(`
  query OverdueRemovals {
    overduePersonalDataRemovals {
      id
      title
      version
      status
      personalDataRemovalDue
      personalDataRemovedAt
      body {
        id
        names {
          fi
          sv
          en
        }
      }
    }
  }
`);

export const RemoveOverduePersonalDataMutation = graphql(`
  mutation RemoveOverduePersonalData($meetingId: ID!, $expectedVersion: Int!) {
    removePersonalData(meetingId: $meetingId, expectedVersion: $expectedVersion) {
      id
      version
      personalDataRemovedAt
    }
  }
`);
