import { graphql } from '../../graphql/generated';

/** The signed-in user, or null when anonymous; decides every route's access. */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      displayName
      roles
      party {
        id
        kind
        names {
          ...LocalizedTextFields
        }
      }
    }
  }
`);

/** Signs in; the server sets the HTTP-only session cookie, so the token is not read here. */
export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        ...UserNameFields
      }
    }
  }
`);

/** Ends the session and clears its cookie. */
export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** Issue 12: what a one-time link is, for the page that sets the password. */
export const AccountLinkQuery = graphql(`
  query AccountLink($token: String!) {
    accountLink(token: $token) {
      kind
      state
      email
      displayName
      expiresAt
      language
      minPasswordLength
    }
  }
`);

export const AcceptAccountLinkMutation = graphql(`
  mutation AcceptAccountLink($token: String!, $password: String!) {
    acceptAccountLink(token: $token, password: $password) {
      token
      user {
        id
      }
    }
  }
`);

/** Whether the login page offers the organisation's single sign-on. */
export const SignInOptionsQuery = graphql(`
  query SignInOptions {
    signInOptions {
      organisationSso
    }
  }
`);
