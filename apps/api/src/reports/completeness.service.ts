import { type CentreKind, expectedPeriods, isPeriod, type Language, nextPeriod, type Period, type PeriodType, previousPeriod, reportDeadline, submittedOnTime } from '@mrc/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { toCentre } from '../centres/centre.mapper.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { dayIn, today } from '../common/dates.js';
import { BadUserInputError } from '../common/errors.js';
import { localisedNameSql } from '../common/localisation.js';
import { problem } from '../common/problems.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { ActivityReportEntity } from './activity-report.entity.js';
import type { CentreReportRow, KindCompleteness, PeriodCompleteness, ReportCell, ReportCompleteness } from './dto/completeness.objects.js';
import type { CompletenessArgs } from './dto/report.inputs.js';
import { ReportsService } from './reports.service.js';

/** The longest range one grid covers: ten years of months. */
const MAX_PERIODS = 120;
const DEFAULT_PERIODS = 12;

/** The centre kinds that report; the regional centre reviews instead. */
const REPORTING_KINDS: readonly CentreKind[] = ['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'];

type CellRow = Pick<ActivityReportEntity, 'id' | 'centreId' | 'period' | 'state' | 'firstSubmittedAt'>;

/**
 * Completeness (reports received of those expected) and timeliness (received by the deadline), per
 * centre, per kind of centre and for the network. A centre is expected to report a period it was
 * open for at least one day; a report counts as received from its first submission, and on time
 * when that was no later than the deadline day. Nobody has to mark anything complete.
 */
@Injectable()
export class CompletenessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async completeness(actor: Actor, args: CompletenessArgs, language: Language): Promise<ReportCompleteness> {
    const { periodType, deadlineDay } = this.config.reporting;
    const periods = this.periodRange(args, periodType);

    const centreQuery = this.dataSource.manager.createQueryBuilder(CentreEntity, 'c');
    // A coordinator sees their own centre's row only.
    if (actor.user.role === 'DISTRICT_COORDINATOR') centreQuery.andWhere('c.id = :ownCentreId', { ownCentreId: actor.user.centreId });
    applyCentreScope(centreQuery, 'c.id', args);
    const centres = await centreQuery.orderBy(`c.kind = 'REGIONAL'`, 'DESC').addOrderBy(localisedNameSql('c', language), 'ASC').addOrderBy('c.id').getMany();

    const reports: CellRow[] =
      centres.length === 0
        ? []
        : await this.dataSource.manager
            .createQueryBuilder(ActivityReportEntity, 'r')
            .select(['r.id', 'r.centreId', 'r.period', 'r.state', 'r.firstSubmittedAt'])
            .where('r.period_type = :periodType AND r.period BETWEEN :from AND :to', { periodType, from: periods[0], to: periods.at(-1) })
            .andWhere('r.centre_id IN (:...centreIds)', { centreIds: centres.map((centre) => centre.id) })
            .getMany();
    const reportOf = new Map(reports.map((report) => [`${report.centreId}|${report.period}`, report]));

    const day = today();
    const rows: (CentreReportRow & { kind: CentreKind })[] = centres.map((centre) => {
      const expected = new Set(REPORTING_KINDS.includes(centre.kind) ? expectedPeriods(centre, periods[0]!, periods.at(-1)!, periodType) : []);
      const cells = periods.map((period) => cellOf(period, expected.has(period), reportOf.get(`${centre.id}|${period}`), periodType, deadlineDay, day));
      return { centre: toCentre(centre), kind: centre.kind, cells, total: rates(`${periods[0]}..${periods.at(-1)}`, cells) };
    });

    const column = (subset: typeof rows) => periods.map((period, index) => rates(period, subset.map((row) => row.cells[index]!)));
    const byKind: KindCompleteness[] = REPORTING_KINDS.filter((kind) => rows.some((row) => row.kind === kind)).map((kind) => ({
      kind,
      periods: column(rows.filter((row) => row.kind === kind)),
    }));
    return {
      periodType,
      deadlineDay,
      periods,
      rows: rows.map(({ kind: _kind, ...row }) => row),
      byKind,
      network: column(rows),
    };
  }

  private periodRange(args: CompletenessArgs, periodType: PeriodType): Period[] {
    const to = args.to ?? this.reports.settings().lastEndedPeriod;
    let from: Period = to;
    if (args.from) from = args.from;
    else for (let back = 1; back < DEFAULT_PERIODS; back++) from = previousPeriod(from, periodType);
    const problems: Record<string, ReturnType<typeof problem>> = {};
    if (!isPeriod(from, periodType)) problems['from'] = problem('notQuarterStart');
    if (!isPeriod(to, periodType)) problems['to'] = problem('notQuarterStart');
    if (Object.keys(problems).length > 0) throw new BadUserInputError('Check from, to.', problems);
    const periods: Period[] = [];
    for (let period = from; period <= to; period = nextPeriod(period, periodType)) {
      periods.push(period);
      if (periods.length > MAX_PERIODS) {
        throw new BadUserInputError(`Ask for at most ${MAX_PERIODS} periods at a time.`, { from: problem('tooManyPeriods', { max: MAX_PERIODS }) });
      }
    }
    if (periods.length === 0) throw new BadUserInputError('`from` must not be after `to`.', { from: problem('fromAfterTo') });
    return periods;
  }
}

function cellOf(period: Period, expected: boolean, report: CellRow | undefined, type: PeriodType, deadlineDay: number, day: string): ReportCell & { expected: boolean } {
  const deadline = reportDeadline(period, type, deadlineDay);
  const base = { period, deadline, expected, state: report?.state ?? null, reportId: report?.id ?? null };
  if (report?.firstSubmittedAt) {
    const late = !submittedOnTime(dayIn(report.firstSubmittedAt), period, type, deadlineDay);
    // A received report shows its review state (a returned one was still received, on time or not).
    const status = report.state === 'DRAFT' ? 'SUBMITTED' : report.state;
    return { ...base, status, late };
  }
  if (!expected) return { ...base, status: 'NOT_EXPECTED', late: false };
  return day > deadline ? { ...base, status: 'OVERDUE', late: true } : { ...base, status: 'NOT_DUE', late: false };
}

/** The rates of a set of cells (one period across centres, or one centre across periods). */
function rates(period: string, cells: readonly (ReportCell & { expected?: boolean })[]): PeriodCompleteness {
  const counted = cells.filter((cell) => cell.expected);
  const received = counted.filter((cell) => cell.status === 'SUBMITTED' || cell.status === 'RETURNED' || cell.status === 'APPROVED');
  const onTime = received.filter((cell) => !cell.late).length;
  const expected = counted.length;
  return {
    period,
    expected,
    received: received.length,
    onTime,
    late: received.length - onTime,
    overdue: counted.filter((cell) => cell.status === 'OVERDUE').length,
    completeness: expected === 0 ? null : received.length / expected,
    timeliness: expected === 0 ? null : onTime / expected,
  };
}
