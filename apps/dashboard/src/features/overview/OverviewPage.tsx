import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { monthStart, OverviewKpisQuery } from './overview-kpis';

interface KpiCardProps {
  id: string;
  heading: string;
  /** The figure, or undefined while it loads. */
  figure: number | undefined;
  testId: string;
  detail?: ReactNode;
  to: string;
  linkText: string;
  format: (figure: number) => string;
}

function KpiCard({ id, heading, figure, format, testId, detail, to, linkText }: KpiCardProps) {
  return (
    <li className="card kpi-card">
      <section aria-labelledby={id}>
        <h2 id={id}>{heading}</h2>
        {figure === undefined ? (
          <div className="skeleton skeleton-figure" aria-hidden="true" />
        ) : (
          <p className="figure" data-testid={testId}>
            {format(figure)}
          </p>
        )}
        {figure === undefined ? null : detail}
        <p>
          <Link to={to}>{linkText}</Link>
        </p>
      </section>
    </li>
  );
}

/**
 * The landing page: the KPI cards of dashboard.md that the API can answer, each a number with the
 * list behind it one link away. All figures come from one query; one error state covers them.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('overview.title'));
  // The month is fixed when the page opens: a page left open over midnight keeps its question.
  const [since] = useState(() => monthStart(new Date()));
  const { data, previousData, error, refetch } = useQuery(OverviewKpisQuery, { variables: { monthStart: since } });
  const figures = data ?? previousData;
  const numbers = new Intl.NumberFormat(i18n.language);
  const format = (figure: number) => numbers.format(figure);

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="page-intro">{t('overview.intro')}</p>
      {error && !figures ? (
        <ErrorState
          title={t('overview.errorTitle')}
          error={error}
          onRetry={() => {
            refetch().catch(() => undefined);
          }}
        />
      ) : (
        <>
          {figures ? null : (
            <p role="status" className="visually-hidden">
              {t('overview.loading')}
            </p>
          )}
          <ul className="kpi-cards" data-testid="kpi-cards" aria-busy={!figures}>
            <KpiCard
              id="kpi-centres"
              format={format}
              heading={t('overview.centresOpen')}
              figure={figures?.openCentres.totalCount}
              testId="open-centres"
              detail={
                <p data-testid="centre-count">{t('overview.centreCount', { count: figures?.allCentres.totalCount })}</p>
              }
              to="/centres"
              linkText={t('overview.seeAllCentres')}
            />
            <KpiCard
              id="kpi-clubs"
              format={format}
              heading={t('overview.clubsMeeting')}
              figure={figures?.activeClubs.totalCount}
              testId="active-clubs"
              detail={
                <p data-testid="clubs-started">
                  {t('overview.clubsStarted', { count: figures?.clubsStartedThisMonth.totalCount })}
                </p>
              }
              to="/centres"
              linkText={t('overview.seeClubs')}
            />
            <KpiCard
              id="kpi-programs"
              format={format}
              heading={t('overview.programsRunning')}
              figure={figures?.runningPrograms.totalCount}
              testId="running-programs"
              to="/catalogue/programs"
              linkText={t('overview.seePrograms')}
            />
          </ul>
        </>
      )}
    </>
  );
}
