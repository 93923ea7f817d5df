import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { print } from '@apollo/client/utilities';
import type { Language } from '@mrc/domain';
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { Observable } from 'rxjs';
import type { LiveConnection } from './live-connection';

/** What the socket needs of the session: the access token, fresh, and a way to renew it. */
export interface LiveSession {
  /** The access token if it is valid for a while yet; null when it is about to expire or nobody is signed in. */
  freshToken(): string | null;
  /** A token valid for a while: the current one, or a renewed one; null when nobody is signed in. */
  renewToken(): Promise<string | null>;
  /** A new token after the API refused `refused`; null when the session is over. */
  renewAfterRefusal(refused: string | null): Promise<string | null>;
}

export interface WebSocketLinkOptions {
  url: string;
  session: LiveSession;
  /** Read at each connection, so a socket opened after a language switch speaks the new language. */
  language: () => Language;
  connection: LiveConnection;
  /** A WebSocket class other than the browser's (tests). */
  webSocketImpl?: unknown;
  /** How long to wait before connecting again after a drop (tests shorten it). */
  retryDelay?: (retries: number) => number;
}

/** The API closes a socket with this code when the session behind it has ended or its token expired. */
export const UNAUTHORISED_CLOSE = 4401;
/** A close graphql-ws treats as passing: it reconnects at once and resubscribes what was running. */
const RESTART_CLOSE = 4205;
/** Renewals in a row for one subscription before it gives up and reports the refusal. */
const MAX_RENEWALS = 2;

/** Waits between attempts: 1, 2, 4 … up to 30 seconds, spread a little so dashboards do not return all at once. */
export function retryDelayMs(retries: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** retries);
  return Math.round(base * (0.8 + 0.4 * random()));
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

function isUnauthenticated(errors: ReadonlyArray<{ extensions?: Record<string, unknown> | undefined }> | undefined): boolean {
  return Array.isArray(errors) && errors.some((error) => error.extensions?.['code'] === 'UNAUTHENTICATED');
}

/** The refusal of a session that has ended, as Apollo reports an UNAUTHENTICATED over HTTP. */
function sessionOver(): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ errors: [{ message: 'The session has ended.', extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * A link that runs subscriptions over graphql-ws. The socket opens with the first subscription and
 * closes a little after the last one ends (lazy), and when it drops it is opened again, for as long
 * as anyone listens. The access token travels in the connection parameters (a browser cannot set
 * headers on a WebSocket), read afresh at every connection.
 *
 * The API checks the token when the socket opens and when a subscription starts and, while it runs,
 * closes the socket (4401) once the token has expired or the session ended. It refuses an account's
 * sockets past its share with 4403, and asks for patience with 1013 when it cannot check the session:
 * both are retried below. graphql-ws gives up after a 4401, so this link renews the token itself and
 * subscribes again on a new socket; only when the session is over does the subscription fail, as
 * UNAUTHENTICATED. A socket opened with a token that has since been replaced or is about to expire
 * is restarted before a new subscription goes over it.
 */
export function createWebSocketLink({ url, session, language, connection, webSocketImpl, retryDelay = retryDelayMs }: WebSocketLinkOptions): ApolloLink {
  let socket: WebSocket | null = null;
  let openedWith: string | null = null;
  let listening = 0;

  const client: Client = createClient({
    url,
    lazy: true,
    // A page switch unsubscribes and subscribes again at once: keep the socket for that moment.
    lazyCloseTimeout: 5_000,
    // A proxy closes a socket that says nothing for a minute; a ping now and then keeps it open.
    keepAlive: 25_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // The API restarting, the network dropping, a laptop waking up: try again whatever happened.
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
    connectionParams: async () => {
      // Never throws: an error here would close the socket for good.
      const token = await session.renewToken().catch(() => null);
      openedWith = token;
      return token === null ? { 'accept-language': language() } : { authorization: `Bearer ${token}`, 'accept-language': language() };
    },
    on: {
      connecting: (isRetry) => connection.connecting(isRetry),
      connected: (opened, _payload, wasRetry) => {
        socket = opened as WebSocket;
        connection.connected(wasRetry);
      },
      closed: () => {
        socket = null;
        connection.closed(listening > 0);
      },
    },
    ...(webSocketImpl ? { webSocketImpl } : {}),
  });

  function restartIfStale() {
    const token = session.freshToken();
    if (socket && socket.readyState === socket.OPEN && (token === null || token !== openedWith)) socket.close(RESTART_CLOSE, 'Client Restart');
  }

  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        const payload = { query: print(operation.query), variables: operation.variables, operationName: operation.operationName, extensions: operation.extensions };
        let attempt = 0;
        let renewals = 0;
        let stop: (() => void) | null = null;
        let ended = false;

        const renewAndStart = () => {
          const refused = openedWith;
          stop?.();
          stop = null;
          renewals += 1;
          session.renewAfterRefusal(refused).then(
            (token) => {
              if (ended) return;
              if (token === null) observer.error(sessionOver());
              else start();
            },
            () => {
              if (!ended) observer.error(sessionOver());
            },
          );
        };

        const start = () => {
          restartIfStale();
          // Callbacks of an attempt that was stopped (to renew the token) are ignored.
          const current = ++attempt;
          stop = client.subscribe<Record<string, unknown>, Record<string, unknown>>(payload, {
            next: (result: FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>) => {
              if (current !== attempt) return;
              if (isUnauthenticated(result.errors) && renewals < MAX_RENEWALS) return renewAndStart();
              if (!result.errors) renewals = 0;
              observer.next(result);
            },
            complete: () => {
              if (current === attempt) observer.complete();
            },
            error: (error: unknown) => {
              if (current !== attempt) return;
              const refused = isCloseEvent(error) ? error.code === UNAUTHORISED_CLOSE : Array.isArray(error) && isUnauthenticated(error);
              if (refused && renewals < MAX_RENEWALS) return renewAndStart();
              if (refused) return observer.error(sessionOver());
              if (error instanceof Error) return observer.error(error);
              if (isCloseEvent(error)) return observer.error(new Error(`The live connection closed (${error.code} ${error.reason}).`));
              observer.error(new CombinedGraphQLErrors({ errors: Array.isArray(error) ? error : [error] }));
            },
          });
        };

        listening += 1;
        start();
        return () => {
          ended = true;
          listening -= 1;
          stop?.();
          if (listening === 0 && socket === null) connection.closed(false);
        };
      }),
  );
}
