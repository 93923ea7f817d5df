import { useQuery } from '@apollo/client/react';
import { useEveryPage } from '../../app/apollo/use-every-page';
import { NETWORK_OVERVIEW_PAGE_SIZE, NetworkOverviewQuery } from './network-documents';

/**
 * The whole network with what runs at each centre, for the network page's list and map, which
 * group and filter it here. The first page shows at once and the rest follow, page after page
 * (useEveryPage), into one cache entry. As useNetworkCentres, the previous answer stays on screen
 * while a refetch runs.
 */
export function useNetworkOverview() {
  const result = useQuery(NetworkOverviewQuery, {
    variables: { first: NETWORK_OVERVIEW_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { connection, complete, moreError, retryMore } = useEveryPage(result, (data) => data.centres);
  return {
    connection,
    loading: result.loading,
    error: result.error,
    complete,
    moreError,
    retry: () => {
      result.refetch().catch(() => undefined);
    },
    retryMore,
  };
}
