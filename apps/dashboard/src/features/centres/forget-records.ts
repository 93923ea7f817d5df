import type { ApolloCache } from '@apollo/client';

export type CentreListField = 'spaces' | 'equipment' | 'clubs' | 'programRuns';

/**
 * After a record of a centre is added, closed or reopened, the centre's cached list of it no longer
 * matches (a new row; the open-only list the network page counts). Dropping the list makes the pages
 * showing it ask again, and the ones not on screen ask when they are next shown. A record's own
 * fields are updated in place from the mutation's answer. The audit trail has a new entry too.
 */
export function forgetCentreList(cache: ApolloCache, centreId: string, field: CentreListField): void {
  const id = cache.identify({ __typename: 'Centre', id: centreId });
  if (id) cache.evict({ id, fieldName: field });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'auditEntries' });
  cache.gc();
}

/** As forgetCentreList for clubs, also dropping the network-wide club lists and the type's own list. */
export function forgetClubLists(cache: ApolloCache, centreId: string, clubTypeId: string): void {
  const typeId = cache.identify({ __typename: 'ClubType', id: clubTypeId });
  if (typeId) cache.evict({ id: typeId, fieldName: 'clubs' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'clubs' });
  forgetCentreList(cache, centreId, 'clubs');
}

/**
 * After a centre changes (closes, reopens, moves under another): lists filtered by open centres, the
 * audit trail, and the users lists, whose "with the centres under it" follows the tree.
 */
export function forgetCentreLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'auditEntries' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'users' });
  cache.gc();
}

/** After a centre is added: the network's lists (the network page, the centre pickers) ask again. */
export function forgetNetwork(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'centres' });
  forgetCentreLists(cache);
}
