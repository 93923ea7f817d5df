import { useQuery } from '@apollo/client/react';
import { NETWORK_PAGE_SIZE, NetworkCentresQuery } from './centres-query';

/**
 * The network's centres, shared by every page that shows them (one request, one cache entry).
 * While a language switch refetches, the previous list stays on screen instead of a skeleton flash.
 */
export function useNetworkCentres() {
  const { data, previousData, loading, error, refetch } = useQuery(NetworkCentresQuery, {
    variables: { first: NETWORK_PAGE_SIZE },
  });
  return {
    connection: (data ?? previousData)?.centres,
    loading,
    error,
    // The outcome shows through the hook's own state; the rejected promise says nothing more.
    retry: () => {
      refetch().catch(() => undefined);
    },
  };
}
