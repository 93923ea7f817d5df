import { allowedReportActions, type ReportAction } from '@mrc/domain';
import { Args, Context, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, authorize } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { Club } from '../clubs/dto/club.objects.js';
import { Connection } from '../common/pagination.js';
import { RecordIdArgs } from '../common/records.js';
import { ProgramRun } from '../programs/dto/program.objects.js';
import type { RequestContext } from '../graphql/request-context.js';
import { CompletenessService } from './completeness.service.js';
import { ReportCompleteness, ReportingSettings } from './dto/completeness.objects.js';
import {
  ApproveReportInput,
  CompletenessArgs,
  CreateReportInput,
  ReportsArgs,
  ReturnReportInput,
  SubmitReportInput,
  UpdateReportInput,
} from './dto/report.inputs.js';
import { ReportPeriodArgs } from './dto/report-period.args.js';
import { ActivityReport, ClubFigure, ProgramRunFigure, ReachFigure, ReportActionEnum, ReportWarning } from './dto/report.objects.js';
import { isPeopleCountField, WITHHELD_FOR_ANALYSTS, withholdsPeopleCounts } from './people-counts.js';
import { ReportsService } from './reports.service.js';

@ObjectType('ActivityReportConnection', { description: 'A page of activity reports.' })
class ActivityReportConnection extends Connection(ActivityReport, 'ActivityReport') {}

@ObjectType({ description: 'The report a mutation changed.' })
class ReportPayload {
  @Field(() => ActivityReport, { description: 'The report as it is now.' })
  report!: ActivityReport;
}

/** A repeated submission is answered from its first result; the response says so in this header. */
const REPLAYED_HEADER = 'Idempotent-Replayed';

@Resolver(() => ActivityReport)
export class ReportsResolver {
  constructor(private readonly reportsService: ReportsService) {}

  @Policy('read', 'Report')
  @Query(() => ReportingSettings, { description: 'How reporting is configured: the period type, the deadline day, and the period being reported now.' })
  reportingSettings(): ReportingSettings {
    return this.reportsService.settings();
  }

  @Policy('read', 'Report')
  @Query(() => ActivityReportConnection, {
    description: 'Activity reports of the configured period type, filtered and ordered. A coordinator lists only their own centre\'s. The review queue is `filter: { states: [SUBMITTED] }, orderBy: { field: SUBMITTED_AT, direction: ASC }`.',
  })
  reports(@CurrentActor() actor: Actor, @Args() args: ReportsArgs, @Context() context: RequestContext) {
    return this.reportsService.listReports(actor, args, context.language);
  }

  @Policy('read', 'Report')
  @Query(() => ActivityReport, { description: 'One report by id; NOT_FOUND when there is none, FORBIDDEN for another centre\'s coordinator.' })
  report(@CurrentActor() actor: Actor, @Args() { id }: RecordIdArgs) {
    return this.reportsService.getReport(actor, id);
  }

  @Policy('create', 'Report')
  @Mutation(() => ReportPayload, { description: 'Starts a draft report of a centre for a period (its coordinator, or an administrator). CONFLICT when one exists.' })
  async createReport(@CurrentActor() actor: Actor, @Args('input', { description: 'The centre, the period and the figures so far.' }) input: CreateReportInput): Promise<ReportPayload> {
    return { report: await this.reportsService.createReport(actor, input) };
  }

  @Policy('update', 'Report')
  @Mutation(() => ReportPayload, { description: 'Saves new figures of a draft or returned report. CONFLICT when `version` is stale or the report is under review.' })
  async updateReport(@CurrentActor() actor: Actor, @Args('input', { description: 'The report, its version and the figures.' }) input: UpdateReportInput): Promise<ReportPayload> {
    return { report: await this.reportsService.updateReport(actor, input) };
  }

  @Policy('update', 'Report')
  @Mutation(() => ReportPayload, {
    description: `Submits a centre's report for a period with complete figures (see SubmitReportInput). A retry with the same idempotency key gets the first answer (with the response header ${REPLAYED_HEADER}: true) and never a second report. Keys are kept for IDEMPOTENCY_KEY_DAYS (7 by default): a retry after that is taken as a new submission, which the report's version then refuses as a CONFLICT.`,
  })
  async submitReport(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The key, the centre, the period, the version of the draft and the figures.' }) input: SubmitReportInput,
    @Context() context: RequestContext,
  ): Promise<ReportPayload> {
    const { report, replayed } = await this.reportsService.submitReport(actor, input);
    if (replayed) context.res.setHeader(REPLAYED_HEADER, 'true');
    return { report };
  }

  @Policy('update', 'Report')
  @Mutation(() => ReportPayload, { description: 'Approves a submitted report, which locks it (administrators).' })
  async approveReport(@CurrentActor() actor: Actor, @Args('input', { description: 'The report and the version reviewed.' }) input: ApproveReportInput): Promise<ReportPayload> {
    return { report: await this.reportsService.approveReport(actor, input) };
  }

  @Policy('update', 'Report')
  @Mutation(() => ReportPayload, { description: 'Returns a submitted report to its centre with a comment saying what to fix (administrators).' })
  async returnReport(@CurrentActor() actor: Actor, @Args('input', { description: 'The report, its version and the comment.' }) input: ReturnReportInput): Promise<ReportPayload> {
    return { report: await this.reportsService.returnReport(actor, input) };
  }

