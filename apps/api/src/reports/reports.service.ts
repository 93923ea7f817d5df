import { createHash } from 'node:crypto';
import {
  actionNeedsComment,
  AGE_BANDS,
  implausibleFigures,
  isPeriod,
  type Language,
  nextReportState,
  periodDays,
  periodOf,
  periodProblem,
  previousPeriod,
  type ReportAction,
  type ReportFigures,
  reportFigureProblems,
  SEXES,
} from '@mrc/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { AuditService, changedFields, stableJson } from '../audit/audit.service.js';
import { type Actor, authorize } from '../auth/actor.js';
import { CentreEntity } from '../centres/centre.entity.js';
import { applyCentreScope } from '../centres/centre-scope.js';
import { ClubEntity } from '../clubs/club.entity.js';
import { today } from '../common/dates.js';
import { BadUserInputError, ConflictError, type FieldProblems, ForbiddenError, NotFoundError } from '../common/errors.js';
import { groupByKey } from '../common/grouping.js';
import { localisedNameSql } from '../common/localisation.js';
import { type ConnectionShape, keysetConnection, OrderDirection } from '../common/pagination.js';
import { problem } from '../common/problems.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { ProgramRunEntity } from '../programs/program-run.entity.js';
import {
  ActivityReportEntity,
  IdempotencyKeyEntity,
  ReportClubEntity,
  ReportProgramRunEntity,
  ReportReachEntity,
} from './activity-report.entity.js';
import type { ReportingSettings } from './dto/completeness.objects.js';
import {
  type ApproveReportInput,
  type CreateReportInput,
  type ReportFiguresInput,
  ReportOrderField,
  type ReportsArgs,
  type ReturnReportInput,
  type SubmitReportInput,
  type UpdateReportInput,
} from './dto/report.inputs.js';
import type { ActivityReport, ClubFigure, ProgramRunFigure, ReachFigure } from './dto/report.objects.js';
import { figureColumns, preventionOf, toFigures, toReport } from './report.mapper.js';
import { PEOPLE_COUNT_FIELD } from './people-counts.js';

/** What the warnings compare a report with: the centre's last year of received reports. */
const USUAL_WINDOW = 12;

/** The fields the audit trail follows; the lines are followed as whole lists. */
type AuditView = Record<string, unknown>;
const AUDITED_FIELDS = ['state', 'eventsHeld', 'reachedTotal', 'reach', 'clubs', 'programRuns', 'prevention', 'highlights', 'reviewComment'];

