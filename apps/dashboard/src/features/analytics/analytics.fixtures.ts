import type { MockLink } from '@apollo/client/testing';
import type { AnalyticsMetric } from '@mrc/domain';
import { analyticsDocument, analyticsVariables, type AnalyticsRowData, type AnalyticsTableData, type AnalyticsValueData } from './analytics-query';
import { readAnalyticsState, type AnalyticsState } from './analytics-state';

/** Test data: the aggregate as the API answers it, October 2025 – September 2026, threshold 5. */

export const TEMIRTAU = { __typename: 'Centre' as const, id: 'c-3', name: 'Temirtau' };
export const SARAN = { __typename: 'Centre' as const, id: 'c-7', name: 'Saran' };

export function figure(metric: AnalyticsMetric, value: number | null, extra: Partial<AnalyticsValueData> = {}): AnalyticsValueData {
  return { __typename: 'AnalyticsValue', metric, value, suppressed: false, ...extra };
}

export function withheld(metric: AnalyticsMetric): AnalyticsValueData {
  return { __typename: 'AnalyticsValue', metric, value: null, suppressed: true };
}

export function row(dimensions: Omit<AnalyticsRowData, 'values' | '__typename'>, values: AnalyticsValueData[]): AnalyticsRowData {
  return { __typename: 'AnalyticsRow', ...dimensions, values };
}

/** Reach by district and quarter: Saran's small second quarter is withheld, and its third so it cannot be subtracted back. */
export function reachByDistrictAndQuarter(): AnalyticsTableData {
  return {
    __typename: 'AnalyticsTable',
    from: '2025-10',
    to: '2026-09',
    metrics: ['YOUNG_PEOPLE_REACHED'],
    groupBy: ['CENTRE', 'QUARTER'],
    rowCount: 4,
    suppressionThreshold: 5,
    suppressedCount: 2,
    dataChangedAt: '2026-10-14T09:30:00.000Z',
    rows: [
      row({ centre: SARAN, quarter: '2026-Q2' }, [withheld('YOUNG_PEOPLE_REACHED')]),
      row({ centre: SARAN, quarter: '2026-Q3' }, [withheld('YOUNG_PEOPLE_REACHED')]),
      row({ centre: TEMIRTAU, quarter: '2026-Q2' }, [figure('YOUNG_PEOPLE_REACHED', 1240)]),
      row({ centre: TEMIRTAU, quarter: '2026-Q3' }, [figure('YOUNG_PEOPLE_REACHED', 98)]),
    ],
    totals: [figure('YOUNG_PEOPLE_REACHED', 1361)],
  };
}

/** Reach by district against the year before. */
export function yearOnYearByDistrict(): AnalyticsTableData {
  return {
    ...reachByDistrictAndQuarter(),
    groupBy: ['CENTRE'],
    rowCount: 2,
    suppressedCount: 0,
    rows: [
      row({ centre: SARAN }, [figure('YOUNG_PEOPLE_REACHED', 23, { yearBefore: 20, yearBeforeSuppressed: false, changePercent: 15 })]),
      row({ centre: TEMIRTAU }, [figure('YOUNG_PEOPLE_REACHED', 1338, { yearBefore: null, yearBeforeSuppressed: true, changePercent: null })]),
    ],
    totals: [figure('YOUNG_PEOPLE_REACHED', 1361, { yearBefore: 1210, yearBeforeSuppressed: false, changePercent: 12.5 })],
  };
}

export function stateOf(search: string): AnalyticsState {
  return readAnalyticsState(new URLSearchParams(search));
}

/** The API's answer to the question the address `search` asks. */
export function analyticsMock(search: string, table: AnalyticsTableData, options: { maxUsageCount?: number } = {}): MockLink.MockedResponse {
  const state = stateOf(search);
  return {
    request: { query: analyticsDocument(state.groupBy, state.compare), variables: { ...analyticsVariables(state) } },
    result: { data: { analytics: table } },
    ...options,
  };
}

/** The API refusing the question with BAD_USER_INPUT and these extensions (a limit, its numbers, field hints). */
export function analyticsRefusalMock(search: string, message: string, extensions: Record<string, unknown>): MockLink.MockedResponse {
  const state = stateOf(search);
  return {
    request: { query: analyticsDocument(state.groupBy, state.compare), variables: { ...analyticsVariables(state) } },
    result: { data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT', ...extensions } }] },
  };
}
