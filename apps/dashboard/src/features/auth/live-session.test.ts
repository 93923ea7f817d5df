import { describe, expect, it, vi } from 'vitest';
import { liveSessionOf } from './live-session';
import { ADMIN, grantFor, sessionStoreFor } from './session.fixtures';

// grantFor's tokens expire at 08:15:00 UTC on 1 March 2026.
const EXPIRES = Date.parse('2026-03-01T08:15:00.000Z');

describe('the session as the live connection sees it', () => {
  it('hands out the token while it has a while to live', async () => {
    const refresh = vi.fn(async () => grantFor(ADMIN, 'renewed'));
    const live = liveSessionOf(sessionStoreFor(ADMIN, refresh), () => EXPIRES - 60_000);

    expect(live.freshToken()).toBe('token-of-u-admin');
    await expect(live.renewToken()).resolves.toBe('token-of-u-admin');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('renews a token about to expire before a socket opens with it', async () => {
    const refresh = vi.fn(async () => grantFor(ADMIN, 'renewed'));
    const store = sessionStoreFor(ADMIN, refresh);
    const live = liveSessionOf(store, () => EXPIRES - 5_000);

    expect(live.freshToken()).toBeNull();
    await expect(live.renewToken()).resolves.toBe('renewed');
    expect(store.accessToken).toBe('renewed');
  });

  it('renews a token the API refused, once, however many subscriptions ask', async () => {
    const refresh = vi.fn(async () => grantFor(ADMIN, 'renewed'));
    const live = liveSessionOf(sessionStoreFor(ADMIN, refresh), () => EXPIRES - 60_000);

    const answers = await Promise.all([live.renewAfterRefusal('token-of-u-admin'), live.renewAfterRefusal('token-of-u-admin')]);

    expect(answers).toEqual(['renewed', 'renewed']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('has nothing to give when nobody is signed in', async () => {
    const live = liveSessionOf(sessionStoreFor(null));

    expect(live.freshToken()).toBeNull();
    await expect(live.renewToken()).resolves.toBeNull();
  });
});
