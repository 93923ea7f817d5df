import {
  AGE_BANDS,
  type AgeBand,
  implausibleFigures,
  type PeriodType,
  periodDays,
  periodOf,
  previousPeriod,
  reportDeadline,
  type ReportFigures,
  reportFigureProblems,
  type ReportState,
  SEXES,
} from '@mrc/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CentreEntity } from '../../centres/centre.entity.js';
import { ClubEntity } from '../../clubs/club.entity.js';
import { today } from '../../common/dates.js';
import { ProgramRunEntity } from '../../programs/program-run.entity.js';
import { ProgramEntity } from '../../programs/program.entity.js';
import { ActivityReportEntity, ReportClubEntity, ReportProgramRunEntity, ReportReachEntity } from '../../reports/activity-report.entity.js';
import { figureColumns } from '../../reports/report.mapper.js';
import activityReports from './data/activity-reports.json' with { type: 'json' };

/** The shape of data/activity-reports.json. */
interface SeedReports {
  months: number;
  shares: { ageBands: Record<AgeBand, number>; female: number };
  perClubMeeting: { meetingsPerMonth: number; attendancePerMeeting: number };
  perProgramSession: { sessionsPerMonth: number; attendancePerSession: number };
  /** Support groups are small: their counts are what analytics must not show when small. */
  perSupportGroupMeeting: { sessionsPerMonth: number; attendancePerSession: number };
  returnComment: string;
  highlights: string[];
  centres: {
    centre: string;
    events: number;
    reach: number;
    prevention: { raids: number; sessions: number; screenings: number; onlineShopsFound: number };
    missing?: number[];
    late?: number[];
    returned?: number[];
    draft?: number[];
    spike?: { monthsAgo: number; figure: 'eventsHeld'; factor: number };
  }[];
}

const SEED_LOCK_KEY = 727_002;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Loads twelve months of plausible activity reports of the district centres (data/activity-reports.json)
 * into a database that has none, for the periods that ended before today. Figures are drawn around each
 * centre's usual level with a generator seeded by the centre and period, so every new database gets
 * the same story; each report is checked against the domain's rules before it is written.
 */
export async function seedReportsIfEmpty(dataSource: DataSource, reporting: { periodType: PeriodType; deadlineDay: number }): Promise<number> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await manager.getRepository(ActivityReportEntity).createQueryBuilder().select('1').limit(1).getRawOne()) return 0;
    const seed = activityReports as SeedReports;
    const centres = new Map((await manager.find(CentreEntity)).map((centre) => [centre.code, centre]));
    const clubs = await manager.find(ClubEntity);
    const runs = await manager.find(ProgramRunEntity);
    const supportGroups = new Set((await manager.find(ProgramEntity, { where: { anonymous: true } })).map((program) => program.id));
    const monthsPerPeriod = reporting.periodType === 'MONTHLY' ? 1 : 3;
    const latest = previousPeriod(periodOf(today(), reporting.periodType), reporting.periodType);
    const periods = [latest];
    while (periods.length < seed.months / monthsPerPeriod) periods.unshift(previousPeriod(periods[0]!, reporting.periodType));

    let written = 0;
    for (const profile of seed.centres) {
      const centre = centres.get(profile.centre);
      if (!centre) continue;
      const received: ReportFigures[] = [];
      for (const [index, period] of periods.entries()) {
        const monthsAgo = periods.length - 1 - index;
        if (profile.missing?.includes(monthsAgo)) continue;
        const { first, last } = periodDays(period, reporting.periodType);
        if (centre.openedOn && last < centre.openedOn) continue;
        const draw = generator(`${profile.centre}|${period}`);
        const around = (usual: number) => Math.max(0, Math.round(usual * monthsPerPeriod * (0.75 + 0.5 * draw())));
        const clubLines = clubs
          .filter((club) => club.centreId === centre.id && club.startedOn !== null && club.startedOn <= last && (club.closedOn === null || club.closedOn >= first))
          .map((club) => {
            const meetings = around(seed.perClubMeeting.meetingsPerMonth);
            return { clubId: club.id, meetings, attendance: meetings === 0 ? 0 : meetings * around(seed.perClubMeeting.attendancePerMeeting) };
          });
        const runLines = runs
          .filter((run) => run.centreId === centre.id && run.startsOn <= last && (run.endsOn === null || run.endsOn >= first) && (run.closedOn === null || run.closedOn >= first))
          .map((run) => {
            const usual = supportGroups.has(run.programId) ? seed.perSupportGroupMeeting : seed.perProgramSession;
            const sessions = around(usual.sessionsPerMonth);
            return { programRunId: run.id, sessions, attendance: sessions === 0 ? 0 : sessions * around(usual.attendancePerSession) };
          });
        const found = around(profile.prevention.onlineShopsFound);
        const figures: ReportFigures = {
          eventsHeld: around(profile.events),
          reachedTotal: 0,
          reach: splitReach(around(profile.reach), seed.shares),
          clubs: clubLines,
          programRuns: runLines,
          prevention: {
            raids: around(profile.prevention.raids),
            sessions: around(profile.prevention.sessions),
            screenings: around(profile.prevention.screenings),
            onlineShopsFound: found,
            onlineShopsBlocked: Math.round(found * 0.8),
          },
          highlights: seed.highlights[Math.floor(draw() * seed.highlights.length)] ?? null,
        };
        figures.reachedTotal = figures.reach.reduce((sum, line) => sum + (line.count ?? 0), 0);
        if (profile.spike?.monthsAgo === monthsAgo) figures[profile.spike.figure] = (figures[profile.spike.figure] ?? 1) * profile.spike.factor;
        const problems = reportFigureProblems(figures, { complete: true, expectedClubIds: clubLines.map((line) => line.clubId), expectedProgramRunIds: runLines.map((line) => line.programRunId) });
        if (Object.keys(problems).length > 0) throw new Error(`The seed report of ${profile.centre} for ${period} breaks the rules: ${JSON.stringify(problems)}`);

        const story = storyOf(profile, monthsAgo, reportDeadline(period, reporting.periodType, reporting.deadlineDay), draw);
        const report = await manager.save(
          manager.create(ActivityReportEntity, {
            centreId: centre.id,
            periodType: reporting.periodType,
            period,
            ...figureColumns(figures),
            ...story,
            warnings: story.state === 'DRAFT' ? [] : implausibleFigures(figures, received.slice(-12)),
            reviewComment: story.state === 'RETURNED' ? seed.returnComment : null,
          }),
        );
        if (story.state !== 'DRAFT') received.push(figures);
        await insertLines(manager, report.id, figures);
        written++;
      }
    }
    return written;
  });
}

