/**
 * The analysts' aggregates: which figures can be summed, by what, and how small numbers are kept
 * from identifying anyone. The API computes the cells; these rules decide what may be published,
 * so the dashboard, the exports and the API hide exactly the same cells.
 */

/** What an aggregate can break figures down by. */
export const ANALYTICS_DIMENSIONS = ['CENTRE', 'CENTRE_KIND', 'PARENT_CENTRE', 'MONTH', 'QUARTER', 'YEAR', 'AGE_BAND', 'SEX', 'CLUB_TYPE', 'PROGRAM'] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

/** Where a metric's figures come from. */
export type MetricSource = 'REPORT_FIGURES' | 'REPORTING' | 'ROLLOUT';

export interface MetricDefinition {
  source: MetricSource;
  /** Dimensions beyond the centre and time ones, which every metric has. */
  extraDimensions: readonly AnalyticsDimension[];
  /** Counts people (or comes from an anonymous support group): cells below the threshold are hidden. */
  protected: boolean;
  /** A percentage, not a count: it does not add up across cells and has no suppression of its own. */
  percentage?: boolean;
}

const CENTRE_AND_TIME: readonly AnalyticsDimension[] = ['CENTRE', 'CENTRE_KIND', 'PARENT_CENTRE', 'MONTH', 'QUARTER', 'YEAR'];

/**
 * The metrics. Report figures count only reports the region has received and not sent back
 * (SUBMITTED or APPROVED): a draft or a returned report is still being corrected. Support groups'
 * figures never mix into the program metrics, so no subtraction between two metrics reveals them.
 */
export const ANALYTICS_METRICS = {
  YOUNG_PEOPLE_REACHED: { source: 'REPORT_FIGURES', extraDimensions: ['AGE_BAND', 'SEX'], protected: true },
  EVENTS_HELD: { source: 'REPORT_FIGURES', extraDimensions: [], protected: false },
  CLUB_MEETINGS: { source: 'REPORT_FIGURES', extraDimensions: ['CLUB_TYPE'], protected: false },
  CLUB_ATTENDANCE: { source: 'REPORT_FIGURES', extraDimensions: ['CLUB_TYPE'], protected: true },
  PROGRAM_SESSIONS: { source: 'REPORT_FIGURES', extraDimensions: ['PROGRAM'], protected: false },
  PROGRAM_ATTENDANCE: { source: 'REPORT_FIGURES', extraDimensions: ['PROGRAM'], protected: true },
  SUPPORT_GROUP_MEETINGS: { source: 'REPORT_FIGURES', extraDimensions: ['PROGRAM'], protected: true },
  SUPPORT_GROUP_ATTENDANCE: { source: 'REPORT_FIGURES', extraDimensions: ['PROGRAM'], protected: true },
  PREVENTION_RAIDS: { source: 'REPORT_FIGURES', extraDimensions: [], protected: false },
  PREVENTION_SESSIONS: { source: 'REPORT_FIGURES', extraDimensions: [], protected: false },
  PREVENTION_SCREENINGS: { source: 'REPORT_FIGURES', extraDimensions: [], protected: false },
  ONLINE_SHOPS_FOUND: { source: 'REPORT_FIGURES', extraDimensions: [], protected: false },
  ONLINE_SHOPS_BLOCKED: { source: 'REPORT_FIGURES', extraDimensions: [], protected: false },
  REPORTS_EXPECTED: { source: 'REPORTING', extraDimensions: [], protected: false },
  REPORTS_RECEIVED: { source: 'REPORTING', extraDimensions: [], protected: false },
  REPORTS_ON_TIME: { source: 'REPORTING', extraDimensions: [], protected: false },
  ROLLOUT_PLANNED: { source: 'ROLLOUT', extraDimensions: ['CLUB_TYPE'], protected: false },
  ROLLOUT_DUE: { source: 'ROLLOUT', extraDimensions: ['CLUB_TYPE'], protected: false },
  ROLLOUT_LAUNCHED: { source: 'ROLLOUT', extraDimensions: ['CLUB_TYPE'], protected: false },
  ROLLOUT_COVERAGE_PERCENT: { source: 'ROLLOUT', extraDimensions: ['CLUB_TYPE'], protected: false, percentage: true },
} as const satisfies Record<string, MetricDefinition>;

