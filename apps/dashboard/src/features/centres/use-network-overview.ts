import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useLoadMore } from '../../app/apollo/use-load-more';
import { NETWORK_OVERVIEW_PAGE_SIZE, NetworkOverviewQuery } from './network-documents';

/**
 * The whole network with what runs at each centre, for the network page's list and map, which
 * group and filter it here. The first page shows at once; each next page is asked for as soon as
 * the one before it arrives, and the cache appends it (one cache entry). As useNetworkCentres, the
 * previous answer stays on screen while a refetch runs.
 */
export function useNetworkOverview() {
  const { data, previousData, loading, error, refetch, fetchMore, networkStatus } = useQuery(NetworkOverviewQuery, {
    variables: { first: NETWORK_OVERVIEW_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.centres;
  const { loadMore, loadMoreError } = useLoadMore(connection?.pageInfo.endCursor, fetchMore);

  // Only from a settled answer: not while the first page is (re)fetched, nor while a page is on its way.
  const nextPage = networkStatus === NetworkStatus.ready && data?.centres.pageInfo.hasNextPage === true;
  // Runs after every render (loadMore is new each time); useLoadMore never asks twice for a page on its way.
  useEffect(() => {
    // After a failure it waits for retryMore, which goes on from the same page.
    if (nextPage && !loadMoreError) void loadMore();
  });

  return {
    connection,
    loading,
    error,
    /** Every page is here (false while the rest loads or after a page failed). */
    complete: connection ? !connection.pageInfo.hasNextPage : false,
    /** A later page failed; the centres before it stay. */
    moreError: loadMoreError,
    retry: () => {
      refetch().catch(() => undefined);
    },
    retryMore: () => {
      void loadMore();
    },
  };
}
