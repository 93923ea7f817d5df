import type { MockLink } from '@apollo/client/testing';
import type { OverviewKpisQuery as OverviewKpisResult, OverviewReportsQuery as OverviewReportsResult } from '../../gql/graphql';
import { monthStart, OverviewKpisQuery, OverviewReportsQuery } from './overview-kpis';

export interface OverviewFigures {
  allCentres: number;
  openCentres: number;
  activeClubs: number;
  clubsStartedThisMonth: number;
  runningPrograms: number;
  /** Club × district items on the rollout plan, launched of them, and late. */
  rolloutPlanned: number;
  rolloutLaunched: number;
  rolloutLate: number;
}

/** Karaganda's network: 15 centres, one of them closed. */
export const KARAGANDA_FIGURES: OverviewFigures = {
  allCentres: 15,
  openCentres: 14,
  activeClubs: 1234,
  clubsStartedThisMonth: 3,
  runningPrograms: 21,
  rolloutPlanned: 97,
  rolloutLaunched: 15,
  rolloutLate: 17,
};

/** October 2026 is the period being reported (monthly reporting). */
export const LAST_ENDED_PERIOD = '2026-10';

const request = () => ({ query: OverviewKpisQuery, variables: { monthStart: monthStart(new Date()) } });

function result(figures: OverviewFigures): { data: OverviewKpisResult } {
  return {
    data: {
      allCentres: { __typename: 'CentreConnection', totalCount: figures.allCentres },
      openCentres: { __typename: 'CentreConnection', totalCount: figures.openCentres },
      activeClubs: { __typename: 'ClubConnection', totalCount: figures.activeClubs },
      clubsStartedThisMonth: { __typename: 'ClubConnection', totalCount: figures.clubsStartedThisMonth },
      runningPrograms: { __typename: 'ProgramRunConnection', totalCount: figures.runningPrograms },
      reportingSettings: { __typename: 'ReportingSettings', periodType: 'MONTHLY', lastEndedPeriod: LAST_ENDED_PERIOD },
      rolloutProgress: {
        __typename: 'RolloutProgress',
        network: {
          __typename: 'RolloutTotals',
          planned: figures.rolloutPlanned,
          launched: figures.rolloutLaunched,
          late: figures.rolloutLate,
          share: figures.rolloutPlanned === 0 ? null : figures.rolloutLaunched / figures.rolloutPlanned,
        },
      },
    },
  };
}

export function overviewMock(figures: Partial<OverviewFigures> = {}): MockLink.MockedResponse {
  return { request: request(), result: result({ ...KARAGANDA_FIGURES, ...figures }) };
}

/** The API refusing the query with a GraphQL error that carries `extensions.code`. */
export function overviewErrorMock(code: string): MockLink.MockedResponse {
  return {
    request: request(),
    result: { data: null, errors: [{ message: 'A message the UI must not depend on', extensions: { code } }] },
  };
}

type ReportRow = OverviewReportsResult['reportCompleteness']['rows'][number];

function reportRow(id: string, name: string, status: ReportRow['cells'][number]['status'], expected = true): ReportRow {
  return {
    __typename: 'CentreReportRow',
    centre: { __typename: 'Centre', id, name },
    cells: [{ __typename: 'ReportCell', period: LAST_ENDED_PERIOD, status, expected }],
  };
}

/**
 * October's reports: 14 expected, 12 received (9 by the deadline, 3 after it); Saran and Shet have
 * sent nothing and are overdue, Temirtau's is waiting for review; the regional centre owes none.
 */
export function overviewReportsMock({ withReviewQueue = true, reviewQueue = 4 }: { withReviewQueue?: boolean; reviewQueue?: number } = {}): MockLink.MockedResponse {
  const data: OverviewReportsResult = {
    reportCompleteness: {
      __typename: 'ReportCompleteness',
      network: [
        { __typename: 'PeriodCompleteness', period: LAST_ENDED_PERIOD, expected: 14, received: 12, onTime: 9, late: 3, overdue: 2, timeliness: 9 / 14 },
      ],
      rows: [
        reportRow('c-0', 'Regional centre', 'NOT_EXPECTED', false),
        reportRow('c-3', 'Temirtau', 'SUBMITTED'),
        reportRow('c-4', 'Balkhash', 'APPROVED'),
        reportRow('c-5', 'Saran', 'OVERDUE'),
        reportRow('c-14', 'Shet district', 'OVERDUE'),
      ],
    },
    ...(withReviewQueue ? { reviewQueue: { __typename: 'ActivityReportConnection' as const, totalCount: reviewQueue } } : {}),
  };
  return { request: { query: OverviewReportsQuery, variables: { period: LAST_ENDED_PERIOD, withReviewQueue } }, result: { data } };
}
