import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { formatLongDate } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import type { ReportCellFieldsFragment } from '../../gql/graphql';
import { canReadAllReports, canReviewReports } from '../auth/permissions';
import { NotAllowed } from '../auth/RequirePermission';
import { useSession } from '../auth/session-context';
import { CellStatusChip } from './ReportChips';
import { formatPeriod } from './report-period';
import { MyReportsQuery } from './reports-documents';
import { ReportsTabs } from './ReportsTabs';
import './reports.css';
import '../centres/network.css';

/** The API's page limit; a centre has at most a couple of reports returned at once. */
const RETURNED_PAGE_SIZE = 100;

/**
 * `/reports`: a coordinator's own periods; the region's people go on to the page their role has
 * (administrators review, analysts read the grid).
 */
export default function ReportsPage() {
  const { user, ability } = useSession();
  if (user?.role === 'DISTRICT_COORDINATOR' && user.centre) return <MyReports centreId={user.centre.id} />;
  if (canReviewReports(ability)) return <Navigate to="/reports/review" replace />;
  if (canReadAllReports(ability)) return <Navigate to="/reports/completeness" replace />;
  return <NotAllowed />;
}

function MyReports({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('reports.mine.title'));
  // Others change these lists (a coordinator submits, the region reviews): show the cached one, and ask again.
  const { data, error, refetch } = useQuery(MyReportsQuery, { variables: { returnedFirst: RETURNED_PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const periodType = data?.reportingSettings.periodType ?? 'MONTHLY';
  const row = data?.reportCompleteness.rows.find((candidate) => candidate.centre.id === centreId);
  const comments = new Map(data?.reports.nodes.map((report) => [report.period, report.reviewComment]));
  // Newest first: the period being reported now leads. Periods before the centre opened are left out.
  const cells = [...(row?.cells ?? [])].reverse().filter((cell) => cell.expected || cell.reportId);

  let body;
  if (error && !data) {
    body = (
      <ErrorState
        title={t('reports.mine.loadFailed')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!data) {
    body = <ListSkeleton label={t('reports.mine.loading')} testId="my-reports-loading" />;
  } else if (cells.length === 0) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('reports.mine.emptyTitle')}</p>
        <p>{t('reports.mine.emptyHint')}</p>
      </div>
    );
  } else {
    body = (
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t('reports.mine.caption', { centre: row?.centre.name ?? '' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.column.period')}</th>
              <th scope="col">{t('reports.column.status')}</th>
              <th scope="col">{t('reports.column.deadline')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reports.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <MyReportRow
                key={cell.period}
                cell={cell}
                centreId={centreId}
                periodName={formatPeriod(cell.period, periodType, t)}
                comment={cell.state === 'RETURNED' ? comments.get(cell.period) : null}
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <>
      <h1>{t('reports.mine.title')}</h1>
      <p className="page-intro">{t('reports.mine.intro')}</p>
      <ReportsTabs />
      {body}
    </>
  );
}

function MyReportRow({ cell, centreId, periodName, comment }: { cell: ReportCellFieldsFragment; centreId: string; periodName: string; comment: string | null | undefined }) {
  const { t } = useTranslation();
  const action = !cell.reportId ? 'start' : cell.state === 'DRAFT' || cell.state === 'RETURNED' ? 'continue' : 'view';
  return (
    <tr data-testid="my-report-row" data-period={cell.period}>
      <th scope="row">{periodName}</th>
      <td>
        <CellStatusChip cell={cell} />
        {comment ? (
          <p className="cell-note review-note">
            <span className="visually-hidden">{t('reports.page.reviewCommentHeading')}: </span>
            {comment}
          </p>
        ) : null}
      </td>
      <td>{formatLongDate(cell.deadline, t)}</td>
      <td>
        <Link
          className={action === 'view' ? undefined : 'button-link'}
          to={`/reports/${encodeURIComponent(centreId)}/${cell.period}`}
          aria-label={t(`reports.mine.${action}Label`, { period: periodName })}
        >
          {t(`reports.mine.${action}`)}
        </Link>
      </td>
    </tr>
  );
}
