import { useTranslation } from 'react-i18next';

/**
 * A page that failed to render or whose code failed to download (offline, or a new deploy replaced
 * the chunk). Reloading fetches the current build; the header stays usable around this.
 */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <div className="error-state" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('routeError.reload')}
      </button>
    </div>
  );
}
