import { useQuery } from '@apollo/client/react';
import { NETWORK_OVERVIEW_PAGE_SIZE, NetworkOverviewQuery } from './network-documents';

/**
 * The network with what runs at each centre, for the network page's list and map (one request, one
 * cache entry). As useNetworkCentres, the previous answer stays on screen while a refetch runs.
 */
export function useNetworkOverview() {
  const { data, previousData, loading, error, refetch } = useQuery(NetworkOverviewQuery, {
    variables: { first: NETWORK_OVERVIEW_PAGE_SIZE },
  });
  return {
    connection: (data ?? previousData)?.centres,
    loading,
    error,
    retry: () => {
      refetch().catch(() => undefined);
    },
  };
}
