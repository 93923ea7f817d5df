import { type CentreKind, type PeriodType, type ReportState } from '@mrc/domain';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { Centre, CentreKindEnum } from '../../centres/dto/centre.object.js';
import { enumOf } from '../../graphql/enum-of.js';
import { PeriodTypeEnum, ReportStateEnum } from './report.objects.js';

export const REPORT_CELL_STATUSES = ['NOT_EXPECTED', 'NOT_DUE', 'OVERDUE', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type ReportCellStatus = (typeof REPORT_CELL_STATUSES)[number];
export const ReportCellStatusEnum = enumOf(REPORT_CELL_STATUSES);
registerEnumType(ReportCellStatusEnum, {
  name: 'ReportCellStatus',
  description: 'A centre\'s report for one period, as the completeness grid shows it.',
  valuesMap: {
    NOT_EXPECTED: { description: 'The centre was not open during the period (or is the regional centre, which reviews rather than reports).' },
    NOT_DUE: { description: 'Expected, not received yet, and the deadline has not passed (a draft may exist).' },
    OVERDUE: { description: 'Expected, not received, and the deadline has passed.' },
    SUBMITTED: { description: 'Received, waiting for review.' },
    RETURNED: { description: 'Received, and sent back to the centre to fix.' },
    APPROVED: { description: 'Received and approved.' },
  },
});

@ObjectType('ReportCell', { description: 'One centre\'s report for one period.' })
export class ReportCell {
  @Field({ description: 'The period, `YYYY-MM`.' })
  period!: string;

  @Field({ description: 'Whether the centre owes a report for the period: it was open at least one day of it, and is not the regional centre.' })
  expected!: boolean;

  @Field(() => ReportCellStatusEnum, { description: 'Expected or not, received or not, and where it stands.' })
  status!: ReportCellStatus;

  @Field(() => ReportStateEnum, { nullable: true, description: 'The report\'s own state; null when the centre has not started one.' })
  state!: ReportState | null;

  @Field({ description: 'Received after the deadline (or not received and the deadline passed).' })
  late!: boolean;

  @Field(() => GraphQLDate, { description: 'The day the report is due.' })
  deadline!: string;

  @Field(() => String, { nullable: true, description: 'The report\'s id, to open it; null when there is none.' })
  reportId!: string | null;
}

@ObjectType('PeriodCompleteness', {
  description:
    'Reporting rates for one period. `expected`: centres open at least one day of the period (not the regional centre). `received`: of those, reports submitted at least once (SUBMITTED, RETURNED or APPROVED). `onTime`: received no later than the deadline day. Rates are null when nothing is expected.',
})
export class PeriodCompleteness {
  @Field({ description: 'The period, `YYYY-MM`.' })
  period!: string;

  @Field(() => Int, { description: 'Reports expected.' })
  expected!: number;

  @Field(() => Int, { description: 'Reports received.' })
  received!: number;

  @Field(() => Int, { description: 'Reports received by the deadline.' })
  onTime!: number;

  @Field(() => Int, { description: 'Reports received after the deadline.' })
  late!: number;

  @Field(() => Int, { description: 'Reports expected, not received, deadline passed.' })
  overdue!: number;

  @Field(() => Float, { nullable: true, description: 'received / expected, from 0 to 1.' })
  completeness!: number | null;

  @Field(() => Float, { nullable: true, description: 'onTime / expected, from 0 to 1.' })
  timeliness!: number | null;
}

@ObjectType('CentreReportRow', { description: 'One centre\'s row of the completeness grid.' })
export class CentreReportRow {
  @Field(() => [ReportCell], { description: 'A cell per period, oldest first.' })
  cells!: ReportCell[];

  @Field(() => PeriodCompleteness, { description: 'The centre\'s rates over all the periods (`period` is the range, `from..to`).' })
  total!: PeriodCompleteness;

  // Read with the grid's own statement: no loader, no second statement.
  @Field(() => Centre, { description: 'The centre of the row.' })
  centre!: Centre;
}

@ObjectType('KindCompleteness', { description: 'Reporting rates of the centres of one kind.' })
export class KindCompleteness {
  @Field(() => CentreKindEnum, { description: 'The kind of centre.' })
  kind!: CentreKind;

  @Field(() => [PeriodCompleteness], { description: 'Per period, oldest first.' })
  periods!: PeriodCompleteness[];
}

@ObjectType('ReportCompleteness', {
  description: 'Who has reported and who is late, per centre, per kind of centre and for the network, period by period. Expectations follow each centre\'s opened and closed days; timeliness comes from the first submission, with no extra step.',
})
export class ReportCompleteness {
  @Field(() => PeriodTypeEnum, { description: 'The period type in force.' })
  periodType!: PeriodType;

  @Field(() => Int, { description: 'Reports are due on this day of the month after the period.' })
  deadlineDay!: number;

  @Field(() => [String], { description: 'The periods covered, oldest first.' })
  periods!: string[];

  @Field(() => [CentreReportRow], { description: 'A row per centre in scope, in network order (the regional centre\'s subtree by name).' })
  rows!: CentreReportRow[];

  @Field(() => [KindCompleteness], { description: 'Per kind of centre (city, city district, rural district).' })
  byKind!: KindCompleteness[];

  @Field(() => [PeriodCompleteness], { description: 'The whole scope, per period: the network\'s completeness over time.' })
  network!: PeriodCompleteness[];
}

@ObjectType('ReportingSettings', { description: 'How reporting is configured.' })
export class ReportingSettings {
  @Field(() => PeriodTypeEnum, { description: 'Monthly or quarterly (REPORT_PERIOD_TYPE).' })
  periodType!: PeriodType;

  @Field(() => Int, { description: 'The day of the month after the period that reports are due (REPORT_DEADLINE_DAY).' })
  deadlineDay!: number;

  @Field({ description: 'The period today falls in.' })
  currentPeriod!: string;

  @Field({ description: 'The latest period that has ended: the one being reported now.' })
  lastEndedPeriod!: string;
}
