import { useTranslation } from 'react-i18next';

/** Shown while a page's code arrives; pages are split out of the first download. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="page-loading" role="status">
      <span className="visually-hidden">{t('page.loading')}</span>
      <div className="skeleton skeleton-heading" aria-hidden="true" />
      <div className="skeleton skeleton-line" aria-hidden="true" />
    </div>
  );
}
