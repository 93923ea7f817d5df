import { AGE_BANDS, type AgeBand } from './reporting.js';

/**
 * The figures of one activity report and the rules they follow. The API refuses what these
 * functions find; the report form runs the same functions as the coordinator types, so every
 * problem shows at its field before anything is sent.
 *
 * A draft may be incomplete (null: not filled in yet); a submitted report must be complete.
 */
export const SEXES = ['FEMALE', 'MALE'] as const;
export type Sex = (typeof SEXES)[number];

/** No centre reports a million of anything in a month; a bigger figure is a typing slip. */
export const REPORT_FIGURE_MAX = 1_000_000;
export const HIGHLIGHTS_MAX_LENGTH = 4000;
export const RETURN_COMMENT_MAX_LENGTH = 2000;

export const PREVENTION_FIGURES = ['raids', 'sessions', 'screenings', 'onlineShopsFound', 'onlineShopsBlocked'] as const;
export type PreventionFigure = (typeof PREVENTION_FIGURES)[number];

export type Figure = number | null;

export interface ReachFigure {
  ageBand: AgeBand;
  sex: Sex;
  count: Figure;
}

export interface ClubFigure {
  clubId: string;
  meetings: Figure;
  attendance: Figure;
}

export interface ProgramRunFigure {
  programRunId: string;
  sessions: Figure;
  attendance: Figure;
}

export interface ReportFigures {
  eventsHeld: Figure;
  reachedTotal: Figure;
  /** Young people reached, by age band and sex: one entry per band and sex. */
  reach: ReachFigure[];
  clubs: ClubFigure[];
  programRuns: ProgramRunFigure[];
  /** The "Esbol qory" prevention office's figures. */
  prevention: Record<PreventionFigure, Figure>;
  highlights: string | null;
}

/** What can be wrong with a report's figures; the API and the dashboard word each code in three languages. */
export type ReportProblemCode =
  | 'figureNeeded'
  | 'wholeNonNegative'
  | 'figureTooLarge'
  | 'partsDoNotAddUp'
  | 'attendanceWithoutMeetings'
  | 'blockedMoreThanFound'
  | 'clubNotOfCentre'
  | 'programRunNotOfCentre'
  | 'clubMissing'
  | 'programRunMissing'
  | 'listedTwice'
  | 'tooLong';

export interface ReportProblem {
  code: ReportProblemCode;
  params?: Record<string, string | number>;
}

/** Problems by input path: `eventsHeld`, `reach.AGE_14_17.FEMALE`, `clubs.<clubId>.attendance`, `prevention.raids`. */
export type ReportProblems = Record<string, ReportProblem>;

export interface ReportRulesContext {
  /** Submitting needs every figure; a draft may leave some empty. */
  complete: boolean;
  /** The clubs and program runs of the centre that were open during the period: the report has a line for each. */
  expectedClubIds: readonly string[];
  expectedProgramRunIds: readonly string[];
  /** Any other club or run of the centre (closed before the period) may still be reported; others may not. */
  centreClubIds?: readonly string[];
  centreProgramRunIds?: readonly string[];
}

export function reachPath(ageBand: AgeBand, sex: Sex): string {
  return `reach.${ageBand}.${sex}`;
}

/** An empty report: every figure unfilled, a line for each club and program run expected. */
export function emptyReportFigures(clubIds: readonly string[], programRunIds: readonly string[]): ReportFigures {
  return {
    eventsHeld: null,
    reachedTotal: null,
    reach: AGE_BANDS.flatMap((band) => SEXES.map((sex) => ({ ageBand: band.code, sex, count: null }))),
    clubs: clubIds.map((clubId) => ({ clubId, meetings: null, attendance: null })),
    programRuns: programRunIds.map((programRunId) => ({ programRunId, sessions: null, attendance: null })),
    prevention: { raids: null, sessions: null, screenings: null, onlineShopsFound: null, onlineShopsBlocked: null },
    highlights: null,
  };
}

/** The sum of the parts of the reach, or null while a part is unfilled. */
export function reachSum(reach: readonly ReachFigure[]): number | null {
  let sum = 0;
  for (const entry of reach) {
    if (entry.count === null) return null;
    sum += entry.count;
  }
  return sum;
}

