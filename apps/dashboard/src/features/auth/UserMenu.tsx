import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { LogoutMutation } from './auth-documents';
import { useSession } from './session-context';

/**
 * Who is signed in (name and role), a way to their account, and sign-out. Signing out ends the
 * session on the server (the refresh cookie stops working, so a reload stays signed out), forgets the
 * access token and empties the Apollo cache; the route guard then shows the sign-in page.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, store } = useSession();
  const client = useApolloClient();
  const [logout, { loading }] = useMutation(LogoutMutation);
  const [failed, setFailed] = useState<unknown>(null);
  if (!user) return null;

  async function signOut() {
    setFailed(null);
    try {
      await logout();
    } catch (error) {
      // UNAUTHENTICATED: the session had already ended, which is what was asked for.
      if (failureCode(error) !== 'UNAUTHENTICATED') {
        // Keep the person signed in: forgetting only the token would leave the refresh cookie valid,
        // and the next reload would sign them in again without their knowing.
        setFailed(error);
        return;
      }
    }
    store.signOut('signed-out');
    await client.clearStore();
  }

  return (
    <div className="user-menu">
      <p className="session-user" data-testid="session-user">
        <span className="session-user-name">{user.displayName}</span>
        <span className="session-user-role">{t(`role.${user.role}`)}</span>
      </p>
      <NavLink to="/account">{t('nav.account')}</NavLink>
      <button type="button" className="button-secondary" onClick={() => void signOut()} disabled={loading}>
        {loading ? t('session.signingOut') : t('session.signOut')}
      </button>
      {failed ? (
        <p className="user-menu-error" role="alert" data-error-code={failureCode(failed)}>
          {t('session.signOutFailed')} {t(`errors.${failureCode(failed)}`)}
        </p>
      ) : null}
    </div>
  );
}
