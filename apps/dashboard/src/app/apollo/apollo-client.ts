import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import type { FieldPolicy, TypePolicies } from '@apollo/client/cache';
import { SetContextLink } from '@apollo/client/link/context';
import type { Language } from '@mrc/domain';
import type { i18n as I18n } from 'i18next';
import { currentLanguage } from '../i18n/i18n';
import { isSubscription } from './live-link';

/**
 * Sends the UI language as Accept-Language on every request: the API answers localised fields
 * (`name`, `town`) and error messages in that language. Read per request, so a switch applies at once.
 */
export function acceptLanguageLink(language: () => Language): ApolloLink {
  return new SetContextLink((previous) => ({
    headers: { ...(previous.headers as Record<string, string> | undefined), 'Accept-Language': language() },
  }));
}

interface NodesPage {
  nodes: readonly unknown[];
  pageInfo?: { endCursor?: string | null };
}

/** Which arguments (and directives, as `'@connection', ['key']`) name a separate cached list. */
type KeySpecifier = ReadonlyArray<string | KeySpecifier>;

/**
 * A Relay connection read with "load more": pages asked for with `after` are appended to the list
 * already cached for the same filter; a first page (no `after`) replaces it. A page is appended only
 * where it follows, after the list's last cursor: one that arrives after its list was refetched or
 * evicted (a save that forgets the network while pages still load), or a second time, is dropped,
 * and the list left whole or empty for its query to fetch again.
 */
export function appendPages(keyArgs: KeySpecifier = ['first', 'filter']): FieldPolicy<NodesPage> {
  return {
    // `first` too: a picker asking for 100 users must not take over the list's cached first page of 25.
    keyArgs,
    merge(existing, incoming, { args }) {
      const after = args?.['after'];
      if (!after) return incoming;
      // No list to follow (evicted): the field stays missing, so its query fetches the first page again.
      if (!existing) return undefined as unknown as NodesPage;
      if (existing.pageInfo?.endCursor !== after) return existing;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
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
  // Progress figures have no id: a refetch (after a live change) merges into what is cached rather
  // than replacing it, so the overview and the rollout page can select different parts of it.
  RolloutProgress: { merge: true },
  RolloutTotals: { merge: true },
  // Likewise the completeness grid, which the overview asks for one period of.
  ReportCompleteness: { merge: true },
  Query: {
    fields: {
      // A centre already in the cache (from the network list) opens without another round trip.
      centre: {
        read: (existing: unknown, { args, toReference }) =>
          existing ?? (typeof args?.['id'] === 'string' ? toReference({ __typename: 'Centre', id: args['id'] }) : undefined),
      },
      // Likewise a user opened from the users list.
      user: {
        read: (existing: unknown, { args, toReference }) =>
          existing ?? (typeof args?.['id'] === 'string' ? toReference({ __typename: 'User', id: args['id'] }) : undefined),
      },
      // The network page and the centre pickers each read every page of the network into a list of
      // their own, named by `@connection(key:)` (they select different fields); the overview's counts
      // (`first: 1`, no directive) keep their own entries. A query without `after` replaces its list.
      centres: appendPages(['first', 'filter', 'orderBy', '@connection', ['key']]),
      users: appendPages(),
      auditEntries: appendPages(),
      // The review queue and a coordinator's returned reports are the same field in another order.
      reports: appendPages(['first', 'filter', 'orderBy']),
      rolloutItems: appendPages(['first', 'filter', 'orderBy']),
      // The workbench's saved queries: mine, shared, searched, each its own list.
      savedQueries: appendPages(),
      // A saved query just saved, or listed, opens without another round trip.
      savedQuery: {
        read: (existing: unknown, { args, toReference }) =>
          existing ?? (typeof args?.['id'] === 'string' ? toReference({ __typename: 'SavedQuery', id: args['id'] }) : undefined),
      },
      // An item opened from the matrix shows what the matrix knows while its history arrives.
      rolloutItem: {
        read: (existing: unknown, { args, toReference }) =>
          existing ?? (typeof args?.['id'] === 'string' ? toReference({ __typename: 'RolloutItem', id: args['id'] }) : undefined),
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
  {
    uri = '/graphql',
    fetch,
    links = [],
    live,
  }: {
    uri?: string;
    fetch?: typeof globalThis.fetch;
    /** Run between the language header and the network (the session's auth link). */
    links?: readonly ApolloLink[];
    /** Where subscriptions go (the WebSocket); without it the app has no live updates. */
    live?: ApolloLink;
  } = {},
): ApolloClient {
  const http = ApolloLink.from([
    acceptLanguageLink(() => currentLanguage(i18n)),
    ...links,
    // credentials stay 'same-origin' (the default): the refresh cookie must travel with /graphql.
    new HttpLink(fetch ? { uri, fetch } : { uri }),
  ]);
  const client = new ApolloClient({
    // The socket carries its own token and language (connection parameters), so subscriptions skip the HTTP links.
    link: live ? ApolloLink.split(isSubscription, live, http) : http,
    cache: createCache(),
  });
  i18n.on('languageChanged', () => {
    // A query still in flight is cancelled by the reset and shows its own error with a retry;
    // nothing else is left to handle here.
    client.resetStore().catch(() => undefined);
  });
  return client;
}
