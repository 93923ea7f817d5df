import type { TypedDocumentNode } from '@apollo/client';
import { parse } from 'graphql';
import type { AgeBand, AnalyticsDimension, AnalyticsMetric, CentreKind, Sex } from '@mrc/domain';
import type { AnalyticsState } from './analytics-state';

/**
 * The analytics page writes the query it runs for the question asked, selecting only the dimensions
 * the rows have, so "the query it ran" is one an analyst can read, copy and take into the workbench
 * as it is. analytics-query.test.ts validates every shape it can take against the committed schema,
 * which is what codegen would otherwise check.
 */

interface Named {
  __typename?: string;
  id: string;
  name: string;
}

export interface AnalyticsValueData {
  __typename?: 'AnalyticsValue';
  metric: AnalyticsMetric;
  value: number | null;
  /**
   * Withheld: a small count of people, or a figure that would let one be worked out. The API does
   * not say which of the two, as that too would narrow the figure down.
   */
  suppressed: boolean;
  /** Present when the year before was asked for. */
  yearBefore?: number | null;
  yearBeforeSuppressed?: boolean;
  changePercent?: number | null;
}

/** A row: only the fields of the dimensions grouped by are selected. */
export interface AnalyticsRowData {
  __typename?: 'AnalyticsRow';
  centre?: Named | null;
  parentCentre?: Named | null;
  centreKind?: CentreKind | null;
  clubType?: Named | null;
  program?: Named | null;
  month?: string | null;
  quarter?: string | null;
  year?: number | null;
  ageBand?: AgeBand | null;
  sex?: Sex | null;
  values: AnalyticsValueData[];
}

export interface AnalyticsTableData {
  __typename?: 'AnalyticsTable';
  from: string;
  to: string;
  metrics: AnalyticsMetric[];
  groupBy: AnalyticsDimension[];
  rowCount: number;
  suppressionThreshold: number;
  suppressedCount: number;
  dataChangedAt: string;
  rows: AnalyticsRowData[];
  totals: AnalyticsValueData[];
}

export interface AnalyticsQueryData {
  analytics: AnalyticsTableData;
}

/** The part of the schema's AnalyticsFilter the page sets. */
export interface AnalyticsFilter {
  from?: string;
  to?: string;
  centreKinds?: CentreKind[];
}

export interface AnalyticsQueryVariables {
  metrics: AnalyticsMetric[];
  groupBy: AnalyticsDimension[];
  filter?: AnalyticsFilter;
  compareWithYearBefore: boolean;
}

/** How a row names each dimension: the field, and what to select of it. */
export const DIMENSION_FIELDS: Record<AnalyticsDimension, { field: keyof AnalyticsRowData; selection: string }> = {
  CENTRE: { field: 'centre', selection: 'centre { id name }' },
  PARENT_CENTRE: { field: 'parentCentre', selection: 'parentCentre { id name }' },
  CENTRE_KIND: { field: 'centreKind', selection: 'centreKind' },
  CLUB_TYPE: { field: 'clubType', selection: 'clubType { id name }' },
  PROGRAM: { field: 'program', selection: 'program { id name }' },
  MONTH: { field: 'month', selection: 'month' },
  QUARTER: { field: 'quarter', selection: 'quarter' },
  YEAR: { field: 'year', selection: 'year' },
  AGE_BAND: { field: 'ageBand', selection: 'ageBand' },
  SEX: { field: 'sex', selection: 'sex' },
};

/** The query's text for these dimensions, with or without the year before. */
export function analyticsDocumentText(groupBy: readonly AnalyticsDimension[], compare: boolean): string {
  const value = compare ? 'metric value suppressed yearBefore yearBeforeSuppressed changePercent' : 'metric value suppressed';
  const rowFields = groupBy.map((dimension) => `      ${DIMENSION_FIELDS[dimension].selection}\n`).join('');
  return `query Analytics($metrics: [AnalyticsMetric!]!, $groupBy: [AnalyticsDimension!]!, $filter: AnalyticsFilter, $compareWithYearBefore: Boolean!) {
  analytics(metrics: $metrics, groupBy: $groupBy, filter: $filter, compareWithYearBefore: $compareWithYearBefore) {
    from
    to
    metrics
    groupBy
    rowCount
    suppressionThreshold
    suppressedCount
    dataChangedAt
    rows {
${rowFields}      values { ${value} }
    }
    totals { ${value} }
  }
}
`;
}

const parsed = new Map<string, TypedDocumentNode<AnalyticsQueryData, AnalyticsQueryVariables>>();

/** The parsed document, the same object for the same shape (Apollo keys its work on it). */
export function analyticsDocument(groupBy: readonly AnalyticsDimension[], compare: boolean): TypedDocumentNode<AnalyticsQueryData, AnalyticsQueryVariables> {
  const text = analyticsDocumentText(groupBy, compare);
  let document = parsed.get(text);
  if (!document) {
    document = parse(text) as TypedDocumentNode<AnalyticsQueryData, AnalyticsQueryVariables>;
    parsed.set(text, document);
  }
  return document;
}

/** The variables of the state's question; filters left unset are not sent. */
export function analyticsVariables(state: AnalyticsState): AnalyticsQueryVariables {
  const filter: AnalyticsFilter = {};
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  if (state.centreKinds.length > 0) filter.centreKinds = [...state.centreKinds];
  return {
    metrics: [...state.metrics],
    groupBy: [...state.groupBy],
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    compareWithYearBefore: state.compare,
  };
}
