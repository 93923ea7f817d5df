import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { TypePolicies } from '@apollo/client/cache';
import { SetContextLink } from '@apollo/client/link/context';
import type { Language } from '@mrc/domain';
import type { i18n as I18n } from 'i18next';
import { currentLanguage } from '../i18n/i18n';

/**
 * Sends the UI language as Accept-Language on every request: the API answers localised fields
 * (`name`, `town`) and error messages in that language. Read per request, so a switch applies at once.
 */
export function acceptLanguageLink(language: () => Language): ApolloLink {
  return new SetContextLink((previous) => ({
    headers: { ...(previous.headers as Record<string, string> | undefined), 'Accept-Language': language() },
  }));
}

export const typePolicies: TypePolicies = {
  Centre: {
    keyFields: ['id'],
    fields: {
      // LocalisedText has no id of its own: merge the languages a query asked for instead of
      // replacing the whole object each time.
      names: { merge: true },
      towns: { merge: true },
    },
  },
  Query: {
    fields: {
      // A centre already in the cache (from the network list) opens without another round trip.
      centre: {
        read: (existing: unknown, { args, toReference }) =>
          existing ?? (typeof args?.['id'] === 'string' ? toReference({ __typename: 'Centre', id: args['id'] }) : undefined),
      },
    },
  },
};

export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies });
}

/**
 * The app's one client. Localised fields are cached in the language they were fetched in, so a
 * language switch empties the cache and refetches what is on screen rather than mixing languages.
 */
export function createApolloClient(
  i18n: I18n,
  { uri = '/graphql', fetch }: { uri?: string; fetch?: typeof globalThis.fetch } = {},
): ApolloClient {
  const client = new ApolloClient({
    link: ApolloLink.from([
      acceptLanguageLink(() => currentLanguage(i18n)),
      new HttpLink(fetch ? { uri, fetch } : { uri }),
    ]),
    cache: createCache(),
  });
  i18n.on('languageChanged', () => {
    // A query still in flight is cancelled by the reset and shows its own error with a retry;
    // nothing else is left to handle here.
    client.resetStore().catch(() => undefined);
  });
  return client;
}
