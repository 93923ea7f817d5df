import { type Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

/** Helpers for the live (graphql-ws) tests. */
export function subscriber(url: string, headers: Record<string, string>): Client {
  return createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: headers, retryAttempts: 0, lazy: true });
}

/** The next change the subscriber hears about an item of a centre. */
export function nextChange(client: Client, centre: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('No change arrived within 10 s')), 10_000);
    const stop = client.subscribe<{ rolloutItemChanged: Record<string, unknown> }>(
      { query: 'subscription($centreId: ID) { rolloutItemChanged(centreId: $centreId) { id status gates version centre { code } } }', variables: { centreId: centre } },
      {
        next: (message) => {
          if (!message.data) return reject(new Error(JSON.stringify(message.errors)));
          clearTimeout(timer);
          stop();
          resolve(message.data.rolloutItemChanged);
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => undefined,
      },
    );
  });
}

/** The subscription is registered once the socket has said hello and the server has set it up. */
export const waitForSubscription = () => new Promise((resolve) => setTimeout(resolve, 500));
