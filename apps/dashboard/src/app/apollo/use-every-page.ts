import { NetworkStatus, type ApolloClient, type OperationVariables } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import { useEffect, useRef, useState } from 'react';

/** What a Relay connection says about what follows the pages loaded. */
interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The parts of a `useQuery` result (of a query taking `$after`) that the paging needs. */
interface PagedQueryResult<TData> {
  data: TData | undefined;
  previousData?: TData | undefined;
  networkStatus: NetworkStatus;
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown>;
  observable: { readonly options: { readonly query: DocumentNode; readonly variables?: OperationVariables } };
}

/**
 * The pages being fetched, by client, query and `variables + after`. Every component showing a list
 * has its own useQuery (two pickers on a form, a page and its picker), and each would fetch the
 * next page itself: appendPages keeps a page that comes twice out of the list, but the second
 * request is still wasted (at national10, 32 of them per extra picker). So the first to ask fetches
 * it and the others wait for the same answer; once it is in the cache, the list there no longer
 * ends where it was asked from (see `load`).
 */
const pagesOnTheirWay = new WeakMap<ApolloClient, WeakMap<DocumentNode, Map<string, Promise<unknown>>>>();

function fetchOnce(client: ApolloClient, query: DocumentNode, key: string, fetch: () => Promise<unknown>): Promise<unknown> {
  let byQuery = pagesOnTheirWay.get(client);
  if (!byQuery) pagesOnTheirWay.set(client, (byQuery = new WeakMap()));
  let pages = byQuery.get(query);
  if (!pages) byQuery.set(query, (pages = new Map()));
  const onItsWay = pages.get(key);
  if (onItsWay) return onItsWay;
  const page = fetch().finally(() => pages.delete(key));
  pages.set(key, page);
  return page;
}

/**
 * Loads every page of a connection, for the screens that need a whole list at once (the network
 * page groups and maps it; a centre picker must offer every centre), while the API gives at most 100
 * items a page. The first page shows at once; each next page is asked for as soon as the one before
 * it has arrived, and the cache's field policy (appendPages, with a `@connection` key of the
 * query's own) appends it. Pass the useQuery result (with `notifyOnNetworkStatusChange`) and where
 * the connection is in its data.
 *
 * A failed page stops the loading there, leaving the items before it: `moreError` says so until
 * `retryMore` asks for that page again. The connection shown is `data ?? previousData`, so a refetch
 * (a language switch) keeps the previous list on screen.
 */
export function useEveryPage<TData, TConnection extends { pageInfo: PageInfo }>(
  result: PagedQueryResult<TData>,
  connectionOf: (data: TData) => TConnection,
) {
  const { data, previousData, networkStatus, fetchMore, observable } = result;
  const client = useApolloClient();
  const [failure, setFailure] = useState<{ after: string; error: unknown } | null>(null);
  // The page this component waits for, so that it neither asks nor waits twice.
  const awaited = useRef<string | null>(null);

  const shown = data ?? previousData;
  const connection = shown === undefined ? undefined : connectionOf(shown);
  // Only from a settled answer: not while the first page is (re)fetched, nor while a page is on its way.
  const settled = networkStatus === NetworkStatus.ready && data !== undefined ? connectionOf(data).pageInfo : undefined;
  const next = settled?.hasNextPage ? settled.endCursor : null;
  // A failure counts while it is the page that comes next; once the list has gone past it (another
  // component's retry, a refetch) it is old news.
  // Not while the first page is fetched again (a language switch cancels the page on its way, and
  // the previous list shown meanwhile ends at that page's cursor).
  const moreError =
    failure && data !== undefined && connection?.pageInfo.hasNextPage && failure.after === connection.pageInfo.endCursor ? failure.error : null;

  function load(after: string) {
    if (awaited.current === after) return;
    // Another component may have fetched this page already while this one has not seen the answer
    // yet: the list in the cache, not the one last rendered, says where it ends now.
    const { query, variables } = observable.options;
    const cached = client.readQuery({ query, variables }) as TData | null;
    const end = cached === null ? undefined : connectionOf(cached).pageInfo;
    if (!end?.hasNextPage || end.endCursor !== after) return;
    awaited.current = after;
    const key = JSON.stringify([observable.options.variables, after]);
    fetchOnce(client, observable.options.query, key, () => fetchMore({ variables: { after } }))
      .catch((error: unknown) => setFailure({ after, error }))
      .finally(() => {
        if (awaited.current === after) awaited.current = null;
      });
  }

  // Runs after every render (load reads the latest fetchMore); `awaited` keeps it from asking twice.
  useEffect(() => {
    // After a failure it waits for retryMore, which goes on from the same page.
    if (next !== null && failure?.after !== next) load(next);
  });

  return {
    connection,
    /** Every page is here (false while the rest loads or after a page failed). */
    complete: connection ? !connection.pageInfo.hasNextPage : false,
    /** A later page failed; the items before it stay. */
    moreError,
    /** Asks again for the page that failed, and goes on from there. */
    retryMore: () => {
      const after = connection?.pageInfo.endCursor;
      if (!after) return;
      setFailure(null);
      load(after);
    },
  };
}
