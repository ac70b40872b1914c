import { graphql } from '../../graphql/generated';

/** What a row of the register and a card of the board show. */
export const NeedListFields = graphql(`
  fragment NeedListFields on ServiceNeed {
    id
    title
    status
    priority
    demo
    themes {
      ...ThemeNameFields
    }
    municipalities {
      ...PartyNameFields
    }
    ownerBody {
      ...BodyNameFields
    }
    lead {
      ...PartyNameFields
    }
    hasGap
    actionCounts {
      total
      done
      overdue
    }
    version
    updatedAt
  }
`);

/** What every list of a need's or a party's actions shows and an action's update answers (so the lists merge it). */
export const ActionStateFields = graphql(`
  fragment ActionStateFields on Action {
    id
    title
    dueDate
    status
    overdue
    version
  }
`);

/** Everything the need page shows. */
export const NeedDetailFields = graphql(`
  fragment NeedDetailFields on ServiceNeed {
    ...NeedListFields
    targetGroups
    summary
    statusNote
    legalBasis
    estimatedResidents
    indicators {
      source
      code
      label
    }
    otherParties {
      ...PartyNameFields
    }
    responsibilities {
      role
      description
      version
      party {
        id
        names {
          ...LocalizedTextFields
        }
        code
      }
    }
    actions {
      ...ActionStateFields
      description
      viewerCanUpdate
      agendaItem {
        id
        section
        title
        decisionMode
        meeting {
          id
          title
        }
      }
      ownerParty {
        ...PartyNameFields
      }
    }
    provenance {
      field
      at
      party {
        ...PartyNameFields
      }
      user {
        ...UserNameFields
      }
    }
    allowedTransitions
    viewerCan {
      edit
      comment
      setResponsibility
      nameLead
      responsibilityPartyIds
      responsibilityRoles
      createAction
      actionOwnerPartyIds
    }
    createdAt
  }
`);

export const ServiceNeedsQuery = graphql(`
  query ServiceNeeds($filter: ServiceNeedFilter, $first: Int, $after: String, $sort: ServiceNeedSort) {
    serviceNeeds(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...NeedListFields
        }
      }
    }
  }
`);

export const ServiceNeedQuery = graphql(`
  query ServiceNeed($id: ID!) {
    serviceNeed(id: $id) {
      ...NeedDetailFields
    }
  }
`);

/** A comment as the discussion shows it; the query, the add mutation and the live event select the same. */
export const NeedCommentFields = graphql(`
  fragment NeedCommentFields on NeedComment {
    id
    body
    createdAt
    author {
      ...UserNameFields
    }
    party {
      ...PartyNameFields
    }
  }
`);

export const NeedCommentsQuery = graphql(`
  query NeedComments($id: ID!) {
    serviceNeed(id: $id) {
      id
      comments {
        ...NeedCommentFields
      }
    }
  }
`);

/** The responsibility matrix of one theme. */
export const MatrixQuery = graphql(`
  query NeedMatrix($filter: ServiceNeedFilter) {
    serviceNeeds(filter: $filter, first: 60, sort: STATUS) {
      totalCount
      edges {
        node {
          id
          title
          status
          hasGap
          responsibilities {
            role
            party {
              ...PartyNameFields
            }
          }
        }
      }
    }
  }
`);

/** Options for filters and forms: themes, municipalities and other parties, bodies. */
export const NeedOptionsQuery = graphql(`
  query NeedOptions {
    themes {
      ...ThemeNameFields
    }
    parties {
      id
      kind
      code
      names {
        ...LocalizedTextFields
      }
    }
    cooperationBodies {
      ...BodyNameFields
      tier
    }
    needOwnerBodyChoices {
      ...BodyNameFields
      tier
    }
  }
`);

export const PartyActionsQuery = graphql(`
  query PartyActions($partyId: ID!) {
    partyActions(partyId: $partyId) {
      ...ActionStateFields
      viewerCanUpdate
      need {
        id
        title
        status
      }
    }
  }
`);

export const CreateNeedMutation = graphql(`
  mutation CreateServiceNeed($input: CreateServiceNeedInput!) {
    createServiceNeed(input: $input) {
      ...NeedDetailFields
    }
  }
`);

export const UpdateNeedMutation = graphql(`
  mutation UpdateServiceNeed($id: ID!, $expectedVersion: Int!, $input: UpdateServiceNeedInput!) {
    updateServiceNeed(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...NeedDetailFields
    }
  }
`);

export const TransitionNeedMutation = graphql(`
  mutation TransitionServiceNeed($id: ID!, $expectedVersion: Int!, $to: NeedStatus!, $note: String, $escalateToBodyId: ID) {
    transitionServiceNeed(id: $id, expectedVersion: $expectedVersion, to: $to, note: $note, escalateToBodyId: $escalateToBodyId) {
      ...NeedDetailFields
    }
  }
`);

export const SetResponsibilityMutation = graphql(`
  mutation SetResponsibility($needId: ID!, $partyId: ID!, $role: ResponsibilityRole!, $description: String) {
    setResponsibility(needId: $needId, partyId: $partyId, role: $role, description: $description) {
      ...NeedDetailFields
    }
  }
`);

export const CreateActionMutation = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      id
      need {
        ...NeedDetailFields
      }
    }
  }
`);

export const UpdateActionMutation = graphql(`
  mutation UpdateAction($id: ID!, $expectedVersion: Int!, $input: UpdateActionInput!) {
    updateAction(id: $id, expectedVersion: $expectedVersion, input: $input) {
      ...ActionStateFields
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddNeedComment($needId: ID!, $body: String!) {
    addNeedComment(needId: $needId, body: $body) {
      ...NeedCommentFields
    }
  }
`);

/** What a need's live event says happened and who did it; both subscriptions add the need as their page shows it. */
export const NeedEventFields = graphql(`
  fragment NeedEventFields on ServiceNeedEvent {
    kind
    name
    actor {
      ...UserNameFields
    }
  }
`);

/** Live changes to every need the user may see (the register, the dashboard): the row merges into the cache by id, needs.cache.ts adds new ones to the lists. */
export const NeedChangedSubscription = graphql(`
  subscription ServiceNeedChanged($id: ID) {
    serviceNeedChanged(id: $id) {
      ...NeedEventFields
      need {
        ...NeedListFields
      }
    }
  }
`);

/**
 * Live changes to the need a page shows: the need arrives whole and merges by
 * id (with its files and the reader's rights to them, so the attachments list
 * follows uploads, deletions and a newly named lead), a new comment is appended to the discussion and the event's history line
 * to the history (needs.cache.ts), so the page fetches nothing again.
 */
export const NeedPageChangedSubscription = graphql(`
  subscription ServiceNeedPageChanged($id: ID!) {
    serviceNeedChanged(id: $id) {
      ...NeedEventFields
      need {
        ...NeedDetailFields
        # The files and what the reader may do with them now: a file added or deleted, or a lead named, shows at once.
        ...NeedAttachmentsFields
      }
      comment {
        ...NeedCommentFields
      }
      historyEntry {
        ...NeedHistoryEntryFields
      }
    }
  }
`);

/**
 * A need the user could read and no longer may (their party taken off it, their body no longer its owner, or their
 * seat in its owner body ended): only its id and when. needs.cache.ts drops it from the cache and the lists; the
 * register says so, the need page replaces the need with a notice. With `id`, that need only (the need page).
 */
export const NeedWithdrawnSubscription = graphql(`
  subscription ServiceNeedWithdrawn($id: ID) {
    serviceNeedWithdrawn(id: $id) {
      id
      at
    }
  }
`);
