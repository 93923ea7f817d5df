import type { MockLink } from '@apollo/client/testing';
import type {
  CompletenessQuery,
  ReportCellFieldsFragment,
  ReportFieldsFragment,
  ReportPageQuery,
  ReviewQueueQuery,
  PeriodRateFieldsFragment,
} from '../../gql/graphql';
import {
  CompletenessQuery as CompletenessDocument,
  CreateReportMutation,
  MyReportsQuery,
  ReportPageQuery as ReportPageDocument,
  REVIEW_QUEUE_PAGE_SIZE,
  ReviewQueueQuery as ReviewQueueDocument,
  SubmitReportMutation,
  UpdateReportMutation,
} from './reports-documents';

/** Test data: monthly reporting, due on the 5th; October 2026 is the period being reported. */
export const SETTINGS: ReportPageQuery['reportingSettings'] = {
  __typename: 'ReportingSettings',
  periodType: 'MONTHLY',
  deadlineDay: 5,
  currentPeriod: '2026-11',
  lastEndedPeriod: '2026-10',
};

/**
 * Temirtau as the report page receives it: two clubs that met in October, one that closed in the
 * summer (no line), a podcast run that started in October and a support group.
 */
export const TEMIRTAU_REPORTING: NonNullable<ReportPageQuery['centre']> = {
  __typename: 'Centre',
  id: 'c-3',
  name: 'Temirtau',
  openedOn: '2019-09-01',
  closedOn: null,
  clubs: [
    { __typename: 'Club', id: 'club-dombra', name: 'Dombra', startedOn: '2026-09-01', closedOn: null },
    { __typename: 'Club', id: 'club-oratory', name: 'Public speaking', startedOn: '2026-09-09', closedOn: null },
    { __typename: 'Club', id: 'club-chess', name: 'Togyz kumalak', startedOn: '2025-01-10', closedOn: '2026-07-31' },
  ],
  programRuns: [
    {
      __typename: 'ProgramRun',
      id: 'run-podcast',
      startsOn: '2026-10-01',
      endsOn: null,
      closedOn: null,
      program: { __typename: 'Program', id: 'p-podcast', name: 'Podcast recordings', anonymous: false },
    },
    {
      __typename: 'ProgramRun',
      id: 'run-codependents',
      startsOn: '2026-03-01',
      endsOn: null,
      closedOn: null,
      program: { __typename: 'Program', id: 'p-coda', name: 'Codependents anonymous', anonymous: true },
    },
  ],
  report: null,
};

const EMPTY_REACH = (['AGE_14_17', 'AGE_18_24', 'AGE_25_35'] as const).flatMap((ageBand) =>
  (['FEMALE', 'MALE'] as const).map((sex) => ({ __typename: 'ReachFigure' as const, ageBand, sex, count: null as number | null })),
);

/** A report of Temirtau for October 2026; a draft with nothing filled in unless told otherwise. */
export function report(overrides: Partial<ReportFieldsFragment> = {}): ReportFieldsFragment {
  return {
    __typename: 'ActivityReport',
    id: 'r-temirtau-2026-10',
    centre: { __typename: 'Centre', id: 'c-3' },
    period: '2026-10',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    deadline: '2026-11-05',
    state: 'DRAFT',
    version: 1,
    allowedActions: ['EDIT', 'SUBMIT'],
    eventsHeld: null,
    reachedTotal: null,
    reach: EMPTY_REACH,
    clubs: [],
    programRuns: [],
    prevention: { __typename: 'PreventionFigures', raids: null, sessions: null, screenings: null, onlineShopsFound: null, onlineShopsBlocked: null },
    highlights: null,
    reviewComment: null,
    reviewedAt: null,
    firstSubmittedAt: null,
    submittedAt: null,
    onTime: null,
    updatedAt: '2026-11-02T05:00:00.000Z',
    warnings: [],
    ...overrides,
  };
}

