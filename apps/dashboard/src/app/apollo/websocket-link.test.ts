import { gql } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { createApolloClient } from './apollo-client';
import { failureCode } from './error-code';
import { LiveConnection } from './live-connection';
import { graphqlSocketUrl } from './live-link';
import { createWebSocketLink, retryDelayMs, type LiveSession } from './websocket-link';

interface Sent {
  type: string;
  id?: string;
  payload?: Record<string, unknown>;
}

/**
 * A WebSocket that speaks the server's side of graphql-transport-ws from the test: it acknowledges
 * every connection, records what the client sends, and lets the test push results or close it.
 */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static opened: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  readonly sent: Sent[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    FakeSocket.opened.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }

  send(data: string) {
    const message = JSON.parse(data) as Sent;
    this.sent.push(message);
    if (message.type === 'connection_init') setTimeout(() => this.receive({ type: 'connection_ack' }), 0);
  }

  close(code = 1000, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedWith = code;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: true }), 0);
  }

  receive(message: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  get init(): Record<string, unknown> | undefined {
    return this.sent.find((message) => message.type === 'connection_init')?.payload;
  }

  get subscriptions(): Sent[] {
    return this.sent.filter((message) => message.type === 'subscribe');
  }

  /** Sends a result to the latest subscription on this socket. */
  push(data: Record<string, unknown>) {
    const id = this.subscriptions.at(-1)?.id;
    this.receive({ type: 'next', id, payload: { data } });
  }
}

const Changed = gql`
  subscription Changed($centreId: ID) {
    rolloutItemChanged(centreId: $centreId) {
      id
      status
    }
  }
`;

function changed(status: string) {
  return { rolloutItemChanged: { __typename: 'RolloutItem', id: 'ri-1', status } };
}

function sessionWith(tokens: { fresh: () => string | null; renewed?: (refused: string | null) => Promise<string | null> }): LiveSession {
  return {
    freshToken: tokens.fresh,
    renewToken: async () => tokens.fresh(),
    renewAfterRefusal: tokens.renewed ?? (async () => null),
  };
}

function setUp(session: LiveSession) {
  FakeSocket.opened = [];
  const connection = new LiveConnection();
  const fetch = vi.fn(async () => new Response('{}'));
  const live = createWebSocketLink({
    url: 'ws://dashboard.test/graphql',
    session,
    language: () => 'kk',
    connection,
    webSocketImpl: FakeSocket,
    retryDelay: () => 0,
  });
  const client = createApolloClient(createI18n('en', { browserLanguages: [] }), { uri: 'http://dashboard.test/graphql', fetch, live });
  const results: unknown[] = [];
  const errors: unknown[] = [];
  const listen = (centreId: string | null = null) =>
    client.subscribe({ query: Changed, variables: { centreId } }).subscribe({
      next: (result) => (result.error ? errors.push(result.error) : results.push(result.data)),
      error: (error: unknown) => errors.push(error),
    });
  return { connection, fetch, listen, results, errors };
}

describe('the live connection', () => {
  it('opens only when a page listens, with the token and the language, and delivers each change', async () => {
    const { listen, results, fetch, connection } = setUp(sessionWith({ fresh: () => 'token-a' }));
    expect(FakeSocket.opened).toHaveLength(0);

    const subscription = listen();
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.subscriptions).toHaveLength(1));
    const socket = FakeSocket.opened[0]!;
    expect(socket.url).toBe('ws://dashboard.test/graphql');
    expect(socket.protocol).toBe('graphql-transport-ws');
    expect(socket.init).toEqual({ authorization: 'Bearer token-a', 'accept-language': 'kk' });
    expect(connection.getState()).toBe('live');

    socket.push(changed('PREPARING'));
    socket.push(changed('LAUNCHED'));
    await vi.waitFor(() => expect(results).toEqual([changed('PREPARING'), changed('LAUNCHED')]));
    // Subscriptions never travel over HTTP.
    expect(fetch).not.toHaveBeenCalled();
    subscription.unsubscribe();
  });

  it('connects again after a drop and tells the page it may have missed changes', async () => {
    const { listen, results, connection } = setUp(sessionWith({ fresh: () => 'token-a' }));
    const states: string[] = [];
    connection.subscribe(() => states.push(connection.getState()));
    const missed = vi.fn();
    connection.onReconnected(missed);
    const subscription = listen();
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.subscriptions).toHaveLength(1));

    FakeSocket.opened[0]!.close(1006, 'The API restarted');

    await vi.waitFor(() => expect(FakeSocket.opened[1]?.subscriptions).toHaveLength(1));
    expect(missed).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    FakeSocket.opened[1]!.push(changed('ACTIVE'));
    await vi.waitFor(() => expect(results).toEqual([changed('ACTIVE')]));
    subscription.unsubscribe();
  });

  it('renews the token when the API closes the socket as unauthorised, and listens on with the new one', async () => {
    let token = 'token-a';
    const renewed = vi.fn(async (refused: string | null) => {
      expect(refused).toBe('token-a');
      token = 'token-b';
      return token;
    });
    const { listen, results, errors } = setUp(sessionWith({ fresh: () => token, renewed }));
    const subscription = listen();
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.subscriptions).toHaveLength(1));

    FakeSocket.opened[0]!.close(4401, 'Unauthorized');

    await vi.waitFor(() => expect(FakeSocket.opened[1]?.subscriptions).toHaveLength(1));
    expect(FakeSocket.opened[1]!.init).toEqual({ authorization: 'Bearer token-b', 'accept-language': 'kk' });
    FakeSocket.opened[1]!.push(changed('PAUSED'));
    await vi.waitFor(() => expect(results).toEqual([changed('PAUSED')]));
    expect(errors).toEqual([]);
    expect(renewed).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
  });

  it('fails as UNAUTHENTICATED once the session is over', async () => {
    const { listen, errors } = setUp(sessionWith({ fresh: () => 'token-a', renewed: async () => null }));
    listen();
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.subscriptions).toHaveLength(1));

    FakeSocket.opened[0]!.close(4401, 'Unauthorized');

    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(failureCode(errors[0])).toBe('UNAUTHENTICATED');
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it('restarts a socket opened with a token that has since been replaced before subscribing over it', async () => {
    let token = 'token-a';
    const { listen } = setUp(sessionWith({ fresh: () => token }));
    const first = listen();
    await vi.waitFor(() => expect(FakeSocket.opened[0]?.subscriptions).toHaveLength(1));

    token = 'token-b';
    // Another district's changes: a subscription of its own (the same one would be shared).
    const second = listen('c-3');

    await vi.waitFor(() => expect(FakeSocket.opened[1]?.subscriptions).toHaveLength(2));
    expect(FakeSocket.opened[0]!.closedWith).toBe(4205);
    expect(FakeSocket.opened[1]!.init?.['authorization']).toBe('Bearer token-b');
    first.unsubscribe();
    second.unsubscribe();
  });
});

describe('the socket address', () => {
  it('is the page’s own origin, secure behind HTTPS', () => {
    expect(graphqlSocketUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
    expect(graphqlSocketUrl({ protocol: 'https:', host: 'mrc.example.kz' })).toBe('wss://mrc.example.kz/graphql');
  });
});

describe('the wait between attempts', () => {
  it('doubles up to half a minute, spread by a fifth either way', () => {
    expect(retryDelayMs(0, () => 0.5)).toBe(1000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8000);
    expect(retryDelayMs(10, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(0, () => 0)).toBe(800);
    expect(retryDelayMs(0, () => 1)).toBe(1200);
  });
});