export type AnalyticsMetric = keyof typeof ANALYTICS_METRICS;
export const ANALYTICS_METRIC_CODES = Object.keys(ANALYTICS_METRICS) as AnalyticsMetric[];

export function metricDefinition(metric: AnalyticsMetric): MetricDefinition {
  return ANALYTICS_METRICS[metric];
}

export function metricDimensions(metric: AnalyticsMetric): readonly AnalyticsDimension[] {
  return [...CENTRE_AND_TIME, ...ANALYTICS_METRICS[metric].extraDimensions];
}

/** The filters that narrow only some metrics, and the dimension each belongs to. */
export const DIMENSION_FILTERS = { ageBands: 'AGE_BAND', sexes: 'SEX', clubTypeIds: 'CLUB_TYPE', programIds: 'PROGRAM' } as const satisfies Record<string, AnalyticsDimension>;
export type DimensionFilter = keyof typeof DIMENSION_FILTERS;

export type AnalyticsRequestProblem =
  | { code: 'noMetrics' }
  | { code: 'repeatedMetric'; metric: AnalyticsMetric }
  | { code: 'repeatedDimension'; dimension: AnalyticsDimension }
  | { code: 'dimensionNotForMetric'; metric: AnalyticsMetric; dimension: AnalyticsDimension }
  | { code: 'filterNotForMetric'; metric: AnalyticsMetric; filter: DimensionFilter; dimension: AnalyticsDimension }
  | { code: 'rangeReversed'; from: string; to: string };

/**
 * Why an aggregate cannot be answered as asked: every metric must break down by every dimension
 * and filter asked for, since a cell that silently ignored one would be a wrong figure.
 */
export function analyticsRequestProblems(request: {
  metrics: readonly AnalyticsMetric[];
  groupBy: readonly AnalyticsDimension[];
  filters: readonly DimensionFilter[];
  from: string;
  to: string;
}): AnalyticsRequestProblem[] {
  const problems: AnalyticsRequestProblem[] = [];
  if (request.metrics.length === 0) problems.push({ code: 'noMetrics' });
  const seenMetrics = new Set<AnalyticsMetric>();
  for (const metric of request.metrics) {
    if (seenMetrics.has(metric)) problems.push({ code: 'repeatedMetric', metric });
    seenMetrics.add(metric);
  }
  const seenDimensions = new Set<AnalyticsDimension>();
  for (const dimension of request.groupBy) {
    if (seenDimensions.has(dimension)) problems.push({ code: 'repeatedDimension', dimension });
    seenDimensions.add(dimension);
  }
  for (const metric of seenMetrics) {
    const allowed = metricDimensions(metric);
    for (const dimension of seenDimensions) {
      if (!allowed.includes(dimension)) problems.push({ code: 'dimensionNotForMetric', metric, dimension });
    }
    for (const filter of request.filters) {
      const dimension = DIMENSION_FILTERS[filter];
      if (!allowed.includes(dimension)) problems.push({ code: 'filterNotForMetric', metric, filter, dimension });
    }
  }
  if (request.from > request.to) problems.push({ code: 'rangeReversed', from: request.from, to: request.to });
  return problems;
}

