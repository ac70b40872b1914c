import { graphql } from '../../graphql/generated';

/** One account as the people page shows it (issue 12). */
export const PersonAccountFields = graphql(`
  fragment PersonAccountFields on User {
    id
    email
    displayName
    roles
    status
    version
    party {
      ...PartyNameFields
    }
    pendingLink {
      kind
      expiresAt
    }
  }
`);

export const PeopleQuery = graphql(`
  query People($filter: UserFilter) {
    users(filter: $filter) {
      ...PersonAccountFields
    }
  }
`);

/** Parties and bodies for the filters and the invitation form. */
export const PeopleChoicesQuery = graphql(`
  query PeopleChoices {
    parties {
      ...PartyNameFields
    }
    cooperationBodies {
      ...BodyNameFields
    }
  }
`);

/** A new one-time link (invitation or password reset) and the account it is for. */
export const AccountLinkFields = graphql(`
  fragment AccountLinkFields on AccountLinkPayload {
    link
    expiresAt
    emailed
    user {
      ...PersonAccountFields
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ...AccountLinkFields
    }
  }
`);

export const SendPasswordResetLinkMutation = graphql(`
  mutation SendPasswordResetLink($userId: ID!) {
    sendPasswordResetLink(userId: $userId) {
      ...AccountLinkFields
    }
  }
`);

/** Cancels an invitation not yet accepted: its link stops working and the account is deactivated. */
export const CancelInvitationMutation = graphql(`
  mutation CancelInvitation($userId: ID!) {
    cancelInvitation(userId: $userId) {
      ...PersonAccountFields
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...PersonAccountFields
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...PersonAccountFields
    }
  }
`);

export const SetUserRolesMutation = graphql(`
  mutation SetUserRoles($id: ID!, $expectedVersion: Int!, $roles: [Role!]!) {
    setUserRoles(id: $id, expectedVersion: $expectedVersion, roles: $roles) {
      ...PersonAccountFields
    }
  }
`);
