import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { defer, from, mergeMap } from 'rxjs';

/** Subscriptions travel over the WebSocket; queries and mutations stay on HTTP, as the API wants. */
export function isSubscription(operation: ApolloLink.Operation): boolean {
  return operation.operationType === OperationTypeNode.SUBSCRIPTION;
}

/**
 * The API's WebSocket: the same origin and path as its HTTP endpoint, `wss:` behind HTTPS. In
 * development Vite's proxy forwards the upgrade to the API, as it forwards the HTTP requests.
 */
export function graphqlSocketUrl(location: Pick<Location, 'protocol' | 'host'>, path = '/graphql'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/**
 * A link whose code is downloaded the first time an operation goes through it. The WebSocket client
 * is needed only by the live pages, so it stays out of the first download. A failed download is
 * tried again by the next operation rather than remembered.
 */
export function lazyLink(load: () => Promise<ApolloLink>): ApolloLink {
  let loading: Promise<ApolloLink> | undefined;
  const link = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return new ApolloLink((operation, forward) => defer(() => from(link())).pipe(mergeMap((loaded) => loaded.request(operation, forward))));
}
