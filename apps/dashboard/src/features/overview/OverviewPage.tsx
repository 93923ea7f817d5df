import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { useNetworkCentres } from '../centres/use-network-centres';

/**
 * The landing page. For now it states one real number, the size of the network; the KPIs of
 * dashboard.md join as the API learns to answer them. It shares the centres page's query, so moving
 * between the two costs no second request.
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('overview.title'));
  const { connection, error, retry } = useNetworkCentres();

  let figure;
  if (error) {
    figure = (
      <ErrorState
        title={t('overview.errorTitle')}
        error={error}
        onRetry={retry}
      />
    );
  } else if (!connection) {
    figure = (
      <div role="status">
        <span className="visually-hidden">{t('overview.loading')}</span>
        <div className="skeleton skeleton-figure" aria-hidden="true" />
      </div>
    );
  } else {
    figure = (
      <p className="figure" data-testid="centre-count">
        {t('overview.centreCount', { count: connection.totalCount })}
      </p>
    );
  }

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="page-intro">{t('overview.intro')}</p>
      <section className="card" aria-labelledby="overview-centres">
        <h2 id="overview-centres">{t('overview.centresHeading')}</h2>
        {figure}
        <p>
          <Link to="/centres">{t('overview.seeAllCentres')}</Link>
        </p>
      </section>
    </>
  );
}
