import type { ApolloCache } from '@apollo/client';

/**
 * After a run is scheduled, cancelled or reopened: lists of runs (across the network and the centre's
 * own) may no longer match, and the audit trail has a new entry. The run itself updates in place.
 */
export function forgetRunLists(cache: ApolloCache, centreId: string): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'programRuns' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'auditEntries' });
  const centre = cache.identify({ __typename: 'Centre', id: centreId });
  if (centre) cache.evict({ id: centre, fieldName: 'programRuns' });
  cache.gc();
}
