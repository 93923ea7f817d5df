import {
  AGE_BANDS,
  periodDays,
  PREVENTION_FIGURES,
  reachPath,
  reportFigureProblems,
  SEXES,
  type AgeBand,
  type Figure,
  type PeriodType,
  type PreventionFigure,
  type ReportFigures,
  type ReportProblems,
  type Sex,
} from '@mrc/domain';
import type { TFunction } from 'i18next';
import type { FieldProblems } from '../../app/ui/field-problems';
import type { CreateReportInput, ReportFieldsFragment, ReportPageQuery } from '../../gql/graphql';

export type ReportCentre = NonNullable<ReportPageQuery['centre']>;

/** A club or program run the report has a line for. */
export interface ReportLine {
  id: string;
  name: string;
  /** Open during the period: submitting needs its figures. */
  expected: boolean;
  /** A support group: counts only, never names. */
  anonymous?: boolean;
}

export interface ReportLines {
  clubs: ReportLine[];
  programRuns: ReportLine[];
  /** Every club and run of the centre: a line for one that closed before the period may still be kept. */
  centreClubIds: string[];
  centreProgramRunIds: string[];
}

/**
 * The clubs that met in the period (started by its last day and not closed before its first) and the
 * program runs that ran in it, the same rule the API holds the lines to; plus any other line the
 * report already has, so that nothing saved disappears from the form.
 */
export function reportLines(centre: ReportCentre, period: string, periodType: PeriodType, report: ReportFieldsFragment | null): ReportLines {
  const { first, last } = periodDays(period, periodType);
  const clubMet = (club: ReportCentre['clubs'][number]) =>
    club.startedOn !== null && club.startedOn !== undefined && club.startedOn <= last && (!club.closedOn || club.closedOn >= first);
  const runRan = (run: ReportCentre['programRuns'][number]) =>
    run.startsOn <= last && (!run.endsOn || run.endsOn >= first) && (!run.closedOn || run.closedOn >= first);
  const reportedClubs = new Set(report?.clubs.map((line) => line.club.id));
  const reportedRuns = new Set(report?.programRuns.map((line) => line.programRun.id));
  return {
    clubs: centre.clubs
      .filter((club) => clubMet(club) || reportedClubs.has(club.id))
      .map((club) => ({ id: club.id, name: club.name, expected: clubMet(club) })),
    programRuns: centre.programRuns
      .filter((run) => runRan(run) || reportedRuns.has(run.id))
      .map((run) => ({ id: run.id, name: run.program.name, expected: runRan(run), anonymous: run.program.anonymous })),
    centreClubIds: centre.clubs.map((club) => club.id),
    centreProgramRunIds: centre.programRuns.map((run) => run.id),
  };
}

/** `AGE_14_17.FEMALE`: one cell of the reach grid. */
export type ReachKey = `${AgeBand}.${Sex}`;

/** The form as typed: every figure a text ('' while empty), so that a slip is shown rather than lost. */
export interface ReportValues {
  eventsHeld: string;
  reachedTotal: string;
  reach: Record<ReachKey, string>;
  clubs: Record<string, { meetings: string; attendance: string }>;
  programRuns: Record<string, { sessions: string; attendance: string }>;
  prevention: Record<PreventionFigure, string>;
  highlights: string;
}

export const REACH_KEYS: readonly ReachKey[] = AGE_BANDS.flatMap((band) => SEXES.map((sex): ReachKey => `${band.code}.${sex}`));

const text = (figure: Figure | undefined) => (figure === null || figure === undefined ? '' : String(figure));

