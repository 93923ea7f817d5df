import { ApolloLink } from '@apollo/client';
import { MockLink, MockSubscriptionLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import type { Language } from '@mrc/domain';
import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/apollo/apollo-client';
import { LiveConnection, LiveConnectionProvider } from '../app/apollo/live-connection';
import { isSubscription } from '../app/apollo/live-link';
import { createI18n } from '../app/i18n/i18n';
import { routes } from '../app/router';
import { ADMIN, sessionStoreFor } from '../features/auth/session.fixtures';
import { SessionProvider } from '../features/auth/session-context';
import { SessionStore, type SessionUser } from '../features/auth/session-store';

interface RenderAppOptions {
  path?: string;
  language?: Language;
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** Who is signed in (an administrator unless said otherwise), null for nobody, or a store to use. */
  session?: SessionUser | null | SessionStore;
  /**
   * Where subscriptions go: a test that plays live changes passes its own and calls
   * `simulateResult`. By default they stay silent, as a socket nobody writes to.
   */
  live?: MockSubscriptionLink;
  /** The live connection's state, which a test may move (a reconnection). */
  liveConnection?: LiveConnection;
}

/** Renders the real routes, layout and i18n at `path`, with the GraphQL API replaced by mocks. */
export function renderApp({
  path = '/',
  language = 'en',
  mocks = [],
  session = ADMIN,
  live = new MockSubscriptionLink(),
  liveConnection = new LiveConnection(),
}: RenderAppOptions = {}): RenderResult & {
  i18n: I18n;
  store: SessionStore;
  router: ReturnType<typeof createMemoryRouter>;
} {
  const i18n = createI18n(language, { storage: localStorage, browserLanguages: [], document });
  const store = session instanceof SessionStore ? session : sessionStoreFor(session);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MockedProvider link={ApolloLink.split(isSubscription, live, new MockLink(mocks))} cache={createCache()}>
        <SessionProvider store={store}>
          <LiveConnectionProvider connection={liveConnection}>
            <RouterProvider router={router} />
          </LiveConnectionProvider>
        </SessionProvider>
      </MockedProvider>
    </I18nextProvider>,
  );
  return { ...result, i18n, store, router };
}
