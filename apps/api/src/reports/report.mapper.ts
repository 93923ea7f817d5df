import { periodDays, reportDeadline, type ReportFigures, submittedOnTime } from '@mrc/domain';
import { dayIn } from '../common/dates.js';
import type { ActivityReportEntity, ReportClubEntity, ReportProgramRunEntity, ReportReachEntity } from './activity-report.entity.js';
import type { ActivityReport, PreventionFigures } from './dto/report.objects.js';

export function toReport(entity: ActivityReportEntity, deadlineDay: number): ActivityReport {
  const { first, last } = periodDays(entity.period, entity.periodType);
  return {
    id: entity.id,
    centreId: entity.centreId,
    period: entity.period,
    periodType: entity.periodType,
    periodStart: first,
    periodEnd: last,
    deadline: reportDeadline(entity.period, entity.periodType, deadlineDay),
    state: entity.state,
    version: entity.version,
    eventsHeld: entity.eventsHeld,
    reachedTotal: entity.reachedTotal,
    prevention: preventionOf(entity),
    highlights: entity.highlights,
    warnings: entity.warnings.map((warning) => ({ field: warning.path, value: warning.value, usual: warning.usual })),
    firstSubmittedAt: entity.firstSubmittedAt,
    submittedAt: entity.submittedAt,
    onTime: entity.firstSubmittedAt ? submittedOnTime(dayIn(entity.firstSubmittedAt), entity.period, entity.periodType, deadlineDay) : null,
    reviewedAt: entity.reviewedAt,
    reviewComment: entity.reviewComment,
    submittedById: entity.submittedBy,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

export function preventionOf(entity: ActivityReportEntity): PreventionFigures {
  return {
    raids: entity.preventionRaids,
    sessions: entity.preventionSessions,
    screenings: entity.preventionScreenings,
    onlineShopsFound: entity.onlineShopsFound,
    onlineShopsBlocked: entity.onlineShopsBlocked,
  };
}

/** A stored report with its lines, as the domain's rules see it. */
export function toFigures(
  entity: ActivityReportEntity,
  reach: readonly ReportReachEntity[],
  clubs: readonly ReportClubEntity[],
  programRuns: readonly ReportProgramRunEntity[],
): ReportFigures {
  return {
    eventsHeld: entity.eventsHeld,
    reachedTotal: entity.reachedTotal,
    reach: reach.map(({ ageBand, sex, count }) => ({ ageBand, sex, count })),
    clubs: clubs.map(({ clubId, meetings, attendance }) => ({ clubId, meetings, attendance })),
    programRuns: programRuns.map(({ programRunId, sessions, attendance }) => ({ programRunId, sessions, attendance })),
    prevention: preventionOf(entity),
    highlights: entity.highlights,
  };
}

/** The report's columns from its figures. */
export function figureColumns(figures: ReportFigures): Partial<ActivityReportEntity> {
  return {
    eventsHeld: figures.eventsHeld,
    reachedTotal: figures.reachedTotal,
    preventionRaids: figures.prevention.raids,
    preventionSessions: figures.prevention.sessions,
    preventionScreenings: figures.prevention.screenings,
    onlineShopsFound: figures.prevention.onlineShopsFound,
    onlineShopsBlocked: figures.prevention.onlineShopsBlocked,
    highlights: figures.highlights,
  };
}