/** The values a form starts from: the report's figures, or all empty, with a line for each of `lines`. */
export function reportValues(report: ReportFieldsFragment | null, lines: ReportLines): ReportValues {
  const reach = Object.fromEntries(REACH_KEYS.map((key) => [key, ''])) as Record<ReachKey, string>;
  for (const entry of report?.reach ?? []) reach[`${entry.ageBand}.${entry.sex}`] = text(entry.count);
  const clubLines = new Map(report?.clubs.map((line) => [line.club.id, line]));
  const runLines = new Map(report?.programRuns.map((line) => [line.programRun.id, line]));
  return {
    eventsHeld: text(report?.eventsHeld),
    reachedTotal: text(report?.reachedTotal),
    reach,
    clubs: Object.fromEntries(
      lines.clubs.map((club) => [club.id, { meetings: text(clubLines.get(club.id)?.meetings), attendance: text(clubLines.get(club.id)?.attendance) }]),
    ),
    programRuns: Object.fromEntries(
      lines.programRuns.map((run) => [run.id, { sessions: text(runLines.get(run.id)?.sessions), attendance: text(runLines.get(run.id)?.attendance) }]),
    ),
    prevention: Object.fromEntries(PREVENTION_FIGURES.map((name) => [name, text(report?.prevention[name])])) as Record<PreventionFigure, string>,
    highlights: report?.highlights ?? '',
  };
}

/**
 * A typed figure: null when empty, else the number it says. Spaces are allowed as thousands
 * separators ("1 200"). Anything else that is not a number is NaN, which the rules call not a whole
 * number, so a slip such as "12o" is marked at its field.
 */
export function parseFigure(value: string): Figure {
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  return /^[+-]?\d+([.,]\d+)?$/.test(compact) ? Number(compact.replace(',', '.')) : Number.NaN;
}

export function reportFigures(values: ReportValues): ReportFigures {
  return {
    eventsHeld: parseFigure(values.eventsHeld),
    reachedTotal: parseFigure(values.reachedTotal),
    reach: REACH_KEYS.map((key) => {
      const [ageBand, sex] = key.split('.') as [AgeBand, Sex];
      return { ageBand, sex, count: parseFigure(values.reach[key]) };
    }),
    clubs: Object.entries(values.clubs).map(([clubId, line]) => ({ clubId, meetings: parseFigure(line.meetings), attendance: parseFigure(line.attendance) })),
    programRuns: Object.entries(values.programRuns).map(([programRunId, line]) => ({
      programRunId,
      sessions: parseFigure(line.sessions),
      attendance: parseFigure(line.attendance),
    })),
    prevention: Object.fromEntries(PREVENTION_FIGURES.map((name) => [name, parseFigure(values.prevention[name])])) as Record<PreventionFigure, Figure>,
    highlights: values.highlights.trim() === '' ? null : values.highlights,
  };
}

/** The domain's rules over the figures: a draft's (`complete: false`) or a submission's. */
export function figureProblems(figures: ReportFigures, lines: ReportLines, complete: boolean): ReportProblems {
  return reportFigureProblems(figures, {
    complete,
    expectedClubIds: lines.clubs.filter((line) => line.expected).map((line) => line.id),
    expectedProgramRunIds: lines.programRuns.filter((line) => line.expected).map((line) => line.id),
    centreClubIds: lines.centreClubIds,
    centreProgramRunIds: lines.centreProgramRunIds,
  });
}

/**
 * What a draft can be saved with: the figures, less those with a problem (a typing slip, a total that
 * does not match its parts yet). The API would refuse the whole draft for one of them; this way the
 * rest of the coordinator's work is kept while the marked fields wait to be corrected.
 */
