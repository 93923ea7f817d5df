import { graphql } from '../../gql';

export const MyAccountQuery = graphql(`
  query MyAccount {
    me {
      id
      email
      displayName
      role
      preferredLanguage
      lastSignInAt
      centre {
        id
        name
      }
    }
  }
`);

export const UpdateMyPreferencesMutation = graphql(`
  mutation UpdateMyPreferences($input: UpdateMyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      user {
        id
        displayName
        preferredLanguage
      }
    }
  }
`);

export const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input) {
      user {
        id
      }
    }
  }
`);
