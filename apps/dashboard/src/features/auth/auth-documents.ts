import { graphql } from '../../gql';

/** What the dashboard keeps about the signed-in person: enough for the header and the policy. */
export const SessionUserFields = graphql(`
  fragment SessionUserFields on User {
    id
    email
    displayName
    role
    preferredLanguage
    centre {
      id
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
      user {
        ...SessionUserFields
      }
    }
  }
`);

/** Reads the httpOnly refresh cookie (the browser sends it) and rotates it. */
export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      accessTokenExpiresAt
      user {
        ...SessionUserFields
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
    }
  }
`);
