import { graphql } from '../../gql';

export const USERS_PAGE_SIZE = 25;

export const UserListFields = graphql(`
  fragment UserListFields on User {
    id
    email
    displayName
    role
    active
    lastSignInAt
    centre {
      id
      name
    }
  }
`);

/** A page of the users list; "load more" asks again with `after` and the cache appends (appendPages). */
export const UsersQuery = graphql(`
  query Users($first: Int!, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...UserListFields
      }
    }
  }
`);

export const UserDetailFields = graphql(`
  fragment UserDetailFields on User {
    id
    email
    displayName
    role
    active
    preferredLanguage
    createdAt
    lastSignInAt
    centre {
      id
      name
    }
  }
`);

export const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserDetailFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserDetailFields
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        ...UserDetailFields
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($input: UserIdInput!) {
    deactivateUser(input: $input) {
      user {
        ...UserDetailFields
      }
    }
  }
`);

export const ActivateUserMutation = graphql(`
  mutation ActivateUser($input: UserIdInput!) {
    activateUser(input: $input) {
      user {
        ...UserDetailFields
      }
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($input: ResetUserPasswordInput!) {
    resetUserPassword(input: $input) {
      user {
        id
      }
    }
  }
`);
