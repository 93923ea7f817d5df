import { useQuery } from '@apollo/client/react';
import { useEveryPage } from '../../app/apollo/use-every-page';
import { NETWORK_PAGE_SIZE, NetworkCentresQuery } from './centres-query';

/**
 * Every centre of the network, shared by every page that shows them (one cache entry): a picker
 * must offer a centre however far down the list it is. The first page shows at once and the rest
 * follow (useEveryPage); `complete` says when they all have. While a language switch refetches,
 * the previous list stays on screen instead of a skeleton flash.
 */
export function useNetworkCentres() {
  const result = useQuery(NetworkCentresQuery, {
    variables: { first: NETWORK_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { connection, complete, moreError, retryMore } = useEveryPage(result, (data) => data.centres);
  return {
    connection,
    loading: result.loading,
    /** The first page failed: there is no list. */
    error: result.error,
    complete,
    /** A later page failed: the centres before it stay. */
    moreError,
    // The outcome shows through the hook's own state; the rejected promise says nothing more.
    retry: () => {
      result.refetch().catch(() => undefined);
    },
    retryMore,
  };
}
