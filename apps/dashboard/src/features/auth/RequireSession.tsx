import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../app/ui/ErrorState';
import { signInPath } from './next-path';
import { useSession } from './session-context';

/**
 * The gate in front of every page but sign-in. While the session is being restored from the refresh
 * cookie it shows that; a person who is not signed in goes to /sign-in, which brings them back here
 * afterwards (unless they signed out themselves: then they start afresh).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, store } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  switch (state.status) {
    case 'restoring':
      return (
        <main id="main" tabIndex={-1}>
          <SessionChecking />
        </main>
      );
    case 'unavailable':
      return (
        <main id="main" tabIndex={-1}>
          <ErrorState
            title={t('session.unavailableTitle')}
            error={state.error}
            onRetry={() => {
              void store.retryRestore();
            }}
          />
        </main>
      );
    case 'signed-out':
      return (
        <Navigate replace to={state.reason === 'signed-out' ? '/sign-in' : signInPath(location.pathname + location.search)} />
      );
    case 'signed-in':
      return children;
  }
}

/** While the refresh cookie is being turned into a session (a moment, at start). */
export function SessionChecking() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status" data-testid="session-checking">
      <span className="visually-hidden">{t('session.checking')}</span>
      <div className="skeleton skeleton-heading" aria-hidden="true" />
      <div className="skeleton skeleton-line" aria-hidden="true" />
    </div>
  );
}
