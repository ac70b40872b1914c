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

/** Reopens checked minutes for a correction: every check is cleared (the checkers see it live). */
export const ReopenMinutesForCorrectionMutation = graphql(`
  mutation ReopenMinutesForCorrection($meetingId: ID!, $expectedVersion: Int!) {
    reopenMinutesForCorrection(meetingId: $meetingId, expectedVersion: $expectedVersion) {
      ...MeetingFields
    }
  }
`);

/** A body's appeal instructions in the three languages (the default when the body has none of its own). */
export const AppealInstructionsFields = graphql(`
  fragment AppealInstructionsFields on AppealInstructions {
    bodyId
    fi
    sv
    en
    isDefault
    version
  }
`);

export const AppealInstructionsQuery = graphql(`
  query AppealInstructions($bodyId: ID!) {
    appealInstructions(bodyId: $bodyId) {
      ...AppealInstructionsFields
    }
  }
`);

export const SetAppealInstructionsMutation = graphql(`
  mutation SetAppealInstructions($bodyId: ID!, $expectedVersion: Int!, $input: AppealInstructionsInput!) {
    setAppealInstructions(bodyId: $bodyId, expectedVersion: $expectedVersion, input: $input) {
      ...AppealInstructionsFields
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
        ...BodyNameFields
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

export const RemovePersonalDataMutation = graphql(`
  mutation RemovePersonalData($meetingId: ID!, $expectedVersion: Int!) {
    removePersonalData(meetingId: $meetingId, expectedVersion: $expectedVersion) {
      ...MeetingFields
    }
  }
`);

export const PublishedMinutesQuery = graphql(`
  query PublishedMinutes($meetingId: ID!) {
    publishedMinutes(meetingId: $meetingId) {
      meetingId
      bodyNames {
        ...LocalizedTextFields
      }
      title
      startsAt
      location
      chair
      secretary
      minutesText
      publishedAt
      personalDataRemovalDue
      personalDataRemoved
      pdfUrl
      checkers {
        name
        checkedAt
      }
      appealInstructionsTexts {
        ...LocalizedTextFields
      }
      attendance {
        name
        party
        partyNames {
          ...LocalizedTextFields
        }
        status
        deputyFor
      }
      items {
        section
        title
        publicity
        legalBasis
        caseNumber
        presenter
        preparer
        proposal
        handling
        decision
        decisionMode
        votes {
          for
          against
          abstain
        }
        quorum {
          present
          members
        }
        actions {
          id
          needId
          title
          ownerParty
          ownerPartyNames {
            ...LocalizedTextFields
          }
          dueDate
        }
      }
    }
  }
`);

export const PublishedMinutesListQuery = graphql(`
  query PublishedMinutesList {
    publishedMinutesList {
      meetingId
      bodyNames {
        ...LocalizedTextFields
      }
      title
      startsAt
      publishedAt
    }
  }
`);
