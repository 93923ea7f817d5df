import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { canManageUsers, canReadAnalytics, canReadAudit } from '../../features/auth/permissions';
import { useSession } from '../../features/auth/session-context';
import { UserMenu } from '../../features/auth/UserMenu';
import { PageLoading } from '../ui/PageLoading';
import { LanguageSwitch } from './LanguageSwitch';

export function AppLayout() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link className="app-name" to="/">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul className="app-nav">
            <li>
              <NavLink to="/" end>
                {t('nav.overview')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/centres">{t('nav.centres')}</NavLink>
            </li>
            <li>
              <NavLink to="/rollout">{t('nav.rollout')}</NavLink>
            </li>
            <li>
              <NavLink to="/catalogue">{t('nav.catalogue')}</NavLink>
            </li>
            <li>
              <NavLink to="/reports">{t('nav.reports')}</NavLink>
            </li>
            {/* Only what the role may open; the pages check again and the API refuses anyway. */}
            {canReadAnalytics(ability) ? (
              <>
                <li>
                  <NavLink to="/analytics">{t('nav.analytics')}</NavLink>
                </li>
                <li>
                  <NavLink to="/workbench">{t('nav.workbench')}</NavLink>
                </li>
              </>
            ) : null}
            {canManageUsers(ability) ? (
              <li>
                <NavLink to="/users">{t('nav.users')}</NavLink>
              </li>
            ) : null}
            {canReadAudit(ability) ? (
              <li>
                <NavLink to="/audit">{t('nav.audit')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      {/* tabIndex lets the skip link move keyboard focus here, not only the scroll position. */}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
