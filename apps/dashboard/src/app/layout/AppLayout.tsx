import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { PageLoading } from '../ui/PageLoading';
import { LanguageSwitch } from './LanguageSwitch';

export function AppLayout() {
  const { t } = useTranslation();
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
          </ul>
        </nav>
        <LanguageSwitch />
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