/** Where a seeded report stands and when it moved, never later than now. */
function storyOf(profile: SeedReports['centres'][number], monthsAgo: number, deadline: string, draw: () => number) {
  const now = Date.now();
  const deadlineEnd = Date.parse(`${deadline}T18:00:00Z`); // 23:00 in Almaty
  const daysEarly = 1 + Math.floor(draw() * 3);
  const daysLate = 3 + Math.floor(draw() * 9);
  const submitted = profile.late?.includes(monthsAgo) ? deadlineEnd + daysLate * DAY : deadlineEnd - daysEarly * DAY - 6 * HOUR;
  const draft = { state: 'DRAFT' as ReportState, firstSubmittedAt: null, submittedAt: null, reviewedAt: null };
  // A report "submitted" in the future is still being written today.
  if (profile.draft?.includes(monthsAgo) || submitted > now) return draft;
  const submittedAt = new Date(submitted);
  const reviewed = submitted + (1 + Math.floor(draw() * 3)) * DAY;
  const reviewedAt = reviewed < now ? new Date(reviewed) : null;
  let state: ReportState = 'SUBMITTED';
  if (profile.returned?.includes(monthsAgo) && reviewedAt) state = 'RETURNED';
  else if (reviewedAt && (monthsAgo >= 2 || (monthsAgo === 1 && draw() < 0.7))) state = 'APPROVED';
  return { state, firstSubmittedAt: submittedAt, submittedAt, reviewedAt: state === 'SUBMITTED' ? null : reviewedAt };
}

/** The reach split by age band and sex by the shares; the rounding rest goes to the largest band. */
function splitReach(total: number, shares: SeedReports['shares']): ReportFigures['reach'] {
  const lines = AGE_BANDS.flatMap((band) =>
    SEXES.map((sex) => ({ ageBand: band.code, sex, count: Math.floor(total * shares.ageBands[band.code] * (sex === 'FEMALE' ? shares.female : 1 - shares.female)) })),
  );
  lines[2]!.count! += total - lines.reduce((sum, line) => sum + line.count!, 0);
  return lines;
}

async function insertLines(manager: EntityManager, reportId: string, figures: ReportFigures): Promise<void> {
  await manager.insert(ReportReachEntity, figures.reach.map((line) => ({ ...line, reportId })));
  if (figures.clubs.length > 0) await manager.insert(ReportClubEntity, figures.clubs.map((line) => ({ ...line, reportId })));
  if (figures.programRuns.length > 0) await manager.insert(ReportProgramRunEntity, figures.programRuns.map((line) => ({ ...line, reportId })));
}

/** A small deterministic generator (mulberry32) seeded from a text: the same centre and period draw the same figures. */
function generator(seedText: string): () => number {
  let state = 0;
  for (const char of seedText) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

