import { describe, expect, it, vi } from 'vitest';
import { NETWORK_PAGE_SIZE, NetworkCentresQuery } from '../../features/centres/centres-query';
import { KARAGANDA_NETWORK, networkResult } from '../../features/centres/centres.fixtures';
import { NETWORK_OVERVIEW_PAGE_SIZE, NetworkOverviewQuery } from '../../features/centres/network-documents';
import { nationalNetwork, overviewResult } from '../../features/centres/network.fixtures';
import { createI18n } from '../i18n/i18n';
import { createApolloClient, createCache } from './apollo-client';

/** A fetch that answers every GraphQL request with the network and records the languages asked for. */
function recordingFetch() {
  const languages: Array<string | null> = [];
  const fetch = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    languages.push(new Headers(init?.headers).get('accept-language'));
    return new Response(JSON.stringify(networkResult(KARAGANDA_NETWORK)), {
      headers: { 'content-type': 'application/json' },
    });
  });
  return { fetch, languages };
}

describe('the Apollo client', () => {
  it('sends the UI language as Accept-Language, and refetches in the new one after a switch', async () => {
    const i18n = createI18n('ru', { browserLanguages: [] });
    const { fetch, languages } = recordingFetch();
    const client = createApolloClient(i18n, { uri: 'http://test/graphql', fetch });

    const watched = client.watchQuery({ query: NetworkCentresQuery, variables: { first: NETWORK_PAGE_SIZE } });
    const subscription = watched.subscribe(() => undefined);
    await vi.waitFor(() => expect(languages).toEqual(['ru']));

    await i18n.changeLanguage('kk');
    // The cache held Russian names; the switch empties it and the query on screen asks again.
    await vi.waitFor(() => expect(languages).toEqual(['ru', 'kk']));
    subscription.unsubscribe();
  });

  it("appends the network page's pages to a list of its own, which the pickers' centres query neither reads nor replaces", () => {
    const cache = createCache();
    const network = nationalNetwork(3, 49);
    const firstPage = overviewResult(network, 0);
    const overview = { query: NetworkOverviewQuery, variables: { first: NETWORK_OVERVIEW_PAGE_SIZE } };
    const pickers = { query: NetworkCentresQuery, variables: { first: NETWORK_PAGE_SIZE } };

    cache.writeQuery({ ...overview, ...firstPage });
    const after = firstPage.data.centres.pageInfo.endCursor ?? '';
    cache.writeQuery({ ...overview, variables: { ...overview.variables, after }, ...overviewResult(network, 1) });
    cache.writeQuery({ ...pickers, ...networkResult(KARAGANDA_NETWORK) });

    expect(cache.readQuery(overview)?.centres.nodes).toHaveLength(150);
    expect(cache.readQuery(overview)?.centres.pageInfo.hasNextPage).toBe(false);
    expect(cache.readQuery(pickers)?.centres.nodes).toHaveLength(KARAGANDA_NETWORK.length);

    // A first page (no `after`) replaces the list, as a refetch must, rather than adding to it.
    cache.writeQuery({ ...overview, ...firstPage });
    expect(cache.readQuery(overview)?.centres.nodes).toHaveLength(100);
    cache.writeQuery({ ...pickers, ...networkResult(KARAGANDA_NETWORK.slice(0, 3)) });
    expect(cache.readQuery(pickers)?.centres.nodes).toHaveLength(3);
    expect(cache.readQuery(overview)?.centres.nodes).toHaveLength(100);
  });

  it('appends a page only where it follows: twice, or after its list was evicted, it is dropped', () => {
    const cache = createCache();
    const network = nationalNetwork(3, 99);
    const overview = { query: NetworkOverviewQuery, variables: { first: NETWORK_OVERVIEW_PAGE_SIZE } };
    const page = (index: number) => overviewResult(network, index);
    const afterPage = (index: number) => ({ ...overview.variables, after: page(index).data.centres.pageInfo.endCursor ?? '' });

    cache.writeQuery({ ...overview, ...page(0) });
    cache.writeQuery({ ...overview, variables: afterPage(0), ...page(1) });
    // The same page again (two components asked): the list does not grow.
    cache.writeQuery({ ...overview, variables: afterPage(0), ...page(1) });
    expect(cache.readQuery(overview)?.centres.nodes).toHaveLength(200);

    // A save forgets the network while page 3 is on its way: the page lands on no list, and the
    // list is fetched again from its first page rather than shown as page 3 alone.
    cache.evict({ id: 'ROOT_QUERY', fieldName: 'centres' });
    cache.writeQuery({ ...overview, variables: afterPage(1), ...page(2) });
    expect(cache.readQuery(overview)).toBeNull();
    // Nor does it land after a first page fetched again meanwhile.
    cache.writeQuery({ ...overview, ...page(0) });
    cache.writeQuery({ ...overview, variables: afterPage(1), ...page(2) });
    expect(cache.readQuery(overview)?.centres.nodes).toEqual(page(0).data.centres.nodes);
  });
});
