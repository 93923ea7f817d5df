import { ANALYTICS_DIMENSIONS, ANALYTICS_METRIC_CODES, CENTRE_KINDS, metricDimensions, type AnalyticsDimension, type AnalyticsMetric, type CentreKind } from '@mrc/domain';

/**
 * What the analytics page asks the API, as it lives in the address (deep links, shareable):
 * `?metrics=YOUNG_PEOPLE_REACHED&by=CENTRE,QUARTER&from=2025-11&to=2026-10&kinds=RURAL_DISTRICT&compare=1`.
 * Anything the address says that is not one of ours is dropped rather than sent to the API.
 */
export interface AnalyticsState {
  /** One to MAX_METRICS metrics, in the order asked. */
  metrics: AnalyticsMetric[];
  /** Up to MAX_DIMENSIONS dimensions, in the order the rows are sorted. */
  groupBy: AnalyticsDimension[];
  /** `YYYY-MM`; null leaves the range to the API (the last twelve ended months). */
  from: string | null;
  to: string | null;
  /** Only centres of these kinds; empty for all. */
  centreKinds: CentreKind[];
  /** Also the same cells a year before, and the change. */
  compare: boolean;
}

/** As many as the API takes in one question. */
export const MAX_METRICS = 10;
/** A chart and a table stay readable with two dimensions; the workbench takes more. */
export const MAX_DIMENSIONS = 2;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The metrics in the order the controls list them, grouped by what they are about. */
export const METRIC_GROUPS: ReadonlyArray<{ id: 'reach' | 'activity' | 'supportGroups' | 'prevention' | 'reporting' | 'rollout'; metrics: readonly AnalyticsMetric[] }> = [
  { id: 'reach', metrics: ['YOUNG_PEOPLE_REACHED'] },
  { id: 'activity', metrics: ['EVENTS_HELD', 'CLUB_MEETINGS', 'CLUB_ATTENDANCE', 'PROGRAM_SESSIONS', 'PROGRAM_ATTENDANCE'] },
  { id: 'supportGroups', metrics: ['SUPPORT_GROUP_MEETINGS', 'SUPPORT_GROUP_ATTENDANCE'] },
  { id: 'prevention', metrics: ['PREVENTION_RAIDS', 'PREVENTION_SESSIONS', 'PREVENTION_SCREENINGS', 'ONLINE_SHOPS_FOUND', 'ONLINE_SHOPS_BLOCKED'] },
  { id: 'reporting', metrics: ['REPORTS_EXPECTED', 'REPORTS_RECEIVED', 'REPORTS_ON_TIME'] },
  { id: 'rollout', metrics: ['ROLLOUT_PLANNED', 'ROLLOUT_DUE', 'ROLLOUT_LAUNCHED', 'ROLLOUT_COVERAGE_PERCENT'] },
];

/** The dimensions in the order the controls list them. */
export const DIMENSIONS: readonly AnalyticsDimension[] = ['CENTRE', 'CENTRE_KIND', 'PARENT_CENTRE', 'QUARTER', 'MONTH', 'YEAR', 'AGE_BAND', 'SEX', 'CLUB_TYPE', 'PROGRAM'];

/** Time dimensions: a chart puts them along its axis. */
export const TIME_DIMENSIONS: ReadonlySet<AnalyticsDimension> = new Set(['MONTH', 'QUARTER', 'YEAR']);

export type PresetId = 'reach-by-district-and-quarter' | 'reach-by-age-and-sex' | 'year-on-year-by-district' | 'reporting-by-district' | 'rollout-by-club-type' | 'support-groups-by-quarter';

export interface Preset {
  id: PresetId;
  metrics: AnalyticsMetric[];
  groupBy: AnalyticsDimension[];
  compare: boolean;
}

