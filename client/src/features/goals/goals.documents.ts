import { graphql } from '../../graphql/generated';

/** A goal's progress in numbers (the bar and its words). */
export const GoalProgressFields = graphql(`
  fragment GoalProgressFields on GoalProgress {
    share
    status
    measures
    measuresWithData
    measuresReached
    actions
    actionsDone
  }
`);

/** A measure as the agreement page and the forms show it. */
export const MeasureFields = graphql(`
  fragment MeasureFields on GoalMeasure {
    id
    version
    baselineYear
    baselineValue
    storedBaselineValue
    targetYear
    targetValue
    note
    latest {
      year
      value
    }
    progress
    status
    indicator {
      ...IndicatorFields
    }
    party {
      ...PartyNameFields
    }
  }
`);

/** A goal with what the agreement page shows of it. */
export const GoalFields = graphql(`
  fragment GoalFields on AgreementGoal {
    id
    title
    description
    sortOrder
    version
    ownerParty {
      ...PartyNameFields
    }
    ownerBody {
      ...BodyNameFields
    }
    measures {
      ...MeasureFields
    }
    needs {
      id
      title
      status
    }
    actions {
      id
      title
      status
      dueDate
    }
    progress {
      ...GoalProgressFields
    }
  }
`);

/** A measure's answer: the measure and its goal as it now stands (its measures and progress), all the cache needs. */
export const MeasureWithGoalFields = graphql(`
  fragment MeasureWithGoalFields on GoalMeasure {
    ...MeasureFields
    goal {
      ...GoalFields
    }
  }
`);

export const AgreementGoalsQuery = graphql(`
  query AgreementGoals($agreementId: ID!) {
    agreementGoals(agreementId: $agreementId) {
      ...GoalFields
    }
  }
`);

/** The dashboard's goals panel: every agreement's goals with their progress. */
export const DashboardGoalsQuery = graphql(`
  query DashboardGoals {
    agreementGoals {
      id
      title
      agreement {
        id
        titles {
          ...LocalizedTextFields
        }
      }
      progress {
        ...GoalProgressFields
      }
    }
  }
`);

/** What the goal and measure forms choose from. */
export const GoalFormOptionsQuery = graphql(`
  query GoalFormOptions {
    parties {
      ...PartyNameFields
    }
    cooperationBodies {
      ...BodyNameFields
    }
    indicators {
      ...IndicatorFields
    }
    serviceNeeds(first: 100) {
      edges {
        node {
          id
          title
          actions {
            id
            title
          }
        }
      }
    }
  }
`);

export const GoalReportQuery = graphql(`
  query GoalReport($goalId: ID!, $year: Int!) {
    goalReport(goalId: $goalId, year: $year) {
      year
      generatedAt
      progress {
        ...GoalProgressFields
      }
      goal {
        ...GoalFields
        agreement {
          id
          titles {
            ...LocalizedTextFields
          }
        }
      }
      measures {
        value {
          year
          value
        }
        previous {
          year
          value
        }
        progress
        expectedProgress
        status
        measure {
          ...MeasureFields
        }
      }
    }
  }
`);

export const CreateGoalMutation = graphql(`
  mutation CreateAgreementGoal($agreementId: ID!, $input: AgreementGoalInput!) {
    createAgreementGoal(agreementId: $agreementId, input: $input) {
      ...GoalFields
    }
  }
`);

export const UpdateGoalMutation = graphql(`
  mutation UpdateAgreementGoal($id: ID!, $expectedVersion: Int!, $input: UpdateAgreementGoalInput!) {
    updateAgreementGoal(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...GoalFields
    }
  }
`);

export const DeleteGoalMutation = graphql(`
  mutation DeleteAgreementGoal($id: ID!, $expectedVersion: Int!) {
    deleteAgreementGoal(id: $id, expectedVersion: $expectedVersion)
  }
`);

export const AddMeasureMutation = graphql(`
  mutation AddGoalMeasure($goalId: ID!, $input: GoalMeasureInput!) {
    addGoalMeasure(goalId: $goalId, input: $input) {
      ...MeasureWithGoalFields
    }
  }
`);

export const UpdateMeasureMutation = graphql(`
  mutation UpdateGoalMeasure($id: ID!, $expectedVersion: Int!, $input: UpdateGoalMeasureInput!) {
    updateGoalMeasure(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...MeasureWithGoalFields
    }
  }
`);

export const RemoveMeasureMutation = graphql(`
  mutation RemoveGoalMeasure($id: ID!, $expectedVersion: Int!) {
    removeGoalMeasure(id: $id, expectedVersion: $expectedVersion) {
      ...GoalFields
    }
  }
`);

/** Goal and measure changes by anyone: the goal arrives whole (with its progress) and merges by id; goals.cache.ts updates the lists. */
export const GoalChangedSubscription = graphql(`
  subscription AgreementGoalChanged($agreementId: ID) {
    agreementGoalChanged(agreementId: $agreementId) {
      kind
      goalId
      agreementId
      goal {
        ...GoalFields
      }
      measure {
        id
      }
      actor {
        ...UserNameFields
      }
    }
  }
`);