/**
 * Activity reports: written by a centre's coordinator, reviewed by the region. Every write runs in
 * one transaction with its audit entry; figures follow the domain's rules (report-figures.ts), the
 * workflow its transitions (reporting.ts); edits carry the version they were based on, and
 * submissions an idempotency key.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  settings(): ReportingSettings {
    const { periodType, deadlineDay } = this.config.reporting;
    const currentPeriod = periodOf(today(), periodType);
    const lastEndedPeriod = previousPeriod(currentPeriod, periodType);
    return { periodType, deadlineDay, currentPeriod, lastEndedPeriod };
  }

  private toReport = (entity: ActivityReportEntity): ActivityReport => toReport(entity, this.config.reporting.deadlineDay);

  async getReport(actor: Actor, id: string): Promise<ActivityReport> {
    const report = await this.dataSource.manager.findOneBy(ActivityReportEntity, { id });
    if (!report) throw new NotFoundError('ActivityReport', id);
    authorize(actor, 'read', 'Report', { centreId: report.centreId });
    return this.toReport(report);
  }

  listReports(actor: Actor, args: ReportsArgs, language: Language): Promise<ConnectionShape<ActivityReport>> {
    const query = this.dataSource.manager.createQueryBuilder(ActivityReportEntity, 'r').innerJoin(CentreEntity, 'c', 'c.id = r.centre_id');
    // A coordinator lists their own centre's reports, whatever the filter asks.
    if (actor.user.role === 'DISTRICT_COORDINATOR') query.andWhere('r.centre_id = :ownCentreId', { ownCentreId: actor.user.centreId });
    const filter = args.filter;
    applyCentreScope(query, 'r.centre_id', filter);
    query.andWhere('r.period_type = :periodType', { periodType: this.config.reporting.periodType });
    if (filter?.states?.length) query.andWhere('r.state IN (:...states)', { states: filter.states });
    if (filter?.periodFrom) query.andWhere('r.period >= :periodFrom', { periodFrom: filter.periodFrom });
    if (filter?.periodTo) query.andWhere('r.period <= :periodTo', { periodTo: filter.periodTo });
    if (filter?.hasWarnings !== undefined && filter.hasWarnings !== null) {
      // Analysts do not see the warnings about counts of people: those must not make a report match either.
      const counted = actor.user.role === 'ANALYST' ? `WHERE warning->>'path' !~ :peopleCountField` : '';
      query.andWhere(`EXISTS (SELECT 1 FROM jsonb_array_elements(r.warnings) AS warning ${counted}) = :hasWarnings`, { hasWarnings: filter.hasWarnings, peopleCountField: PEOPLE_COUNT_FIELD });
    }

    const field = args.orderBy?.field ?? ReportOrderField.PERIOD;
    const descending = (args.orderBy?.direction ?? OrderDirection.DESC) === OrderDirection.DESC;
    const centreName = localisedNameSql('c', language);
    const period = `r.period COLLATE "C"`;
    // Never submitted sorts as the far future: last in ascending order.
    const submittedAt = `coalesce(to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), 'infinity') COLLATE "C"`;
    const keys = { PERIOD: [period, centreName], SUBMITTED_AT: [submittedAt, period], CENTRE: [centreName, period] }[field];
    return keysetConnection(query, { keys, id: 'r.id', descending, ordering: `report:${field}:${descending ? 'DESC' : 'ASC'}:${language}` }, args, this.toReport);
  }

  /** For the DataLoaders: each centre's report of a period (keys `centreId|period`), if any. */
  async reportsOf(keys: readonly string[]): Promise<(ActivityReport | null)[]> {
    const pairs = keys.map((key) => key.split('|') as [string, string]);
    const found = await this.dataSource.manager
      .createQueryBuilder(ActivityReportEntity, 'r')
      .where('(r.centre_id, r.period) IN (SELECT * FROM unnest(:centreIds::uuid[], :periods::text[]))', {
        centreIds: pairs.map(([centreId]) => centreId),
        periods: pairs.map(([, period]) => period),
      })
      .andWhere('r.period_type = :periodType', { periodType: this.config.reporting.periodType })
      .getMany();
    const byKey = new Map(found.map((report) => [`${report.centreId}|${report.period}`, this.toReport(report)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  /** For the DataLoaders: the lines of each report. */
  async reachOf(reportIds: readonly string[]): Promise<ReachFigure[][]> {
    const rows = await this.dataSource.manager.findBy(ReportReachEntity, { reportId: In([...reportIds]) });
    const order = (row: ReportReachEntity) => bandIndex(row.ageBand) * SEXES.length + SEXES.indexOf(row.sex);
    rows.sort((a, b) => order(a) - order(b));
    return groupByKey(reportIds, rows, (row) => row.reportId, ({ ageBand, sex, count }) => ({ ageBand, sex, count }));
  }

  async clubLinesOf(reportIds: readonly string[]): Promise<ClubFigure[][]> {
    const rows = await this.dataSource.manager.find(ReportClubEntity, { where: { reportId: In([...reportIds]) }, order: { clubId: 'ASC' } });
    return groupByKey(reportIds, rows, (row) => row.reportId, ({ clubId, meetings, attendance }) => ({ clubId, meetings, attendance }));
  }

  async programRunLinesOf(reportIds: readonly string[]): Promise<ProgramRunFigure[][]> {
    const rows = await this.dataSource.manager.find(ReportProgramRunEntity, { where: { reportId: In([...reportIds]) }, order: { programRunId: 'ASC' } });
    return groupByKey(reportIds, rows, (row) => row.reportId, ({ programRunId, sessions, attendance }) => ({ programRunId, sessions, attendance }));
  }

  async createReport(actor: Actor, input: CreateReportInput): Promise<ActivityReport> {
    authorize(actor, 'create', 'Report', { centreId: input.centreId });
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.writeReport(manager, this.newReport(manager, actor, input), input, { complete: false, isNew: true });
      await this.recordAudit(manager, actor, 'CREATE_REPORT', saved, null);
      return this.toReport(saved);
    });
  }

  async updateReport(actor: Actor, input: UpdateReportInput): Promise<ActivityReport> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReport(manager, actor, input.id, input.version, 'EDIT');
      const before = await this.auditView(manager, report);
      const saved = await this.writeReport(manager, report, input, { complete: false, isNew: false });
      await this.recordAudit(manager, actor, 'UPDATE_REPORT', saved, before);
      return this.toReport(saved);
    });
  }

  /**
   * Submits with final figures, creating the report or updating its draft. The idempotency key is
   * claimed first, in the same transaction: a concurrent retry waits on it and then finds the
   * answer; if this attempt fails, the claim goes with it and a retry tries again.
   *
   * A key older than IDEMPOTENCY_KEY_DAYS counts as unused: the same statement claims it afresh,
   * under the row's lock, so of two retries racing on it one claims and the other waits and replays.
   * That lock is taken on a fresh key too, so replays of one key take turns rather than run together.
   * A retry that late acts as a new submission, which the report's version checks still guard.
   */
  async submitReport(actor: Actor, input: SubmitReportInput): Promise<{ report: ActivityReport; replayed: boolean }> {
    authorize(actor, 'update', 'Report', { centreId: input.centreId });
    const { idempotencyKey } = input;
    const requestHash = submissionHash(input);
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO idempotency_key AS claim (user_id, key, operation, request_hash, record_id)
         VALUES ($1, $2, 'submitReport', $3, gen_random_uuid())
         ON CONFLICT (user_id, key) DO UPDATE SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash,
           record_id = EXCLUDED.record_id, record_version = EXCLUDED.record_version, created_at = EXCLUDED.created_at
         WHERE claim.created_at < now() - make_interval(days => $4)
         RETURNING key`,
        [actor.user.id, idempotencyKey, requestHash, this.config.reporting.idempotencyKeyDays],
      );
      if (claimed.length === 0) {
        const first = await manager.findOneByOrFail(IdempotencyKeyEntity, { userId: actor.user.id, key: idempotencyKey });
        if (first.operation !== 'submitReport' || first.requestHash !== requestHash) {
          throw new BadUserInputError('This idempotency key was used for a different submission.', { idempotencyKey: problem('idempotencyKeyReused') });
        }
        const report = await manager.findOneByOrFail(ActivityReportEntity, { id: first.recordId });
        if (report.version !== first.recordVersion) {
          throw new ConflictError(`This submission was accepted before; the report has changed since (it is now ${report.state}, version ${report.version}).`, {
            reportId: report.id,
            currentVersion: report.version,
            state: report.state,
          });
        }
        return { report: this.toReport(report), replayed: true };
      }

      const existing = await manager.findOne(ActivityReportEntity, {
        where: { centreId: input.centreId, periodType: this.config.reporting.periodType, period: input.period },
        lock: { mode: 'pessimistic_write' },
      });
      let report: ActivityReportEntity;
      let before: AuditView | null = null;
      if (existing) {
        if (input.version === undefined || input.version === null) {
          throw new ConflictError('This centre already has a report for the period; submit on top of its current version.', {
            reportId: existing.id,
            currentVersion: existing.version,
          });
        }
        report = await this.lockReport(manager, actor, existing.id, input.version, 'SUBMIT');
        before = await this.auditView(manager, report);
      } else {
        report = this.newReport(manager, actor, input);
      }
      const now = new Date();
      report.state = 'SUBMITTED';
      report.submittedAt = now;
      report.firstSubmittedAt ??= now;
      report.submittedBy = actor.user.id;
      const saved = await this.writeReport(manager, report, input, { complete: true, isNew: !existing });
      await manager.update(IdempotencyKeyEntity, { userId: actor.user.id, key: idempotencyKey }, { recordId: saved.id, recordVersion: saved.version });
      await this.recordAudit(manager, actor, 'SUBMIT_REPORT', saved, before);
      return { report: this.toReport(saved), replayed: false };
    });
  }

  /** A draft of a centre for a period in the configured period type, not yet written. */
  private newReport(manager: EntityManager, actor: Actor, { centreId, period }: { centreId: string; period: string }): ActivityReportEntity {
    return manager.create(ActivityReportEntity, { centreId, period, periodType: this.config.reporting.periodType, state: 'DRAFT', warnings: [], createdBy: actor.user.id });
  }

  approveReport(actor: Actor, input: ApproveReportInput): Promise<ActivityReport> {
    return this.review(actor, input, 'APPROVE', null);
  }

  returnReport(actor: Actor, input: ReturnReportInput): Promise<ActivityReport> {
    return this.review(actor, input, 'RETURN', input.comment);
  }

  reopenReport(actor: Actor, input: ReturnReportInput): Promise<ActivityReport> {
    return this.review(actor, input, 'REOPEN', input.comment);
  }

  private review(actor: Actor, input: ApproveReportInput, action: 'APPROVE' | 'RETURN' | 'REOPEN', comment: string | null): Promise<ActivityReport> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockReport(manager, actor, input.id, input.version, action);
      const before = await this.auditView(manager, report);
      const state = nextReportState(report.state, action)!;
      const changes: Partial<ActivityReportEntity> = {
        state,
        reviewedAt: new Date(),
        reviewedBy: actor.user.id,
        reviewComment: actionNeedsComment(action) ? comment : null,
      };
      await manager.update(ActivityReportEntity, { id: report.id }, changes);
      const saved = await manager.findOneByOrFail(ActivityReportEntity, { id: report.id });
      await this.recordAudit(manager, actor, `${action}_REPORT`, saved, before);
      return this.toReport(saved);
    });
  }

  /**
   * Locks a report for a change and checks, in this order: the caller may touch this centre's
   * reports (FORBIDDEN), reviews are the region's (FORBIDDEN), the version is current (CONFLICT with
   * the current one), and the workflow allows the action from the report's state (CONFLICT).
   */
  private async lockReport(manager: EntityManager, actor: Actor, id: string, version: number, action: ReportAction): Promise<ActivityReportEntity> {
    const report = await manager.findOne(ActivityReportEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!report) throw new NotFoundError('ActivityReport', id);
    authorize(actor, 'update', 'Report', { centreId: report.centreId });
    if ((action === 'APPROVE' || action === 'RETURN' || action === 'REOPEN') && actor.user.role !== 'REGIONAL_ADMIN') {
      throw new ForbiddenError('Only the regional centre reviews reports.');
    }
    if (action === 'APPROVE' && report.submittedBy === actor.user.id) {
      throw new ForbiddenError('You submitted this report; another administrator approves it.');
    }
    if (report.version !== version) {
      throw new ConflictError(`The report has changed since version ${version}; it is now at version ${report.version}. Reload it and try again.`, {
        reportId: report.id,
        currentVersion: report.version,
        state: report.state,
      });
    }
    if (nextReportState(report.state, action) === null) {
      throw new ConflictError(`A report that is ${report.state} cannot be ${ACTION_WORDS[action]}.`, { reportId: report.id, currentVersion: report.version, state: report.state });
    }
    return report;
  }

  /**
   * Checks the period and the figures against the centre and the domain's rules, then writes the
   * report and replaces its lines. Nothing is written when anything is wrong.
   */
  private async writeReport(
    manager: EntityManager,
    report: ActivityReportEntity,
    input: ReportFiguresInput,
    { complete, isNew }: { complete: boolean; isNew: boolean },
  ): Promise<ActivityReportEntity> {
    const problems: FieldProblems = {};
    const centre = await manager.findOne(CentreEntity, { where: { id: report.centreId }, lock: { mode: 'pessimistic_read' } });
    if (!centre) {
      throw new BadUserInputError('There is no such centre.', { centreId: problem('noSuchRecord') });
    }
    if (!isPeriod(report.period, report.periodType)) {
      problems['period'] = problem('notQuarterStart');
    } else {
      const found = periodProblem(report.period, report.periodType, centre, today(), complete);
      if (found) problems['period'] = problem(found.code, found.params);
    }
    if (problems['period']) throw new BadUserInputError(`Check period.`, problems);

    const lines = await this.centreLines(manager, report);
    const figures = figuresFromInput(input);
    const found = reportFigureProblems(figures, { complete, ...lines });
    for (const [path, entry] of Object.entries(found)) problems[path] = problem(entry.code, entry.params);
    if (Object.keys(problems).length > 0) {
      throw new BadUserInputError(`Check ${Object.keys(problems).join(', ')}.`, problems);
    }

    Object.assign(report, figureColumns(figures));
    report.warnings = implausibleFigures(figures, await this.earlierFigures(manager, report));
    let saved: ActivityReportEntity;
    if (isNew) {
      saved = await insertOnce(manager, report);
    } else {
      const { id, createdAt: _c, updatedAt: _u, version: _v, ...columns } = report;
      await manager.update(ActivityReportEntity, { id }, columns);
      saved = await manager.findOneByOrFail(ActivityReportEntity, { id });
    }
    await manager.delete(ReportReachEntity, { reportId: saved.id });
    await manager.delete(ReportClubEntity, { reportId: saved.id });
    await manager.delete(ReportProgramRunEntity, { reportId: saved.id });
    if (figures.reach.length > 0) await manager.insert(ReportReachEntity, figures.reach.map((line) => ({ ...line, reportId: saved.id })));
    if (figures.clubs.length > 0) await manager.insert(ReportClubEntity, figures.clubs.map((line) => ({ ...line, reportId: saved.id })));
    if (figures.programRuns.length > 0) await manager.insert(ReportProgramRunEntity, figures.programRuns.map((line) => ({ ...line, reportId: saved.id })));
    return saved;
  }

  /** The centre's clubs and program runs: those open during the period must each have a line. */
  private async centreLines(manager: EntityManager, report: ActivityReportEntity) {
    const { first, last } = periodDays(report.period, report.periodType);
    const clubs = await manager.findBy(ClubEntity, { centreId: report.centreId });
    const runs = await manager.findBy(ProgramRunEntity, { centreId: report.centreId });
    const clubMet = (club: ClubEntity) => club.startedOn !== null && club.startedOn <= last && (club.closedOn === null || club.closedOn >= first);
    const runRan = (run: ProgramRunEntity) => run.startsOn <= last && (run.endsOn === null || run.endsOn >= first) && (run.closedOn === null || run.closedOn >= first);
    // Clubs and runs that had begun by the period's end may be reported (one closed just before it, for a late meeting); only those open during it must be.
    return {
      expectedClubIds: clubs.filter(clubMet).map((club) => club.id),
      centreClubIds: clubs.filter((club) => club.startedOn !== null && club.startedOn <= last).map((club) => club.id),
      expectedProgramRunIds: runs.filter(runRan).map((run) => run.id),
      centreProgramRunIds: runs.filter((run) => run.startsOn <= last).map((run) => run.id),
    };
  }

  /** The centre's last year of received reports before this period, for the warnings. */
  private async earlierFigures(manager: EntityManager, report: ActivityReportEntity): Promise<ReportFigures[]> {
    const earlier = await manager
      .createQueryBuilder(ActivityReportEntity, 'r')
      .where('r.centre_id = :centreId AND r.period_type = :periodType AND r.period < :period', report)
      .andWhere(`r.state IN ('SUBMITTED', 'APPROVED')`)
      .orderBy('r.period', 'DESC')
      .limit(USUAL_WINDOW)
      .getMany();
    if (earlier.length === 0) return [];
    const ids = earlier.map((past) => past.id);
    const clubs = groupByKey(ids, await manager.findBy(ReportClubEntity, { reportId: In(ids) }), (row) => row.reportId, (row) => row);
    const runs = groupByKey(ids, await manager.findBy(ReportProgramRunEntity, { reportId: In(ids) }), (row) => row.reportId, (row) => row);
    // The reach by band is not compared (its total is), so it is not loaded.
    return earlier.map((past, index) => toFigures(past, [], clubs[index]!, runs[index]!));
  }

  private async auditView(manager: EntityManager, report: ActivityReportEntity): Promise<AuditView> {
    const reach = await manager.findBy(ReportReachEntity, { reportId: report.id });
    const clubs = await manager.findBy(ReportClubEntity, { reportId: report.id });
    const runs = await manager.findBy(ReportProgramRunEntity, { reportId: report.id });
    return {
      state: report.state,
      eventsHeld: report.eventsHeld,
      reachedTotal: report.reachedTotal,
      reach: Object.fromEntries(reach.map((line) => [`${line.ageBand}.${line.sex}`, line.count])),
      clubs: Object.fromEntries(clubs.map((line) => [line.clubId, { meetings: line.meetings, attendance: line.attendance }])),
      programRuns: Object.fromEntries(runs.map((line) => [line.programRunId, { sessions: line.sessions, attendance: line.attendance }])),
      prevention: preventionOf(report),
      highlights: report.highlights,
      reviewComment: report.reviewComment,
    };
  }

  private async recordAudit(manager: EntityManager, actor: Actor, action: string, report: ActivityReportEntity, before: AuditView | null): Promise<void> {
    const after = await this.auditView(manager, report);
    await this.audit.record(manager, {
      actorId: actor.user.id,
      action,
      entityType: 'Report',
      entityId: report.id,
      centreId: report.centreId,
      changes: changedFields(before, after, AUDITED_FIELDS),
      requestId: actor.requestId,
    });
  }
}

const ACTION_WORDS: Record<ReportAction, string> = { EDIT: 'edited', SUBMIT: 'submitted', APPROVE: 'approved', RETURN: 'returned', REOPEN: 'reopened' };

function bandIndex(code: string): number {
  return AGE_BANDS.findIndex((band) => band.code === code);
}

/**
 * What a submission asks for, in one canonical form (lines in a fixed order, empty as null), so a
 * retry that spells the same figures differently is still the same submission.
 */
function submissionHash(input: SubmitReportInput): string {
  const figures = figuresFromInput(input);
  const canonical = {
    centreId: input.centreId.toLowerCase(),
    period: input.period,
    version: input.version ?? null,
    ...figures,
    reach: [...figures.reach].sort((a, b) => `${a.ageBand}.${a.sex}`.localeCompare(`${b.ageBand}.${b.sex}`)),
    clubs: [...figures.clubs].sort((a, b) => a.clubId.localeCompare(b.clubId)),
    programRuns: [...figures.programRuns].sort((a, b) => a.programRunId.localeCompare(b.programRunId)),
  };
  return createHash('sha256').update(stableJson(canonical)).digest('hex');
}

/** The input's figures, what is left out being empty; ids in lower case, as the database gives them back. */
function figuresFromInput(input: ReportFiguresInput): ReportFigures {
  const figure = (value: number | null | undefined) => (value === undefined ? null : value);
  return {
    eventsHeld: figure(input.eventsHeld),
    reachedTotal: figure(input.reachedTotal),
    reach: (input.reach ?? []).map((line) => ({ ageBand: line.ageBand, sex: line.sex, count: figure(line.count) })),
    clubs: (input.clubs ?? []).map((line) => ({ clubId: line.clubId.toLowerCase(), meetings: figure(line.meetings), attendance: figure(line.attendance) })),
    programRuns: (input.programRuns ?? []).map((line) => ({ programRunId: line.programRunId.toLowerCase(), sessions: figure(line.sessions), attendance: figure(line.attendance) })),
    prevention: {
      raids: figure(input.prevention?.raids),
      sessions: figure(input.prevention?.sessions),
      screenings: figure(input.prevention?.screenings),
      onlineShopsFound: figure(input.prevention?.onlineShopsFound),
      onlineShopsBlocked: figure(input.prevention?.onlineShopsBlocked),
    },
    highlights: input.highlights === undefined || input.highlights === '' ? null : input.highlights,
  };
}

/** Inserts a new report; a second report of the centre and period (a concurrent create) is a CONFLICT. */
async function insertOnce(manager: EntityManager, report: ActivityReportEntity): Promise<ActivityReportEntity> {
  try {
    // A savepoint, so the failed insert leaves the transaction usable for the lookup below.
    return await manager.transaction((inner) => inner.save(ActivityReportEntity, report));
  } catch (error) {
    if (!(error instanceof QueryFailedError) || (error.driverError as { code?: string }).code !== '23505') throw error;
    const existing = await manager.findOneBy(ActivityReportEntity, { centreId: report.centreId, periodType: report.periodType, period: report.period });
    throw new ConflictError('This centre already has a report for the period.', {
      fields: { period: problem('reportExists') },
      reportId: existing?.id,
      currentVersion: existing?.version,
    });
  }
}
