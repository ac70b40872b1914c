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
          fi
          sv
          en
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
        id
        displayName
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