/** 'YYYY-MM' → 'YYYY-Qn'. */
export function quarterOfMonth(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Where a published figure was withheld, and why. */
export const SUPPRESSION_REASONS = ['SMALL_NUMBER', 'COMPLEMENTARY'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** The smallest count published by default: 1 to 4 are hidden, 0 is shown (it identifies nobody). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/**
 * A count the rule withholds for itself: from 1 to threshold − 1. A table without one has nothing
 * to protect: suppressSmallNumbers hides none of its cells.
 */
export function isSmallNumber(value: number, threshold: number): boolean {
  return value > 0 && value < threshold;
}

/** A cell of one metric in a table: its position on each dimension, and its count. */
export interface TableCell {
  key: readonly string[];
  value: number;
}

/**
 * Sums that someone could publish next to the table: for each dimension, the cells that differ only
 * on it add up to a total another query would show (grouping by one dimension fewer). `within` adds
 * coarser totals a dimension has (months within a quarter or year, centres within a parent or kind),
 * each returning the group a value belongs to.
 */
export type CoarserTotals = readonly (readonly ((value: string) => string)[])[];

export interface SuppressedTable {
  /** Per cell, in the order given: null when published. */
  reasons: (SuppressionReason | null)[];
  /** Whether the grand total must be withheld too (it would reveal a hidden cell). */
  totalSuppressed: boolean;
}

/**
 * Small-number protection with complementary suppression. A cell from 1 to threshold − 1 is hidden
 * (SMALL_NUMBER). Then no sum of the table may give a hidden cell away by subtraction: the grand
 * total, each row and column total (the cells that differ only on one dimension, which a query
 * grouped by one dimension fewer would publish) and the coarser totals of `within`. If such a sum
 * holds exactly one hidden cell, or hidden cells adding up to less than the threshold, another of
 * its cells is hidden too (COMPLEMENTARY; a zero only to make the second hidden cell) — preferring cells that are not the only
 * non-zero cell of a row or column (whose own total would show them) and cells that also protect
 * another sum, then the smallest — until every sum holds. Where a sum has no cell left to hide, the grand total is
 * withheld; a row or column total is another query's, and published there unless small: when the
 * data leave nothing to hide a small cell behind (its row holds only it and zeros), its row's total
 * is small and hidden there too.
 * Deterministic: ties go to the first cell in the given order, so callers give cells in one
 * canonical order (the same table asked with its dimensions in another order hides the same cells).
 *
 * This protects one table and its margins. Subtracting two queries with different filters (all
 * districts, then all but one) is a differencing attack that cell suppression alone cannot stop.
 */
export function suppressSmallNumbers(cells: readonly TableCell[], threshold: number, within: CoarserTotals = []): SuppressedTable {
  const small = (value: number) => isSmallNumber(value, threshold);
  const reasons: (SuppressionReason | null)[] = cells.map((cell) => (small(cell.value) ? 'SMALL_NUMBER' : null));
  let totalSuppressed = small(cells.reduce((total, cell) => total + cell.value, 0));
  if (!reasons.some((reason) => reason !== null)) return { reasons, totalSuppressed };

  // Each sum as the indexes of its cells.
  const sums: number[][] = [cells.map((_, index) => index)];
  const alone: boolean[] = cells.map(() => false);
  const dimensions = cells[0]?.key.length ?? 0;
  for (let dimension = 0; dimension < dimensions; dimension += 1) {
    // The row totals along this dimension are the cells of the query grouped without it, protected
    // by the same rule: a total that query withholds publishes nothing.
    const marginPublished = dimensions > 1 ? publishedMargins(cells, dimension, threshold, within) : () => !totalSuppressed;
    const groupings: ((value: string) => string)[] = [() => '', ...(within[dimension] ?? [])];
    groupings.forEach((groupOf, grouping) => {
      const groups = new Map<string, number[]>();
      cells.forEach((cell, index) => {
        const key = cell.key.map((value, at) => (at === dimension ? groupOf(value) : value)).join('\u0000');
        const group = groups.get(key);
        if (group) group.push(index);
        else groups.set(key, [index]);
      });
      for (const [key, group] of groups) {
        if (group.length > 1) sums.push(group);
        // A total its own query withholds must not follow from this table's cells: one of them hides.
        if (grouping === 0 && !marginPublished(key) && group.every((index) => reasons[index] === null)) {
          const nonZero = group.filter((index) => cells[index]!.value > 0);
          if (nonZero.length > 0) reasons[nonZero.reduce((smallest, index) => (cells[index]!.value < cells[smallest]!.value ? index : smallest))] = 'COMPLEMENTARY';
        }
        // A cell with no other non-zero cell in a published sum is that sum: its total publishes it.
        const nonZero = group.filter((index) => cells[index]!.value > 0);
        if (nonZero.length === 1 && (grouping > 0 || marginPublished(key))) alone[nonZero[0]!] = true;
      }
    });
  }
  // Which sums each cell is in, and how many hidden cells each sum holds so far.
  const sumsOf: number[][] = cells.map(() => []);
  sums.forEach((sum, sumIndex) => sum.forEach((index) => sumsOf[index]!.push(sumIndex)));
  const hiddenIn = sums.map((sum) => sum.filter((index) => reasons[index] !== null).length);
  const hide = (index: number) => {
    reasons[index] = 'COMPLEMENTARY';
    for (const sumIndex of sumsOf[index]!) hiddenIn[sumIndex]! += 1;
  };
  // The cell to hide next in a sum: one that is not the only non-zero cell of a row or column
  // (whose own total would publish it), then one that opens the fewest new sums with a single
  // hidden cell (so one hidden cell protects two sums where it can), then the smallest.
  const cost = (index: number) => (alone[index] ? 1_000_000 : 0) + sumsOf[index]!.filter((sumIndex) => hiddenIn[sumIndex] === 0).length;
  const hideBefore = (a: number, b: number) => {
    const [costA, costB] = [cost(a), cost(b)];
    return costA !== costB ? costA < costB : cells[a]!.value < cells[b]!.value;
  };

  for (let changed = true; changed; ) {
    changed = false;
    sums.forEach((sum, sumIndex) => {
      for (;;) {
        if (hiddenIn[sumIndex] === 0) return;
        let hiddenTotal = 0;
        let next = -1;
        for (const index of sum) {
          if (reasons[index] !== null) hiddenTotal += cells[index]!.value;
          // A zero helps only to make a second hidden cell (it cannot add to the hidden total), but
          // it can: a row of one non-zero cell and zeros would otherwise give that cell away.
          else if ((cells[index]!.value > 0 || hiddenIn[sumIndex] === 1) && (next < 0 || hideBefore(index, next))) next = index;
        }
        if (hiddenIn[sumIndex]! > 1 && hiddenTotal >= threshold) return;
        if (next < 0) {
          if (sumIndex === 0) totalSuppressed = true;
          return;
        }
        hide(next);
        changed = true;
      }
    });
  }
  return { reasons, totalSuppressed };
}

/**
 * Which totals along one dimension the query grouped without it publishes: that table, protected by
 * the same rule (recursively, down to one dimension). Keys as the caller builds them: the cell's key
 * with '' at the dimension, joined by NUL.
 */
function publishedMargins(cells: readonly TableCell[], dimension: number, threshold: number, within: CoarserTotals): (key: string) => boolean {
  const totals = new Map<string, number>();
  for (const cell of cells) {
    const key = cell.key.map((value, at) => (at === dimension ? '' : value)).join('\u0000');
    totals.set(key, (totals.get(key) ?? 0) + cell.value);
  }
  const keys = [...totals.keys()].sort();
  const margin = suppressSmallNumbers(
    keys.map((key) => ({ key: key.split('\u0000').filter((_, at) => at !== dimension), value: totals.get(key)! })),
    threshold,
    within.filter((_, at) => at !== dimension),
  );
  const published = new Set(keys.filter((_, index) => margin.reasons[index] === null));
  return (key) => published.has(key);
}
