import { useRef, useState } from 'react';

/**
 * "Load more" for a cursor connection: fetches the page after `endCursor` (the cache's field
 * policy appends it) and keeps a failure to show beside the button, leaving the rows on screen.
 * A page already being fetched (a second click) is not asked for again.
 */
export function useLoadMore(
  endCursor: string | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>,
) {
  const [error, setError] = useState<unknown>(null);
  const pending = useRef<string | null>(null);
  async function loadMore() {
    if (!endCursor || pending.current === endCursor) return;
    const after = endCursor;
    pending.current = after;
    setError(null);
    try {
      await fetchMore({ variables: { after } });
    } catch (failure) {
      setError(failure);
    } finally {
      if (pending.current === after) pending.current = null;
    }
  }
  return { loadMore, loadMoreError: error };
}