/** Everything wrong with the figures; an empty object when they may be saved (or submitted, with `complete`). */
export function reportFigureProblems(figures: ReportFigures, context: ReportRulesContext): ReportProblems {
  const problems: ReportProblems = {};
  const figure = (path: string, value: Figure) => {
    const found = figureProblem(value, context.complete);
    if (found) problems[path] = found;
    return found === null && value !== null;
  };

  figure('eventsHeld', figures.eventsHeld);
  const totalGiven = figure('reachedTotal', figures.reachedTotal);

  const seenReach = new Set<string>();
  for (const entry of figures.reach) {
    const path = reachPath(entry.ageBand, entry.sex);
    if (seenReach.has(path)) problems[path] = { code: 'listedTwice' };
    seenReach.add(path);
    figure(path, entry.count);
  }
  for (const band of AGE_BANDS) {
    for (const sex of SEXES) {
      const path = reachPath(band.code, sex);
      if (!seenReach.has(path) && context.complete) problems[path] = { code: 'figureNeeded' };
    }
  }
  const parts = reachSum(figures.reach);
  const reachComplete = seenReach.size === AGE_BANDS.length * SEXES.length;
  if (totalGiven && parts !== null && reachComplete && !Object.keys(problems).some((path) => path.startsWith('reach.')) && parts !== figures.reachedTotal) {
    problems['reachedTotal'] = { code: 'partsDoNotAddUp', params: { sum: parts, total: figures.reachedTotal! } };
  }

  lines(problems, 'clubs', figures.clubs, (line) => line.clubId, context.expectedClubIds, context.centreClubIds, 'clubNotOfCentre', 'clubMissing', context.complete, (line, path) => {
    const meetingsGiven = figure(`${path}.meetings`, line.meetings);
    figure(`${path}.attendance`, line.attendance);
    if (meetingsGiven && line.meetings === 0 && (line.attendance ?? 0) > 0) problems[`${path}.attendance`] = { code: 'attendanceWithoutMeetings' };
  });
  lines(problems, 'programRuns', figures.programRuns, (line) => line.programRunId, context.expectedProgramRunIds, context.centreProgramRunIds, 'programRunNotOfCentre', 'programRunMissing', context.complete, (line, path) => {
    const sessionsGiven = figure(`${path}.sessions`, line.sessions);
    figure(`${path}.attendance`, line.attendance);
    if (sessionsGiven && line.sessions === 0 && (line.attendance ?? 0) > 0) problems[`${path}.attendance`] = { code: 'attendanceWithoutMeetings' };
  });

  for (const name of PREVENTION_FIGURES) figure(`prevention.${name}`, figures.prevention[name]);
  const { onlineShopsFound: found, onlineShopsBlocked: blocked } = figures.prevention;
  if (found !== null && blocked !== null && !problems['prevention.onlineShopsBlocked'] && !problems['prevention.onlineShopsFound'] && blocked > found) {
    problems['prevention.onlineShopsBlocked'] = { code: 'blockedMoreThanFound', params: { found } };
  }

  if (figures.highlights !== null && figures.highlights.length > HIGHLIGHTS_MAX_LENGTH) problems['highlights'] = { code: 'tooLong', params: { max: HIGHLIGHTS_MAX_LENGTH } };
  return problems;
}

function figureProblem(value: Figure, complete: boolean): ReportProblem | null {
  if (value === null) return complete ? { code: 'figureNeeded' } : null;
  if (!Number.isInteger(value) || value < 0) return { code: 'wholeNonNegative' };
  if (value > REPORT_FIGURE_MAX) return { code: 'figureTooLarge', params: { max: REPORT_FIGURE_MAX } };
  return null;
}

/** The per-club (per-run) lines: each of the centre's, at most once, and one for each expected when complete. */
function lines<L>(
  problems: ReportProblems,
  list: 'clubs' | 'programRuns',
  entries: readonly L[],
  idOf: (line: L) => string,
  expected: readonly string[],
  known: readonly string[] | undefined,
  notOfCentre: ReportProblemCode,
  missing: ReportProblemCode,
  complete: boolean,
  check: (line: L, path: string) => void,
): void {
  const allowed = new Set([...expected, ...(known ?? [])]);
  const seen = new Set<string>();
  for (const line of entries) {
    const id = idOf(line);
    const path = `${list}.${id}`;
    if (!allowed.has(id)) problems[path] = { code: notOfCentre };
    else if (seen.has(id)) problems[path] = { code: 'listedTwice' };
    else check(line, path);
    seen.add(id);
  }
  if (complete) {
    for (const id of expected) if (!seen.has(id)) problems[`${list}.${id}`] = { code: missing };
  }
}

/** A figure far above the centre's usual: accepted, but the reviewer is told. */
export interface ReportWarning {
  /** The figure's input path, as in ReportProblems (`eventsHeld`, `clubs.<clubId>.attendance`). */
  path: string;
  value: number;
  /** The centre's usual value: the median of its previous reports. */
  usual: number;
}

/** How many times the usual a figure may be before it is flagged. */
export const IMPLAUSIBLE_FACTOR = 10;
/** A usual needs this many earlier reports. */
export const USUAL_MIN_REPORTS = 3;

/** The figures compared with a centre's usual, by input path: each club's and program run's attendance on its own. */
export function comparableFigures(figures: ReportFigures): Record<string, number | null> {
  return {
    eventsHeld: figures.eventsHeld,
    reachedTotal: figures.reachedTotal,
    ...Object.fromEntries(figures.clubs.map((line) => [`clubs.${line.clubId}.attendance`, line.attendance])),
    ...Object.fromEntries(figures.programRuns.map((line) => [`programRuns.${line.programRunId}.attendance`, line.attendance])),
    ...Object.fromEntries(PREVENTION_FIGURES.map((name) => [`prevention.${name}`, figures.prevention[name]])),
  };
}

/**
 * Figures at least IMPLAUSIBLE_FACTOR times the median of the same figure in the centre's earlier
 * reports, once there are USUAL_MIN_REPORTS of them with that figure. A usual of zero flags
 * nothing: a first raid or a new club's first month is news, not a typing slip.
 */
export function implausibleFigures(figures: ReportFigures, earlier: readonly ReportFigures[]): ReportWarning[] {
  if (earlier.length < USUAL_MIN_REPORTS) return [];
  const current = comparableFigures(figures);
  const history = earlier.map(comparableFigures);
  const warnings: ReportWarning[] = [];
  for (const [path, value] of Object.entries(current)) {
    if (value === null) continue;
    const usual = median(history.map((past) => past[path]).filter((past): past is number => past !== null && past !== undefined));
    if (usual === null || usual === 0) continue;
    if (value >= usual * IMPLAUSIBLE_FACTOR) warnings.push({ path, value, usual });
  }
  return warnings;
}

function median(values: number[]): number | null {
  if (values.length < USUAL_MIN_REPORTS) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
