import { graphql } from '../../graphql/generated';

/** What every meeting view shows of an agenda item. */
export const AgendaItemFields = graphql(`
  fragment AgendaItemFields on AgendaItem {
    id
    section
    position
    title
    restricted
    caseNumber
    proposal
    publicity
    legalBasis
    handling
    decision
    decisionMode
    decidedAt
    decisionWordingIsDefault
    defaultDecisionWordings {
      mode
      wording
      source
    }
    version
    quorum {
      present
      members
    }
    votes {
      for
      against
      abstain
    }
    presenter {
      id
      name
    }
    preparer {
      id
      name
    }
    relatedNeeds {
      id
      title
    }
    actions {
      id
      ...ActionSummaryFields
    }
    decisionDocument {
      id
      canEdit
      editLockReason
    }
  }
`);

/** A person's attendance as the meeting page lists it (also what recording it answers). */
export const AttendanceFields = graphql(`
  fragment AttendanceFields on Attendance {
    status
    fillsSeat
    canCheckMinutes
    version
    person {
      id
      name
    }
    party {
      id
    }
    deputyFor {
      id
      name
    }
    deputyForChoices {
      id
      name
    }
  }
`);

/** What every meeting view shows of a meeting. */
export const MeetingFields = graphql(`
  fragment MeetingFields on Meeting {
    id
    title
    startsAt
    location
    status
    version
    agendaPublishedAt
    publishedAt
    personalDataRemovalDue
    personalDataRemovedAt
    allowedTransitions
    body {
      ...BodyNameFields
    }
    viewerCan {
      manage
      editAgenda
      movePointer
      recordAttendance
      recordDecision
      editMinutes
      readMinutes
      removePersonalData
      electCheckers
      checkMinutes
      checkMinutesLockReason
      reopenMinutes
      join
    }
    quorum {
      members
      present
      required
      reached
    }
    minutesCheckers {
      checkedAt
      hasAccount
      person {
        id
        name
        user {
          id
        }
      }
    }
    currentItem {
      id
    }
    agenda {
      ...AgendaItemFields
    }
    attendance {
      ...AttendanceFields
    }
    minutes {
      id
      canEdit
      editLockReason
    }
  }
`);

export const MeetingsQuery = graphql(`
  query Meetings($bodyId: ID) {
    meetings(bodyId: $bodyId) {
      id
      title
      startsAt
      status
      version
      body {
        ...BodyNameFields
      }
    }
    cooperationBodies {
      id
      names {
        ...LocalizedTextFields
      }
      memberships {
        id
        role
        active
        person {
          id
          user {
            id
          }
        }
      }
    }
  }
`);

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      ...MeetingFields
      participants {
        ...MembershipFields
      }
    }
  }
`);

export const MeetingChangedSubscription = graphql(`
  subscription MeetingChanged($meetingId: ID!) {
    meetingChanged(meetingId: $meetingId) {
      kind
      name
      meeting {
        ...MeetingFields
      }
      item {
        ...AgendaItemFields
      }
    }
  }
`);

export const PresenceChangedSubscription = graphql(`
  subscription PresenceChanged($meetingId: ID!, $clientId: String) {
    presenceChanged(meetingId: $meetingId, clientId: $clientId) {
      since
      user {
        ...UserNameFields
      }
      party {
        ...PartyNameFields
      }
    }
  }
`);

export const JoinMeetingMutation = graphql(`
  mutation JoinMeeting($meetingId: ID!, $clientId: String) {
    joinMeeting(meetingId: $meetingId, clientId: $clientId) {
      since
    }
  }
`);

export const LeaveMeetingMutation = graphql(`
  mutation LeaveMeeting($meetingId: ID!, $clientId: String) {
    leaveMeeting(meetingId: $meetingId, clientId: $clientId)
  }
`);

export const CreateMeetingMutation = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      id
      title
      startsAt
      status
      version
    }
  }
`);

export const AddAgendaItemMutation = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      ...AgendaItemFields
      meeting {
        id
        version
        agenda {
          id
        }
      }
    }
  }
`);

export const ReorderAgendaMutation = graphql(`
  mutation ReorderAgenda($meetingId: ID!, $expectedVersion: Int!, $itemIds: [ID!]!) {
    reorderAgenda(meetingId: $meetingId, expectedVersion: $expectedVersion, itemIds: $itemIds) {
      ...MeetingFields
    }
  }
`);

export const RemoveAgendaItemMutation = graphql(`
  mutation RemoveAgendaItem($id: ID!, $expectedVersion: Int!) {
    removeAgendaItem(id: $id, expectedVersion: $expectedVersion) {
      ...MeetingFields
    }
  }
`);

export const TransitionMeetingMutation = graphql(`
  mutation TransitionMeeting($id: ID!, $expectedVersion: Int!, $to: MeetingStatus!) {
    transitionMeeting(id: $id, expectedVersion: $expectedVersion, to: $to) {
      ...MeetingFields
    }
  }
`);

export const SetCurrentItemMutation = graphql(`
  mutation SetCurrentItem($meetingId: ID!, $itemId: ID) {
    setCurrentAgendaItem(meetingId: $meetingId, itemId: $itemId) {
      id
      version
      currentItem {
        id
      }
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      id
      version
      attendance {
        ...AttendanceFields
      }
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation RecordDecision(
    $itemId: ID!
    $expectedVersion: Int!
    $decision: String
    $mode: DecisionMode!
    $votes: VoteCountInput
    $handling: String
  ) {
    recordDecision(
      itemId: $itemId
      expectedVersion: $expectedVersion
      decision: $decision
      mode: $mode
      votes: $votes
      handling: $handling
    ) {
      ...AgendaItemFields
    }
  }
`);

export const CreateDecisionActionMutation = graphql(`
  mutation CreateDecisionAction($input: CreateDecisionActionInput!) {
    createDecisionAction(input: $input) {
      id
      title
      dueDate
      status
      agendaItemId
      ownerParty {
        id
      }
    }
  }
`);

export const MeetingNeedOptionsQuery = graphql(`
  query MeetingNeedOptions {
    serviceNeeds(first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
    parties {
      ...PartyNameFields
    }
  }
`);

/** Edits an agenda item against the version the form started from (CONFLICT when someone saved first). */
export const UpdateAgendaItemMutation = graphql(`
  mutation UpdateAgendaItem($id: ID!, $expectedVersion: Int!, $input: UpdateAgendaItemInput!) {
    updateAgendaItem(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...AgendaItemFields
    }
  }
`);