export function savableFigures(figures: ReportFigures, problems: ReportProblems): { figures: ReportFigures; withheld: number } {
  const paths = Object.keys(problems);
  if (paths.length === 0) return { figures, withheld: 0 };
  const drop = (path: string, value: Figure) => (problems[path] ? null : value);
  return {
    withheld: paths.length,
    figures: {
      eventsHeld: drop('eventsHeld', figures.eventsHeld),
      reachedTotal: drop('reachedTotal', figures.reachedTotal),
      reach: figures.reach.map((entry) => ({ ...entry, count: drop(reachPath(entry.ageBand, entry.sex), entry.count) })),
      clubs: figures.clubs.map((line) => ({
        ...line,
        meetings: drop(`clubs.${line.clubId}.meetings`, line.meetings),
        attendance: drop(`clubs.${line.clubId}.attendance`, line.attendance),
      })),
      programRuns: figures.programRuns.map((line) => ({
        ...line,
        sessions: drop(`programRuns.${line.programRunId}.sessions`, line.sessions),
        attendance: drop(`programRuns.${line.programRunId}.attendance`, line.attendance),
      })),
      prevention: Object.fromEntries(PREVENTION_FIGURES.map((name) => [name, drop(`prevention.${name}`, figures.prevention[name])])) as Record<PreventionFigure, Figure>,
      highlights: problems['highlights'] ? null : figures.highlights,
    },
  };
}

export type ReportFiguresInput = Omit<CreateReportInput, 'centreId' | 'period'>;

/** The figures as every report mutation takes them; each save replaces all of them. */
export function reportFiguresInput(figures: ReportFigures): ReportFiguresInput {
  return {
    eventsHeld: figures.eventsHeld,
    reachedTotal: figures.reachedTotal,
    reach: figures.reach.map(({ ageBand, sex, count }) => ({ ageBand, sex, count })),
    clubs: figures.clubs.map(({ clubId, meetings, attendance }) => ({ clubId, meetings, attendance })),
    programRuns: figures.programRuns.map(({ programRunId, sessions, attendance }) => ({ programRunId, sessions, attendance })),
    prevention: { ...figures.prevention },
    highlights: figures.highlights,
  };
}

/** The sum of the reach cells typed so far (empty and mistyped cells count as nothing), and whether all six are in. */
export function reachPartsSoFar(figures: ReportFigures): { sum: number; complete: boolean } {
  let sum = 0;
  let complete = true;
  for (const entry of figures.reach) {
    if (entry.count === null || !Number.isInteger(entry.count) || entry.count < 0) complete = false;
    else sum += entry.count;
  }
  return { sum, complete };
}

/** The domain's problems in the person's language, by the same paths as the API's `extensions.fields`. */
export function problemMessages(problems: ReportProblems, t: TFunction): FieldProblems {
  const messages: FieldProblems = {};
  for (const [path, problem] of Object.entries(problems)) {
    messages[path] = t(`reports.problem.${problem.code}`, { ...problem.params });
  }
  return messages;
}

/** The paths the form has a field for; any other problem the API names goes to the summary. */
export function isFormPath(path: string): boolean {
  return /^(eventsHeld|reachedTotal|highlights|reach\.|clubs\.|programRuns\.|prevention\.)/.test(path);
}

/**
 * The values with one field changed, the field named by its input path (`eventsHeld`,
 * `reach.AGE_14_17.FEMALE`, `clubs.<clubId>.meetings`, `prevention.raids`, `highlights`).
 */
export function withValue(values: ReportValues, path: string, value: string): ReportValues {
  const [head, ...rest] = path.split('.');
  switch (head) {
    case 'eventsHeld':
    case 'reachedTotal':
    case 'highlights':
      return { ...values, [head]: value };
    case 'reach':
      return { ...values, reach: { ...values.reach, [rest.join('.')]: value } };
    case 'prevention':
      return { ...values, prevention: { ...values.prevention, [rest[0]!]: value } };
    case 'clubs': {
      const [id, field] = rest as [string, 'meetings' | 'attendance'];
      const line = values.clubs[id] ?? { meetings: '', attendance: '' };
      return { ...values, clubs: { ...values.clubs, [id]: { ...line, [field]: value } } };
    }
    case 'programRuns': {
      const [id, field] = rest as [string, 'sessions' | 'attendance'];
      const line = values.programRuns[id] ?? { sessions: '', attendance: '' };
      return { ...values, programRuns: { ...values.programRuns, [id]: { ...line, [field]: value } } };
    }
    default:
      return values;
  }
}
