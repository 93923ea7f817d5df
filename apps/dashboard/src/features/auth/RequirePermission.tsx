import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import type { PermissionCheck } from './permissions';
import { useSession } from './session-context';

/**
 * Shows the page only to those the policy lets see it. Anyone else who follows a link here gets a
 * plain "not allowed" instead of a page of errors; the API would refuse the data anyway.
 */
export function RequirePermission({ check, children }: { check: PermissionCheck; children: ReactNode }) {
  const { ability } = useSession();
  return check(ability) ? children : <NotAllowed />;
}

export function NotAllowed() {
  const { t } = useTranslation();
  const { user } = useSession();
  useDocumentTitle(t('notAllowed.title'));
  return (
    <section className="not-allowed" data-testid="not-allowed" aria-labelledby="not-allowed-title">
      <h1 id="not-allowed-title">{t('notAllowed.title')}</h1>
      <p>{user ? t('notAllowed.body', { role: t(`role.${user.role}`) }) : t('notAllowed.bodyAnonymous')}</p>
      <p>
        <Link to="/">{t('notAllowed.home')}</Link>
      </p>
    </section>
  );
}
