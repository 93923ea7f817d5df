import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { authLink } from '../features/auth/auth-link';
import { liveSessionOf } from '../features/auth/live-session';
import { refreshSessionWith } from '../features/auth/request-refresh';
import { SessionProvider } from '../features/auth/session-context';
import { SessionStore } from '../features/auth/session-store';
import { createApolloClient } from './apollo/apollo-client';
import { LiveConnection, LiveConnectionProvider } from './apollo/live-connection';
import { graphqlSocketUrl, lazyLink } from './apollo/live-link';
import { createI18n, currentLanguage, whenTranslated } from './i18n/i18n';
import { routes } from './router';
import './styles.css';

const i18n = createI18n();
// The store refreshes through the client, whose auth link reads the store: the client is built second.
const session = new SessionStore(() => refreshSessionWith(apolloClient));
const live = new LiveConnection();
const apolloClient = createApolloClient(i18n, {
  links: [authLink(session)],
  // The WebSocket client arrives with the first page that listens for live updates.
  live: lazyLink(() =>
    import('./apollo/websocket-link').then(({ createWebSocketLink }) =>
      createWebSocketLink({
        url: graphqlSocketUrl(window.location),
        session: liveSessionOf(session),
        language: () => currentLanguage(i18n),
        connection: live,
      }),
    ),
  ),
});
const router = createBrowserRouter(routes);
// The access token is kept in memory only; after a reload the refresh cookie brings the session back.
void session.restore();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The language's messages arrive as their own small download: render once they are in, so the first
// paint is already in the person's language (the session is restored meanwhile).
void whenTranslated(i18n).then(() => {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApolloProvider client={apolloClient}>
          <SessionProvider store={session}>
            <LiveConnectionProvider connection={live}>
              <RouterProvider router={router} />
            </LiveConnectionProvider>
          </SessionProvider>
        </ApolloProvider>
      </I18nextProvider>
    </StrictMode>,
  );
});
