import { describe, expect, it, vi } from 'vitest';
import { NETWORK_PAGE_SIZE, NetworkCentresQuery } from '../../features/centres/centres-query';
import { KARAGANDA_NETWORK, networkResult } from '../../features/centres/centres.fixtures';
import { createI18n } from '../i18n/i18n';
import { createApolloClient } from './apollo-client';

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
});
