import type { MockLink } from '@apollo/client/testing';
import type { UserDetailFieldsFragment, UserFilter, UserListFieldsFragment } from '../../gql/graphql';
import { USERS_PAGE_SIZE, UsersQuery } from './users-documents';

/** Test data: accounts as the users list and the user page receive them. */
export function userDetail(overrides: Partial<UserDetailFieldsFragment> & Pick<UserDetailFieldsFragment, 'id'>): UserDetailFieldsFragment {
  return {
    __typename: 'User',
    email: `${overrides.id}@mrc.demo`,
    displayName: `User ${overrides.id}`,
    role: 'ANALYST',
    active: true,
    preferredLanguage: 'RU',
    createdAt: '2026-02-01T09:00:00.000Z',
    lastSignInAt: null,
    centre: null,
    ...overrides,
  };
}

export function userListNode(overrides: Partial<UserListFieldsFragment> & Pick<UserListFieldsFragment, 'id'>): UserListFieldsFragment {
  const { preferredLanguage: _language, createdAt: _created, ...listed } = userDetail(overrides);
  return { ...listed, ...overrides };
}

export const TEMIRTAU_CENTRE = { __typename: 'Centre' as const, id: 'c-3', name: 'Temirtau' };

interface UsersPageOptions {
  nodes: UserListFieldsFragment[];
  filter?: UserFilter;
  after?: string;
  totalCount?: number;
  endCursor?: string | null;
}

export function usersMock({ nodes, filter, after, totalCount = nodes.length, endCursor = null }: UsersPageOptions): MockLink.MockedResponse {
  return {
    request: {
      query: UsersQuery,
      variables: { first: USERS_PAGE_SIZE, ...(after ? { after } : {}), ...(filter ? { filter } : {}) },
    },
    result: {
      data: {
        users: {
          __typename: 'UserConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          nodes,
        },
      },
    },
  };
}
