import type { LiveSession } from '../../app/apollo/websocket-link';
import type { SessionStore } from './session-store';

/** A token this close to expiring is renewed before a socket opens with it. */
const RENEW_BEFORE_MS = 10_000;

/**
 * The session as the live connection needs it. A WebSocket carries its token from the moment it
 * opens, with no second chance to send another: it opens only with a token that will still be valid
 * when the API checks it.
 */
export function liveSessionOf(store: SessionStore, now: () => number = Date.now): LiveSession {
  const freshToken = () => {
    const state = store.getState();
    if (state.status !== 'signed-in') return null;
    return Date.parse(state.expiresAt) - now() > RENEW_BEFORE_MS ? state.accessToken : null;
  };
  return {
    freshToken,
    renewToken: async () => {
      const fresh = freshToken();
      if (fresh !== null) return fresh;
      // Shares a refresh already in flight (SessionStore.refresh); null once the session is over.
      return store.accessToken === null ? null : store.refresh(store.accessToken);
    },
    // The API refused the token the socket opened with: a refresh, unless another caller already
    // replaced it (SessionStore.refresh answers with that token then).
    renewAfterRefusal: (refused) => store.refresh(refused),
  };
}
