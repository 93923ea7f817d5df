import { useQuery } from '@apollo/client/react';
import { allowedReportActions, isPeriod, periodProblem, reportDeadline, type PeriodType } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { formatDateTime, formatLongDate } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { Notice } from '../../app/ui/Notice';
import { RecordState } from '../../app/ui/RecordState';
import type { ReportFieldsFragment } from '../../gql/graphql';
import { canReadReports, canReviewReports } from '../auth/permissions';
import { NotAllowed } from '../auth/RequirePermission';
import { useSession, type Session } from '../auth/session-context';
import { localIsoDate } from '../centres/centre-network';
import { LateMark, ReportStateChip } from './ReportChips';
import { ReportForm } from './ReportForm';
import { reportLines, type ReportCentre } from './report-form';
import { formatPeriod } from './report-period';
import { ReportPageQuery } from './reports-documents';
import { ReportView, ReportWarnings } from './ReportView';
import { ReviewPanel, type ReviewAction } from './ReviewPanel';
import './reports.css';
import '../centres/network.css';

type PageNotice = 'conflict' | 'submitted' | ReviewAction;

const WELL_FORMED_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * One centre's report of one period (`/reports/:centreId/:period`): the form while the person may
 * edit it (the workflow's EDIT), else the report as it reads, with the region's review beside it.
 */
export default function ReportPage() {
  const { t } = useTranslation();
  const { centreId = '', period = '' } = useParams();
  const session = useSession();
  const mayRead = canReadReports(session.ability, centreId);
  const wellFormed = WELL_FORMED_PERIOD.test(period);
  const { data, error, loading, refetch } = useQuery(ReportPageQuery, { variables: { centreId, period }, skip: !wellFormed || !mayRead });
  const [notice, setNotice] = useState<PageNotice | null>(null);
  // A new form after the report is loaded again: it starts from the figures the API holds now.
  const [loads, setLoads] = useState(0);
  const centre = data?.centre;
  const periodType = data?.reportingSettings.periodType ?? 'MONTHLY';
  const periodName = formatPeriod(period, periodType, t);
  const title = centre ? t('reports.page.title', { centre: centre.name, period: periodName }) : t('reports.page.titleWithout', { period: periodName });
  useDocumentTitle(title);

  if (!mayRead) return <NotAllowed />;

  const reload = () => {
    setNotice('conflict');
    refetch()
      .catch(() => undefined)
      .finally(() => setLoads((count) => count + 1));
  };

  const report = centre?.report ?? null;
  return (
    <>
      <BackLink session={session} />
      <div className="page-head">
        <h1>{title}</h1>
        {report ? <ReportStateChip state={report.state} /> : null}
      </div>
      {notice ? <Notice>{t(`reports.notice.${notice}`)}</Notice> : null}
      {wellFormed && (!data || isPeriod(period, periodType)) ? (
        <RecordState
          record={data ? centre : undefined}
          error={error}
          // A refetch in the background (after the draft is created) keeps the form: unmounting it would drop what is being typed.
          loading={loading && !data}
          refetch={refetch}
          failedTitle={t('reports.page.loadFailed')}
          loadingLabel={t('reports.page.loading')}
          loadingTestId="report-loading"
          // An id that is no centre's, or a period the API cannot read, has no report to show.
          isMissing={(refusal) => ['NOT_FOUND', 'BAD_USER_INPUT'].includes(failureCode(refusal))}
          notFoundTitle={t('reports.page.notFound')}
          notFoundHint={t('reports.page.notFoundHint')}
        >
          {(found) => (
            <ReportBody
              key={loads}
              centre={found}
              period={period}
              periodType={periodType}
              deadlineDay={data?.reportingSettings.deadlineDay ?? 5}
              session={session}
              onConflict={reload}
              onNotice={setNotice}
            />
          )}
        </RecordState>
      ) : (
        <div className="empty-state">
          <p className="empty-state-title">{t('reports.page.noSuchPeriod')}</p>
          <p>{t('reports.page.notFoundHint')}</p>
        </div>
      )}
    </>
  );
}

function BackLink({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [to, text] =
    session.user?.role === 'DISTRICT_COORDINATOR'
      ? ['/reports', t('reports.page.backToMine')]
      : canReviewReports(session.ability)
        ? ['/reports/review', t('reports.page.backToQueue')]
        : ['/reports/completeness', t('reports.page.backToGrid')];
  return (
    <p className="breadcrumb">
      <Link to={to}>{text}</Link>
    </p>
  );
}

interface ReportBodyProps {
  centre: ReportCentre;
  period: string;
  periodType: PeriodType;
  deadlineDay: number;
  session: Session;
  onConflict: () => void;
  onNotice: (notice: PageNotice | null) => void;
}

function ReportBody({ centre, period, periodType, deadlineDay, session, onConflict, onNotice }: ReportBodyProps) {
  const { t } = useTranslation();
  const report = centre.report ?? null;
  // The lines are fixed when the form opens: a club saved meanwhile is already among them.
  const [lines] = useState(() => reportLines(centre, period, periodType, report));
  const [startAnyway, setStartAnyway] = useState(false);
  const today = useMemo(() => localIsoDate(), []);
  const { user, ability } = session;
  const reviewer = canReviewReports(ability);
  const policyUser = user ? { id: user.id, role: user.role, centreId: user.centre?.id ?? null } : null;
  const actions = report ? report.allowedActions : allowedReportActions({ state: 'DRAFT', centreId: centre.id }, policyUser);
  const editable = actions.includes('EDIT');
  const ownCentre = user?.centre?.id === centre.id;
  const cannotReport = periodProblem(period, periodType, centre, today, false);
  const notYet = periodProblem(period, periodType, centre, today, true);

  let body;
  if (!report && cannotReport) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('reports.page.cannotReport')}</p>
        <p>{periodProblemText(cannotReport, t)}</p>
      </div>
    );
  } else if (!report && editable && !ownCentre && !startAnyway) {
    // Someone else's report to start (an administrator): said first, so that it is not started by a slip.
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('reports.page.notStarted')}</p>
        <p>{t('reports.page.notStartedHint')}</p>
        <button type="button" className="button-secondary" onClick={() => setStartAnyway(true)}>
          {t('reports.page.startOnBehalf')}
        </button>
      </div>
    );
  } else if (!report && !editable) {
    body = (
      <div className="empty-state">
        <p className="empty-state-title">{t('reports.page.notStarted')}</p>
        <p>{t('reports.page.notStartedHint')}</p>
      </div>
    );
  } else if (editable) {
    body = (
      <ReportForm
        centreId={centre.id}
        period={period}
        report={report}
        lines={lines}
        submitBlocked={notYet ? periodProblemText(notYet, t) : null}
        onConflict={onConflict}
        onSubmitted={() => onNotice('submitted')}
      />
    );
  } else if (report) {
    body = <ReportView report={report} lines={lines} warnings={reviewer ? report.warnings : []} />;
  }

  return (
    <>
      {report ? <ReportFacts report={report} /> : <DeadlineFact period={period} periodType={periodType} deadlineDay={deadlineDay} />}
      {report?.reviewComment ? <ReviewComment report={report} /> : null}
      {report && reviewer ? <ReportWarnings warnings={report.warnings} lines={lines} /> : null}
      {report && reviewer ? (
        <ReviewPanel
          report={report}
          onConflict={onConflict}
          onReviewed={(action) => {
            onNotice(action);
          }}
        />
      ) : null}
      {body}
    </>
  );
}

