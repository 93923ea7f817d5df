import { SessionStore, type SessionGrant, type SessionRefresher, type SessionUser } from './session-store';

/** Test data: one person per role, as `login` returns them. */
export const ADMIN: SessionUser = {
  __typename: 'User',
  id: 'u-admin',
  email: 'admin@mrc.demo',
  displayName: 'Aigerim Sadykova',
  role: 'REGIONAL_ADMIN',
  preferredLanguage: 'RU',
  centre: null,
};

export const COORDINATOR: SessionUser = {
  __typename: 'User',
  id: 'u-temirtau',
  email: 'temirtau@mrc.demo',
  displayName: 'Dauren Omarov',
  role: 'DISTRICT_COORDINATOR',
  preferredLanguage: 'KK',
  centre: { __typename: 'Centre', id: 'c-3' },
};

export const ANALYST: SessionUser = {
  __typename: 'User',
  id: 'u-analyst',
  email: 'analyst@mrc.demo',
  displayName: 'Irina Petrova',
  role: 'ANALYST',
  preferredLanguage: 'EN',
  centre: null,
};

export function grantFor(user: SessionUser, accessToken = `token-of-${user.id}`): SessionGrant {
  return { accessToken, accessTokenExpiresAt: '2026-03-01T08:15:00.000Z', user };
}

const refuseRefresh: SessionRefresher = () => Promise.reject(new Error('no refresh in this test'));

/** A store already signed in as `user`, or signed out (never signed in) for null. */
export function sessionStoreFor(user: SessionUser | null, refresh: SessionRefresher = refuseRefresh): SessionStore {
  const store = new SessionStore(refresh, { status: 'signed-out', reason: 'anonymous' });
  if (user) store.signIn(grantFor(user));
  return store;
}