/** A complete October report: 58 young people reached, every line filled in. */
export function completeReport(overrides: Partial<ReportFieldsFragment> = {}): ReportFieldsFragment {
  const counts = [10, 12, 8, 9, 11, 8];
  return report({
    eventsHeld: 7,
    reachedTotal: 58,
    reach: EMPTY_REACH.map((entry, index) => ({ ...entry, count: counts[index] ?? 0 })),
    clubs: [
      { __typename: 'ClubFigure', club: { __typename: 'Club', id: 'club-dombra' }, meetings: 8, attendance: 96 },
      { __typename: 'ClubFigure', club: { __typename: 'Club', id: 'club-oratory' }, meetings: 4, attendance: 40 },
    ],
    programRuns: [
      { __typename: 'ProgramRunFigure', programRun: { __typename: 'ProgramRun', id: 'run-podcast' }, sessions: 3, attendance: 12 },
      { __typename: 'ProgramRunFigure', programRun: { __typename: 'ProgramRun', id: 'run-codependents' }, sessions: 4, attendance: 26 },
    ],
    prevention: { __typename: 'PreventionFigures', raids: 2, sessions: 5, screenings: 40, onlineShopsFound: 3, onlineShopsBlocked: 2 },
    highlights: 'A dombra evening for parents.',
    ...overrides,
  });
}

export function reportPageMock(found: ReportFieldsFragment | null, { centre = TEMIRTAU_REPORTING, period = '2026-10' } = {}): MockLink.MockedResponse {
  return {
    request: { query: ReportPageDocument, variables: { centreId: centre.id, period } },
    result: { data: { reportingSettings: SETTINGS, centre: { ...centre, report: found } } },
  };
}

type Recorded = Record<string, unknown>;

/**
 * The report mutations of a centre answered the way the API would, with what was sent recorded: a
 * create makes version 1, each update or submission one more. `refuse` turns a call into a refusal.
 */
export function fakeReportApi({ start = null as ReportFieldsFragment | null, refuse }: { start?: ReportFieldsFragment | null; refuse?: (operation: 'create' | 'update' | 'submit', input: Recorded, call: number) => { code: string; fields?: Record<string, string> } | 'network' | null } = {}) {
  type Operation = 'create' | 'update' | 'submit';
  const calls: Array<{ operation: Operation; input: Recorded }> = [];
  let current = start;
  let refusal: ReturnType<NonNullable<typeof refuse>> = null;
  // MockLink asks the first mock of an operation first, once per request: it records the call and
  // decides whether the network fails it; the second answers it.
  const record = (operation: Operation) => (variables: Record<string, unknown>) => {
    const input = variables['input'] as Recorded;
    calls.push({ operation, input });
    refusal = refuse?.(operation, input, calls.filter((call) => call.operation === operation).length) ?? null;
    return refusal === 'network';
  };
  const answer = (operation: Operation, field: string) => () => {
    const input = calls.at(-1)!.input;
    if (refusal && refusal !== 'network') return { data: null, errors: [{ message: 'Not for people', extensions: { code: refusal.code, fields: refusal.fields } }] };
    current = fromInput(current, input, operation === 'submit' ? 'SUBMITTED' : (current?.state ?? 'DRAFT'));
    return { data: { [field]: { __typename: 'ReportPayload', report: current } } };
  };
  const always = () => true;
  const offline = new TypeError('Failed to fetch');
  const mocks: MockLink.MockedResponse[] = [
    { request: { query: CreateReportMutation, variables: record('create') }, maxUsageCount: 100, delay: 20, error: offline },
    { request: { query: CreateReportMutation, variables: always }, maxUsageCount: 100, delay: 20, result: answer('create', 'createReport') },
    { request: { query: UpdateReportMutation, variables: record('update') }, maxUsageCount: 100, delay: 20, error: offline },
    { request: { query: UpdateReportMutation, variables: always }, maxUsageCount: 100, delay: 20, result: answer('update', 'updateReport') },
    { request: { query: SubmitReportMutation, variables: record('submit') }, maxUsageCount: 100, delay: 20, error: offline },
    { request: { query: SubmitReportMutation, variables: always }, maxUsageCount: 100, delay: 20, result: answer('submit', 'submitReport') },
  ];
  return { mocks, calls, current: () => current };
}

