import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { NETWORK_PAGE_SIZE, NetworkCentresQuery } from '../centres/centres-query';
import { KARAGANDA_NETWORK, networkResult } from '../centres/centres.fixtures';
import { LoginMutation } from './auth-documents';
import { authLink, isAnonymous } from './auth-link';
import { ADMIN, grantFor } from './session.fixtures';
import { SessionStore, type SessionGrant } from './session-store';

const UNAUTHENTICATED = { data: null, errors: [{ message: 'Sign in to do this.', extensions: { code: 'UNAUTHENTICATED' } }] };

/**
 * Stands in for the API: answers with the network when the request carries a token it accepts,
 * UNAUTHENTICATED otherwise (as a GraphQL error, or as HTTP 401 when `as401`). Records the
 * Authorization header of every request.
 */
function fakeApi({ accepts, as401 = false }: { accepts: string[]; as401?: boolean }) {
  const seen: Array<string | null> = [];
  const link = new ApolloLink((operation) => {
    const headers = (operation.getContext()['headers'] ?? {}) as Record<string, string>;
    const authorization = headers['Authorization'] ?? null;
    seen.push(authorization);
    return new Observable((observer) => {
      // Answer asynchronously, like the network, so that concurrent requests really overlap.
      const timer = setTimeout(() => {
        if (accepts.some((token) => authorization === `Bearer ${token}`)) {
          observer.next(networkResult(KARAGANDA_NETWORK));
          observer.complete();
        } else if (as401) {
          const body = JSON.stringify(UNAUTHENTICATED);
          observer.error(new ServerError('401', { response: new Response(body, { status: 401 }), bodyText: body }));
        } else {
          observer.next(UNAUTHENTICATED);
          observer.complete();
        }
      }, 5);
      return () => clearTimeout(timer);
    });
  });
  return { link, seen };
}

function setUp({ accepts, as401, refresh }: { accepts: string[]; as401?: boolean; refresh: () => Promise<SessionGrant> }) {
  const store = new SessionStore(refresh, { status: 'signed-out', reason: 'anonymous' });
  store.signIn(grantFor(ADMIN, 'expired-token'));
  const api = fakeApi({ accepts, ...(as401 === undefined ? {} : { as401 }) });
  const client = new ApolloClient({ link: ApolloLink.from([authLink(store), api.link]), cache: new InMemoryCache() });
  // Different page sizes make different requests: Apollo would merge identical ones in flight.
  const query = (first = NETWORK_PAGE_SIZE) => client.query({ query: NetworkCentresQuery, variables: { first }, fetchPolicy: 'no-cache' });
  return { store, seen: api.seen, query };
}

describe('the auth link', () => {
  it('sends the access token, and on UNAUTHENTICATED refreshes once and retries the request', async () => {
    const refresh = vi.fn(() => Promise.resolve(grantFor(ADMIN, 'fresh-token')));
    const { store, seen, query } = setUp({ accepts: ['fresh-token'], refresh });

    const { data } = await query();

    expect(data?.centres.nodes).toHaveLength(KARAGANDA_NETWORK.length);
    expect(seen).toEqual(['Bearer expired-token', 'Bearer fresh-token']);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(store.accessToken).toBe('fresh-token');
  });

  it('shares one refresh between requests refused at the same time', async () => {
    let finishRefresh: (grant: SessionGrant) => void = () => undefined;
    const refresh = vi.fn(() => new Promise<SessionGrant>((resolve) => (finishRefresh = resolve)));
    const { seen, query } = setUp({ accepts: ['fresh-token'], refresh });

    const results = Promise.all([query(100), query(99), query(98)]);
    await vi.waitFor(() => expect(refresh).toHaveBeenCalled());
    // Let every request come back refused before the one refresh answers.
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    finishRefresh(grantFor(ADMIN, 'fresh-token'));

    const answers = await results;
    expect(answers.map((answer) => answer.data?.centres.nodes.length)).toEqual([15, 15, 15]);
    // A rotated refresh cookie used twice would end the session: exactly one refresh.
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen.filter((header) => header === 'Bearer fresh-token')).toHaveLength(3);
  });

  it('does not refresh again for a request that failed with a token already replaced', async () => {
    const refresh = vi.fn(() => Promise.resolve(grantFor(ADMIN, 'fresh-token')));
    const { store, seen, query } = setUp({ accepts: ['fresh-token'], refresh });

    await query();
    expect(refresh).toHaveBeenCalledTimes(1);
    // Another request that had been sent with the old token comes back refused: it retries with the new one.
    await expect(store.refresh('expired-token')).resolves.toBe('fresh-token');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['Bearer expired-token', 'Bearer fresh-token']);
  });

  it('handles an HTTP 401 like a GraphQL UNAUTHENTICATED', async () => {
    const refresh = vi.fn(() => Promise.resolve(grantFor(ADMIN, 'fresh-token')));
    const { seen, query } = setUp({ accepts: ['fresh-token'], as401: true, refresh });

    const { data } = await query();

    expect(data?.centres.totalCount).toBe(KARAGANDA_NETWORK.length);
    expect(seen).toEqual(['Bearer expired-token', 'Bearer fresh-token']);
  });

  it('ends the session when the refresh is refused, and reports the request as UNAUTHENTICATED', async () => {
    const refusal = new CombinedGraphQLErrors(UNAUTHENTICATED);
    const refresh = vi.fn(() => Promise.reject(refusal));
    const { store, seen, query } = setUp({ accepts: [], refresh });

    const failure: unknown = await query().catch((error: unknown) => error);

    expect(CombinedGraphQLErrors.is(failure) && failure.errors[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(seen).toEqual(['Bearer expired-token']);
    expect(store.getState()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('retries only once: a fresh token refused too is reported, not refreshed again', async () => {
    const refresh = vi.fn(() => Promise.resolve(grantFor(ADMIN, 'fresh-token')));
    const { seen, query } = setUp({ accepts: [], refresh });

    const failure: unknown = await query().catch((error: unknown) => error);

    expect(CombinedGraphQLErrors.is(failure)).toBe(true);
    expect(seen).toEqual(['Bearer expired-token', 'Bearer fresh-token']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the refresh fails for want of a network', async () => {
    const refresh = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const { store, query } = setUp({ accepts: [], refresh });

    await expect(query()).rejects.toBeInstanceOf(CombinedGraphQLErrors);
    expect(store.getState().status).toBe('signed-in');
  });
});

describe('isAnonymous', () => {
  it('knows the operations the API serves without a token', () => {
    expect(isAnonymous(LoginMutation)).toBe(true);
    expect(isAnonymous(NetworkCentresQuery)).toBe(false);
  });
});
