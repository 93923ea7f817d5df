import type { ApolloCache } from '@apollo/client';

/**
 * After a change to the catalogue the cached lists may no longer match their filters (a name changed,
 * a type retired) and the audit trail has a new entry: drop them, and they load afresh when shown.
 * The changed record itself is updated in place from the mutation's answer.
 */
export function forgetCatalogueLists(cache: ApolloCache): void {
  for (const fieldName of ['clubTypes', 'programs', 'programRuns', 'auditEntries']) {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
  }
  cache.gc();
}
