import { useState } from 'react';

/**
 * "Load more" for a cursor connection: fetches the page after `endCursor` (the cache's field
 * policy appends it) and keeps a failure to show beside the button, leaving the rows on screen.
 */
export function useLoadMore(
  endCursor: string | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
) {
  const [error, setError] = useState<unknown>(null);
  async function loadMore() {
    if (!endCursor) return;
    setError(null);
    try {
      await fetchMore({ variables: { after: endCursor } });
    } catch (failure) {
      setError(failure);
    }
  }
  return { loadMore, loadMoreError: error };
}