function fromInput(previous: ReportFieldsFragment | null, input: Recorded, state: ReportFieldsFragment['state']): ReportFieldsFragment {
  const base = previous ?? report({ version: 0 });
  const reach = (input['reach'] as Array<{ ageBand: 'AGE_14_17'; sex: 'FEMALE'; count: number | null }> | undefined) ?? [];
  const clubs = (input['clubs'] as Array<{ clubId: string; meetings: number | null; attendance: number | null }> | undefined) ?? [];
  const runs = (input['programRuns'] as Array<{ programRunId: string; sessions: number | null; attendance: number | null }> | undefined) ?? [];
  const prevention = input['prevention'] as ReportFieldsFragment['prevention'] | undefined;
  const submitted = state === 'SUBMITTED';
  return {
    ...base,
    state,
    version: base.version + 1,
    allowedActions: submitted ? [] : ['EDIT', 'SUBMIT'],
    eventsHeld: (input['eventsHeld'] as number | null | undefined) ?? null,
    reachedTotal: (input['reachedTotal'] as number | null | undefined) ?? null,
    reach: reach.map((entry) => ({ __typename: 'ReachFigure', ...entry })),
    clubs: clubs.map((line) => ({ __typename: 'ClubFigure', club: { __typename: 'Club', id: line.clubId }, meetings: line.meetings, attendance: line.attendance })),
    programRuns: runs.map((line) => ({
      __typename: 'ProgramRunFigure',
      programRun: { __typename: 'ProgramRun', id: line.programRunId },
      sessions: line.sessions,
      attendance: line.attendance,
    })),
    prevention: { ...(prevention ?? base.prevention), __typename: 'PreventionFigures' },
    highlights: (input['highlights'] as string | null | undefined) ?? null,
    firstSubmittedAt: submitted ? (base.firstSubmittedAt ?? '2026-11-03T06:00:00.000Z') : base.firstSubmittedAt,
    submittedAt: submitted ? '2026-11-03T06:00:00.000Z' : base.submittedAt,
    onTime: submitted ? true : base.onTime,
  };
}

/** One cell of a grid row. */
export function cell(period: string, overrides: Partial<ReportCellFieldsFragment> = {}): ReportCellFieldsFragment {
  const next = Number(period.slice(5, 7)) === 12 ? `${Number(period.slice(0, 4)) + 1}-01` : `${period.slice(0, 4)}-${String(Number(period.slice(5, 7)) + 1).padStart(2, '0')}`;
  return {
    __typename: 'ReportCell',
    period,
    status: 'APPROVED',
    state: 'APPROVED',
    deadline: `${next}-05`,
    late: false,
    expected: true,
    reportId: `r-${period}`,
    ...overrides,
  };
}

/** Temirtau's last three periods, newest last: approved (late), returned, and October overdue. */
export const TEMIRTAU_CELLS = [
  cell('2026-08', { late: true, reportId: 'r-aug' }),
  cell('2026-09', { status: 'RETURNED', state: 'RETURNED', reportId: 'r-sep' }),
  cell('2026-10', { status: 'OVERDUE', state: null, late: true, reportId: null }),
];

export function myReportsMock(cells = TEMIRTAU_CELLS, returned: Array<{ period: string; comment: string }> = [{ period: '2026-09', comment: 'Reach by age does not add up to the total.' }]): MockLink.MockedResponse {
  return {
    request: { query: MyReportsQuery, variables: { returnedFirst: 100 } },
    result: {
      data: {
        reportingSettings: { __typename: 'ReportingSettings', periodType: 'MONTHLY', lastEndedPeriod: '2026-10' },
        reportCompleteness: {
          __typename: 'ReportCompleteness',
          periods: cells.map((entry) => entry.period),
          rows: [{ __typename: 'CentreReportRow', centre: { __typename: 'Centre', id: 'c-3', name: 'Temirtau' }, cells }],
        },
        reports: {
          __typename: 'ActivityReportConnection',
          nodes: returned.map((entry) => ({
            __typename: 'ActivityReport',
            id: `r-${entry.period}`,
            period: entry.period,
            reviewComment: entry.comment,
            reviewedAt: '2026-10-08T09:00:00.000Z',
          })),
        },
      },
    },
  };
}

