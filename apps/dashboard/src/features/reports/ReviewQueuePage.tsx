import { useQuery } from '@apollo/client/react';
import type { PeriodType } from '@mrc/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLoadMore } from '../../app/apollo/use-load-more';
import { formatDateTime } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import type { ReviewQueueQuery as ReviewQueueData } from '../../gql/graphql';
import { LateMark } from './ReportChips';
import { formatPeriod } from './report-period';
import { REVIEW_QUEUE_PAGE_SIZE, ReviewQueueQuery } from './reports-documents';
import { ReportsTabs } from './ReportsTabs';
import './reports.css';
import '../centres/network.css';

type QueuedReport = ReviewQueueData['reports']['nodes'][number];

/** The region's review queue: submitted reports, the longest waiting first. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.queue.title'));
  // Others change these lists (a coordinator submits, the region reviews): show the cached one, and ask again.
  const { data, error, loading, refetch, fetchMore } = useQuery(ReviewQueueQuery, { variables: { first: REVIEW_QUEUE_PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const connection = data?.reports;
  const { loadMore, loadMoreError } = useLoadMore(connection?.pageInfo.endCursor, fetchMore);

  let body;
  if (error && !connection) {
    body = (
      <ErrorState
        title={t('reports.queue.loadFailed')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!connection) {
    body = <ListSkeleton label={t('reports.queue.loading')} testId="queue-loading" />;
  } else if (connection.nodes.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('reports.queue.emptyTitle')}</p>
        <p>
          {t('reports.queue.emptyHint')} <Link to="/reports/completeness">{t('reports.queue.seeGrid')}</Link>
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('reports.queue.caption', { count: connection.totalCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.column.centre')}</th>
                <th scope="col">{t('reports.column.period')}</th>
                <th scope="col">{t('reports.column.submitted')}</th>
                <th scope="col">{t('reports.column.timeliness')}</th>
                <th scope="col">{t('reports.column.warnings')}</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((report) => (
                <QueueRow key={report.id} report={report} periodType={data?.reportingSettings.periodType ?? 'MONTHLY'} />
              ))}
            </tbody>
          </table>
        </div>
        {connection.pageInfo.hasNextPage ? (
          <div className="form-actions">
            <button type="button" className="button-secondary" disabled={loading} onClick={() => void loadMore()}>
              {loading ? t('list.loadingMore') : t('list.loadMore')}
            </button>
            {loadMoreError ? <ErrorState title={t('reports.queue.loadFailed')} error={loadMoreError} /> : null}
          </div>
        ) : null}
      </>
    );
  }

  return (
    <>
      <h1>{t('reports.queue.title')}</h1>
      <p className="page-intro">{t('reports.queue.intro')}</p>
      <ReportsTabs />
      {body}
    </>
  );
}

function QueueRow({ report, periodType }: { report: QueuedReport; periodType: PeriodType }) {
  const { t } = useTranslation();
  const periodName = formatPeriod(report.period, periodType, t);
  return (
    <tr data-testid="queue-row">
      <th scope="row">{report.centre.name}</th>
      <td>
        <Link to={`/reports/${encodeURIComponent(report.centre.id)}/${report.period}`} aria-label={t('reports.queue.openLabel', { centre: report.centre.name, period: periodName })}>
          {periodName}
        </Link>
      </td>
      <td>{report.submittedAt ? formatDateTime(report.submittedAt, t) : null}</td>
      <td>{report.onTime === false ? <LateMark /> : <span>{t('reports.onTime')}</span>}</td>
      <td>
        {report.warnings.length > 0 ? (
          <span className="warning-mark">
            <span aria-hidden="true">⚠</span> {t('reports.queue.warnings', { count: report.warnings.length })}
          </span>
        ) : (
          <span className="muted">{t('reports.queue.noWarnings')}</span>
        )}
      </td>
    </tr>
  );
}
