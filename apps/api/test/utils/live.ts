import { type Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

/** Helpers for the live (graphql-ws) tests. */
export function subscriber(url: string, headers: Record<string, string>): Client {
  return createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: headers, retryAttempts: 0, lazy: true });
}

/** The next change the subscriber hears about an item of a centre. */
export function nextChange(client: Client, centre: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No change arrived within ${timeoutMs / 1000} s`)), timeoutMs);
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

/**
 * Makes changes until the subscriber hears one: the first change may come before the server has set
 * the subscription up (socket, sign-in, Redis SUBSCRIBE), which no fixed wait can promise.
 */
export async function hearChange(client: Client, centre: string, change: (attempt: number) => Promise<void>): Promise<Record<string, unknown>> {
  let heard = false;
  const next = nextChange(client, centre).finally(() => (heard = true));
  for (let attempt = 0; attempt < 15 && !heard; attempt++) {
    await change(attempt);
    await Promise.race([next.catch(() => undefined), new Promise((wait) => setTimeout(wait, 750))]);
  }
  return next;
}