export function periodProblemText(problem: NonNullable<ReturnType<typeof periodProblem>>, t: TFunction): string {
  const day = problem.params?.['day'];
  return t(`reports.periodProblem.${problem.code}`, { day: day ? formatLongDate(day, t) : '' });
}

/** The deadline, and when the report was received and reviewed. */
function ReportFacts({ report }: { report: ReportFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <dl className="facts report-facts">
      <dt>{t('reports.page.deadline')}</dt>
      <dd>{formatLongDate(report.deadline, t)}</dd>
      {report.firstSubmittedAt ? (
        <>
          <dt>{t('reports.page.received')}</dt>
          <dd>
            {formatDateTime(report.firstSubmittedAt, t)} {report.onTime === false ? <LateMark /> : <span className="muted">{t('reports.onTime')}</span>}
          </dd>
        </>
      ) : null}
      {report.submittedAt && report.submittedAt !== report.firstSubmittedAt ? (
        <>
          <dt>{t('reports.page.resubmitted')}</dt>
          <dd>{formatDateTime(report.submittedAt, t)}</dd>
        </>
      ) : null}
      {report.reviewedAt ? (
        <>
          <dt>{t('reports.page.reviewed')}</dt>
          <dd>{formatDateTime(report.reviewedAt, t)}</dd>
        </>
      ) : null}
    </dl>
  );
}

function DeadlineFact({ period, periodType, deadlineDay }: { period: string; periodType: PeriodType; deadlineDay: number }) {
  const { t } = useTranslation();
  return (
    <dl className="facts report-facts">
      <dt>{t('reports.page.deadline')}</dt>
      <dd>{formatLongDate(reportDeadline(period, periodType, deadlineDay), t)}</dd>
    </dl>
  );
}

/** What the region asked to fix, where the coordinator reads it before anything else. */
function ReviewComment({ report }: { report: ReportFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <section className="review-comment" aria-labelledby="review-comment-heading" data-testid="review-comment">
      <h2 id="review-comment-heading">
        <span aria-hidden="true">↩</span> {t('reports.page.reviewCommentHeading')}
      </h2>
      <p>{report.reviewComment}</p>
    </section>
  );
}
