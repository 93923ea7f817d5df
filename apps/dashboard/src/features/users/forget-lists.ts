import type { ApolloCache } from '@apollo/client';

/**
 * After a change to a user, the cached lists may no longer match their filters (a role changed, an
 * account deactivated) and the audit trail has a new entry: drop them, and they load afresh when shown.
 * The changed user itself is updated in place from the mutation's answer.
 */
export function forgetUserLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'auditEntries' });
  cache.gc();
}
