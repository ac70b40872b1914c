import { graphql } from '../../graphql/generated';

/** The signed-in person's live sessions (issue 12). */
export const MySessionsQuery = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      expiresAt
      current
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      id
    }
  }
`);

export const EndSessionMutation = graphql(`
  mutation EndSession($id: ID!) {
    endSession(id: $id)
  }
`);