/** The common questions, one click each; the first is what the page shows when the address says nothing. */
export const PRESETS: readonly Preset[] = [
  { id: 'reach-by-district-and-quarter', metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE', 'QUARTER'], compare: false },
  { id: 'reach-by-age-and-sex', metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['AGE_BAND', 'SEX'], compare: false },
  { id: 'year-on-year-by-district', metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE'], compare: true },
  { id: 'reporting-by-district', metrics: ['REPORTS_EXPECTED', 'REPORTS_RECEIVED', 'REPORTS_ON_TIME'], groupBy: ['CENTRE'], compare: false },
  { id: 'rollout-by-club-type', metrics: ['ROLLOUT_PLANNED', 'ROLLOUT_DUE', 'ROLLOUT_LAUNCHED', 'ROLLOUT_COVERAGE_PERCENT'], groupBy: ['CLUB_TYPE'], compare: false },
  { id: 'support-groups-by-quarter', metrics: ['SUPPORT_GROUP_MEETINGS', 'SUPPORT_GROUP_ATTENDANCE'], groupBy: ['CENTRE', 'QUARTER'], compare: false },
];

const DEFAULT_PRESET = PRESETS[0]!;

function isMetric(value: string): value is AnalyticsMetric {
  return (ANALYTICS_METRIC_CODES as readonly string[]).includes(value);
}

function isDimension(value: string): value is AnalyticsDimension {
  return (ANALYTICS_DIMENSIONS as readonly string[]).includes(value);
}

function isCentreKind(value: string): value is CentreKind {
  return (CENTRE_KINDS as readonly string[]).includes(value);
}

/** A comma-separated list from the address: known values, each once, at most `max`. */
function readList<T extends string>(value: string | null, accept: (entry: string) => entry is T, max: number): T[] {
  const found: T[] = [];
  for (const entry of (value ?? '').split(',')) {
    const trimmed = entry.trim();
    if (accept(trimmed) && !found.includes(trimmed)) found.push(trimmed);
  }
  return found.slice(0, max);
}

function readMonth(value: string | null): string | null {
  return value !== null && MONTH.test(value) ? value : null;
}

export function readAnalyticsState(params: URLSearchParams): AnalyticsState {
  const metrics = readList(params.get('metrics'), isMetric, MAX_METRICS);
  // An address without metrics is the page's first question; one with metrics says its own groupBy.
  const fromPreset = metrics.length === 0;
  return {
    metrics: fromPreset ? [...DEFAULT_PRESET.metrics] : metrics,
    groupBy: fromPreset && !params.has('by') ? [...DEFAULT_PRESET.groupBy] : readList(params.get('by'), isDimension, MAX_DIMENSIONS),
    from: readMonth(params.get('from')),
    to: readMonth(params.get('to')),
    centreKinds: readList(params.get('kinds'), isCentreKind, CENTRE_KINDS.length),
    compare: fromPreset && !params.has('compare') ? DEFAULT_PRESET.compare : params.get('compare') === '1',
  };
}

/** The address of a state; every field is written, so the link means the same after a default changes. */
export function writeAnalyticsState(state: AnalyticsState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('metrics', state.metrics.join(','));
  params.set('by', state.groupBy.join(','));
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.centreKinds.length > 0) params.set('kinds', state.centreKinds.join(','));
  params.set('compare', state.compare ? '1' : '0');
  return params;
}

/** A preset applied to the current state: its question, over the months and centres already chosen. */
export function applyPreset(state: AnalyticsState, preset: Preset): AnalyticsState {
  return { ...state, metrics: [...preset.metrics], groupBy: [...preset.groupBy], compare: preset.compare };
}

/** The preset the state asks, if it is one. */
export function presetOf(state: AnalyticsState): Preset | undefined {
  const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  return PRESETS.find((preset) => same(preset.metrics, state.metrics) && same(preset.groupBy, state.groupBy) && preset.compare === state.compare);
}

/**
 * Whether every chosen metric breaks down by the dimension (domain rule, the API's too): the
 * controls offer only those, so a question that would be refused is not asked.
 */
export function dimensionFitsMetrics(dimension: AnalyticsDimension, metrics: readonly AnalyticsMetric[]): boolean {
  return metrics.every((metric) => metricDimensions(metric).includes(dimension));
}