  @Policy('update', 'Report')
  @Mutation(() => ReportPayload, { description: 'Unlocks an approved report and returns it to its centre with a comment (administrators; audited as REOPEN_REPORT).' })
  async reopenReport(@CurrentActor() actor: Actor, @Args('input', { description: 'The report, its version and why.' }) input: ReturnReportInput): Promise<ReportPayload> {
    return { report: await this.reportsService.reopenReport(actor, input) };
  }

  @ResolveField(() => Centre, { description: 'The centre reporting.' })
  centre(@Parent() report: ActivityReport, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(report.centreId);
  }

  @ResolveField(() => Int, { nullable: true, description: `Young people reached in the period, in total; equals the sum of \`reach\` once submitted. ${WITHHELD_FOR_ANALYSTS}` })
  reachedTotal(@Parent() report: ActivityReport, @Context() context: RequestContext): number | null {
    return withholdsPeopleCounts(context) ? null : report.reachedTotal;
  }

  @ResolveField(() => [ReportWarning], { description: 'Figures far above the centre\'s usual, for the reviewer. Analysts do not get the warnings about counts of people.' })
  warnings(@Parent() report: ActivityReport, @Context() context: RequestContext): ReportWarning[] {
    return withholdsPeopleCounts(context) ? report.warnings.filter((warning) => !isPeopleCountField(warning.field)) : report.warnings;
  }

  @ResolveField(() => [ReachFigure], { description: 'Young people reached, by age band (14–17, 18–24, 25–35) and sex: six entries once filled in, youngest band first.' })
  async reach(@Parent() report: ActivityReport, @Context() context: RequestContext): Promise<ReachFigure[]> {
    const lines = await context.loaders.reports.reachByReportId.load(report.id);
    return withholdsPeopleCounts(context) ? lines.map((line) => ({ ...line, count: null })) : lines;
  }

  @ResolveField(() => [ClubFigure], { description: 'A line per club of the centre that met in the period.' })
  async clubs(@Parent() report: ActivityReport, @Context() context: RequestContext): Promise<ClubFigure[]> {
    const lines = await context.loaders.reports.clubLinesByReportId.load(report.id);
    return withholdsPeopleCounts(context) ? lines.map((line) => ({ ...line, attendance: null })) : lines;
  }

  @ResolveField(() => [ProgramRunFigure], { description: 'A line per program run of the centre in the period. Analysts get no lines of support groups (anonymous programs).' })
  async programRuns(@Parent() report: ActivityReport, @Context() context: RequestContext): Promise<ProgramRunFigure[]> {
    const lines = await context.loaders.reports.programRunLinesByReportId.load(report.id);
    if (!withholdsPeopleCounts(context)) return lines;
    const runs = await Promise.all(lines.map((line) => context.loaders.programs.runById.load(line.programRunId)));
    const programs = await Promise.all(runs.map((run) => (run ? context.loaders.programs.byId.load(run.programId) : null)));
    return lines.filter((_, index) => programs[index] && !programs[index].anonymous).map((line) => ({ ...line, attendance: null }));
  }

  @ResolveField(() => [ReportActionEnum], { description: 'What the caller may do with the report now, by the workflow\'s rules (packages/domain).' })
  allowedActions(@Parent() report: ActivityReport, @CurrentActor() actor: Actor): ReportAction[] {
    return allowedReportActions(report, { id: actor.user.id, role: actor.user.role, centreId: actor.user.centreId });
  }
}

@Resolver(() => ClubFigure)
export class ClubFiguresResolver {
  @ResolveField(() => Club, { description: 'The club.' })
  club(@Parent() line: ClubFigure, @Context() context: RequestContext) {
    return context.loaders.clubs.byId.load(line.clubId);
  }
}

@Resolver(() => ProgramRunFigure)
export class ProgramRunFiguresResolver {
  @ResolveField(() => ProgramRun, { description: 'The program run.' })
  programRun(@Parent() line: ProgramRunFigure, @Context() context: RequestContext) {
    return context.loaders.programs.runById.load(line.programRunId);
  }
}

@Resolver(() => ReportCompleteness)
export class CompletenessResolver {
  constructor(private readonly completeness: CompletenessService) {}

  @Policy('read', 'Report')
  @Query(() => ReportCompleteness, {
    description:
      'Who has reported and who is late: a grid of centres × periods with rates per centre, per kind of centre and for the network. A coordinator gets their own centre\'s row.',
  })
  reportCompleteness(@CurrentActor() actor: Actor, @Args() args: CompletenessArgs, @Context() context: RequestContext) {
    return this.completeness.completeness(actor, args, context.language);
  }
}

/** A centre's report of a period, reached from the centre. */
@Resolver(() => Centre)
export class CentreReportsResolver {
  @ResolveField(() => ActivityReport, {
    nullable: true,
    description: 'The centre\'s report for a period (`YYYY-MM`); null when it has not started one. FORBIDDEN for another centre\'s coordinator.',
  })
  async report(@Parent() centre: Centre, @CurrentActor() actor: Actor, @Args() { period }: ReportPeriodArgs, @Context() context: RequestContext) {
    authorize(actor, 'read', 'Report', { centreId: centre.id });
    return context.loaders.reports.byCentreAndPeriod.load(`${centre.id}|${period}`);
  }
}