type QueuedReport = ReviewQueueQuery['reports']['nodes'][number];

export function queued(overrides: Partial<QueuedReport> = {}): QueuedReport {
  return {
    __typename: 'ActivityReport',
    id: 'r-temirtau-2026-10',
    period: '2026-10',
    state: 'SUBMITTED',
    submittedAt: '2026-11-03T06:00:00.000Z',
    firstSubmittedAt: '2026-11-03T06:00:00.000Z',
    deadline: '2026-11-05',
    onTime: true,
    centre: { __typename: 'Centre', id: 'c-3', name: 'Temirtau' },
    warnings: [],
    ...overrides,
  };
}

export function reviewQueueMock(nodes: QueuedReport[]): MockLink.MockedResponse {
  return {
    request: { query: ReviewQueueDocument, variables: { first: REVIEW_QUEUE_PAGE_SIZE } },
    result: {
      data: {
        reportingSettings: { __typename: 'ReportingSettings', periodType: 'MONTHLY' },
        reports: {
          __typename: 'ActivityReportConnection',
          totalCount: nodes.length,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes,
        },
      },
    },
  };
}

export function rate(period: string, expected: number, received: number, late = 0, overdue = 0): PeriodRateFieldsFragment {
  return {
    __typename: 'PeriodCompleteness',
    period,
    expected,
    received,
    onTime: received - late,
    late,
    overdue,
    completeness: expected === 0 ? null : received / expected,
    timeliness: expected === 0 ? null : (received - late) / expected,
  };
}

type Grid = CompletenessQuery['reportCompleteness'];

/** Two district centres over August–October 2026; Saran opened in September. */
export function completenessGrid(temirtauCells = TEMIRTAU_CELLS): Grid {
  const periods = ['2026-08', '2026-09', '2026-10'];
  const saranCells = [
    cell('2026-08', { status: 'NOT_EXPECTED', state: null, expected: false, reportId: null }),
    cell('2026-09', { status: 'SUBMITTED', state: 'SUBMITTED', reportId: 'r-saran-sep' }),
    cell('2026-10', { status: 'NOT_DUE', state: 'DRAFT', reportId: 'r-saran-oct' }),
  ];
  return {
    __typename: 'ReportCompleteness',
    periodType: 'MONTHLY',
    deadlineDay: 5,
    periods,
    rows: [
      {
        __typename: 'CentreReportRow',
        centre: { __typename: 'Centre', id: 'c-1', name: 'Regional centre', kind: 'REGIONAL' },
        cells: periods.map((period) => cell(period, { status: 'NOT_EXPECTED', state: null, expected: false, reportId: null })),
        total: rate('2026-08..2026-10', 0, 0),
      },
      { __typename: 'CentreReportRow', centre: { __typename: 'Centre', id: 'c-5', name: 'Saran', kind: 'CITY' }, cells: saranCells, total: rate('2026-08..2026-10', 2, 1) },
      { __typename: 'CentreReportRow', centre: { __typename: 'Centre', id: 'c-3', name: 'Temirtau', kind: 'CITY' }, cells: temirtauCells, total: rate('2026-08..2026-10', 3, 2, 1, 1) },
    ],
    network: [rate('2026-08', 1, 1, 1), rate('2026-09', 2, 2), rate('2026-10', 2, 0, 0, 1)],
    byKind: [{ __typename: 'KindCompleteness', kind: 'CITY', periods: [rate('2026-08', 1, 1, 1), rate('2026-09', 2, 2), rate('2026-10', 2, 0, 0, 1)] }],
  };
}

export function completenessMock(grid: Grid = completenessGrid(), variables: { from: string | null; to: string | null } = { from: null, to: null }): MockLink.MockedResponse {
  return {
    request: { query: CompletenessDocument, variables },
    result: {
      data: {
        reportingSettings: { __typename: 'ReportingSettings', periodType: 'MONTHLY', deadlineDay: 5, lastEndedPeriod: '2026-10' },
        reportCompleteness: grid,
      },
    },
  };
}
