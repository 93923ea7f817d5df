import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import type { OverviewReportsQuery as OverviewReportsData } from '../../gql/graphql';
import { canReadAllReports, canReviewReports } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { formatPeriod, formatRate } from '../reports/report-period';
import { monthStart, OverviewKpisQuery, OverviewReportsQuery } from './overview-kpis';

interface KpiCardProps {
  id: string;
  heading: string;
  /** The figure, or undefined while it loads; null when there is none to give (nothing planned yet). */
  figure: number | null | undefined;
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
            {figure === null ? '–' : format(figure)}
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
 * The landing page, one screen: the KPI cards of dashboard.md, each a number with the list behind it
 * one link away, and what needs attention now. The network's figures come in one query with one
 * error state; the reports' figures, for those who read every centre's, in a second one that
 * needs the period being reported now from the first.
 */
export default function OverviewPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('overview.title'));
  const { ability } = useSession();
  const readsReports = canReadAllReports(ability);
  const reviews = canReviewReports(ability);
  // The month is fixed when the page opens: a page left open over midnight keeps its question.
  const [since] = useState(() => monthStart(new Date()));
  // Others change what is counted (a report arrives, a club launches): show the cached figures, and ask again.
  const { data, previousData, error, refetch } = useQuery(OverviewKpisQuery, { variables: { monthStart: since }, fetchPolicy: 'cache-and-network' });
  const figures = data ?? previousData;
  const period = figures?.reportingSettings.lastEndedPeriod;
  const reports = useQuery(OverviewReportsQuery, {
    variables: { period: period ?? '', withReviewQueue: reviews },
    skip: !readsReports || !period,
    fetchPolicy: 'cache-and-network',
  });
  const reportFigures = reports.data ?? reports.previousData;
  const numbers = new Intl.NumberFormat(i18n.language);
  const format = (figure: number) => numbers.format(figure);
  const percent = (share: number) => formatRate(share, i18n.language);
  const rollout = figures?.rolloutProgress.network;
  const periodRate = reportFigures?.reportCompleteness.network[0];
  const periodName = period && figures ? formatPeriod(period, figures.reportingSettings.periodType, t) : '';

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
            <KpiCard
              id="kpi-rollout"
              format={percent}
              heading={t('overview.rolloutDone')}
              figure={rollout ? rollout.share : undefined}
              testId="rollout-done"
              detail={rollout ? <p data-testid="rollout-detail">{t('overview.rolloutDetail', { launched: rollout.launched, planned: rollout.planned })}</p> : null}
              to="/rollout"
              linkText={t('overview.seeRollout')}
            />
            {readsReports ? (
              <KpiCard
                id="kpi-reports"
                format={percent}
                heading={t('overview.reportsOnTime')}
                // A failed count says "–" here; the attention block below says why, with a retry.
                figure={periodRate ? periodRate.timeliness : reports.error ? null : undefined}
                testId="reports-on-time"
                detail={
                  periodRate ? (
                    <>
                      <p data-testid="reports-on-time-detail">
                        {t('overview.reportsOnTimeDetail', { onTime: periodRate.onTime, expected: periodRate.expected, period: periodName })}
                      </p>
                      <p data-testid="reports-late">{t('overview.reportsLate', { count: periodRate.late + periodRate.overdue })}</p>
                    </>
                  ) : null
                }
                to="/reports/completeness"
                linkText={t('overview.seeCompleteness')}
              />
            ) : null}
          </ul>
          <NeedsAttention
            loading={!figures || (readsReports && !reportFigures && !reports.error)}
            lateRollout={rollout?.late ?? 0}
            reviewQueue={reviews ? reportFigures?.reviewQueue?.totalCount : undefined}
            notReported={reportFigures ? notReportedCentres(reportFigures) : []}
            period={period ?? ''}
            periodName={periodName}
            reportsError={reports.error}
            onRetryReports={() => {
              reports.refetch().catch(() => undefined);
            }}
          />
        </>
      )}
    </>
  );
}

/** Centres that owe a report for the period and have not sent it (whether or not its deadline has passed). */
export function notReportedCentres(data: OverviewReportsData): Array<{ id: string; name: string }> {
  return data.reportCompleteness.rows
    .filter((row) => row.cells.some((cell) => cell.expected && (cell.status === 'OVERDUE' || cell.status === 'NOT_DUE')))
    .map((row) => row.centre);
}

interface NeedsAttentionProps {
  loading: boolean;
  lateRollout: number;
  /** Reports waiting for review; undefined for those who do not review. */
  reviewQueue: number | undefined;
  notReported: ReadonlyArray<{ id: string; name: string }>;
  period: string;
  periodName: string;
  reportsError: unknown;
  onRetryReports: () => void;
}

/** What someone should look at now, each with the list behind it one link away. */
function NeedsAttention({ loading, lateRollout, reviewQueue, notReported, period, periodName, reportsError, onRetryReports }: NeedsAttentionProps) {
  const { t } = useTranslation();
  const items: ReactNode[] = [];
  if (reviewQueue !== undefined && reviewQueue > 0) {
    items.push(
      <li key="review" data-testid="attention-review">
        <Link to="/reports/review">{t('overview.reviewWaiting', { count: reviewQueue })}</Link>
      </li>,
    );
  }
  if (lateRollout > 0) {
    items.push(
      <li key="rollout" data-testid="attention-rollout">
        <Link to="/rollout">{t('overview.lateRollout', { count: lateRollout })}</Link>
      </li>,
    );
  }
  if (notReported.length > 0) {
    items.push(
      <li key="reports" data-testid="attention-not-reported">
        {t('overview.notReported', { period: periodName })}{' '}
        <span className="attention-names">
          {notReported.map((centre, index) => (
            <span key={centre.id}>
              {index > 0 ? ', ' : null}
              <Link to={`/reports/${encodeURIComponent(centre.id)}/${period}`}>{centre.name}</Link>
            </span>
          ))}
        </span>
      </li>,
    );
  }
  return (
    <section className="card attention" aria-labelledby="attention-heading" data-testid="needs-attention" aria-busy={loading}>
      <h2 id="attention-heading">{t('overview.attention')}</h2>
      {reportsError ? <ErrorState title={t('overview.attentionFailed')} error={reportsError} onRetry={onRetryReports} /> : null}
      {items.length > 0 ? <ul className="attention-list">{items}</ul> : loading ? <div className="skeleton skeleton-line" aria-hidden="true" /> : <p>{t('overview.attentionNothing')}</p>}
    </section>
  );
}
