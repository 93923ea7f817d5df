import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it, vi } from 'vitest';
import { ADMIN, ANALYST, COORDINATOR, grantFor } from './session.fixtures';
import { SessionStore } from './session-store';

const refusal = () =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message: 'Sign in again.', extensions: { code: 'UNAUTHENTICATED' } }] });

describe('the session store', () => {
  it('restores the session from the refresh cookie once, however often it is asked', async () => {
    const refresh = vi.fn(() => Promise.resolve(grantFor(COORDINATOR)));
    const store = new SessionStore(refresh);
    expect(store.getState().status).toBe('restoring');

    await Promise.all([store.restore(), store.restore()]);

    expect(refresh).toHaveBeenCalledTimes(1);
    const state = store.getState();
    expect(state.status).toBe('signed-in');
    if (state.status !== 'signed-in') return;
    expect(state.accessToken).toBe(`token-of-${COORDINATOR.id}`);
    // The ability follows the shared policy: a coordinator may not manage users.
    expect(state.ability.can('manage', 'User')).toBe(false);
    expect(state.ability.can('read', 'Centre')).toBe(true);
  });

  it('is signed out when there is no session to restore', async () => {
    const store = new SessionStore(() => Promise.reject(refusal()));
    await store.restore();
    expect(store.getState()).toEqual({ status: 'signed-out', reason: 'anonymous' });
  });

  it('says it could not find out when the API is unreachable, and can try again', async () => {
    const refresh = vi
      .fn<() => Promise<ReturnType<typeof grantFor>>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(grantFor(ANALYST));
    const store = new SessionStore(refresh);
    await store.restore();
    expect(store.getState().status).toBe('unavailable');

    await store.retryRestore();
    expect(store.getState().status).toBe('signed-in');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('tells its subscribers about every change', () => {
    const store = new SessionStore(() => Promise.reject(refusal()), { status: 'signed-out', reason: 'anonymous' });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.signIn(grantFor(ANALYST));
    store.updateUser({ displayName: 'Irina P.' });
    store.signOut();
    unsubscribe();
    store.signIn(grantFor(ANALYST));
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('follows a change to the signed-in account, the policy included', () => {
    const store = new SessionStore(() => Promise.reject(refusal()), { status: 'signed-out', reason: 'anonymous' });
    store.signIn(grantFor(ADMIN));
    const before = store.getState();
    expect(before.status === 'signed-in' && before.ability.can('manage', 'User')).toBe(true);

    store.updateUser({ role: 'ANALYST', displayName: 'Aigerim S.' });

    const after = store.getState();
    expect(after.status === 'signed-in' && after.user.displayName).toBe('Aigerim S.');
    expect(after.status === 'signed-in' && after.ability.can('manage', 'User')).toBe(false);
    expect(store.accessToken).toBe(`token-of-${ADMIN.id}`);
  });
});
