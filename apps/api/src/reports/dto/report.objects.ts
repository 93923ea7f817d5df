import { AGE_BANDS, PERIOD_TYPES, REPORT_ACTIONS, REPORT_STATES, type AgeBand, type PeriodType, type ReportState, SEXES, type Sex } from '@mrc/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';
import { enumOf } from '../../graphql/enum-of.js';
import { WITHHELD_FOR_ANALYSTS } from '../people-counts.js';

export const ReportStateEnum = enumOf(REPORT_STATES);
registerEnumType(ReportStateEnum, {
  name: 'ReportState',
  description: 'Where a report stands: DRAFT → SUBMITTED → APPROVED, or RETURNED with a comment and submitted again.',
  valuesMap: {
    DRAFT: { description: 'Being written by the centre; the region does not count it as received.' },
    SUBMITTED: { description: 'Received by the region, waiting for review.' },
    APPROVED: { description: 'Accepted by the region; locked unless an administrator reopens it.' },
    RETURNED: { description: 'Sent back to the centre with a comment saying what to fix.' },
  },
});

export const ReportActionEnum = enumOf(REPORT_ACTIONS);
registerEnumType(ReportActionEnum, {
  name: 'ReportAction',
  description: 'What someone may do with a report.',
  valuesMap: {
    EDIT: { description: 'Change the figures (a draft or a returned report; the centre\'s coordinator or an administrator).' },
    SUBMIT: { description: 'Send it to the region.' },
    APPROVE: { description: 'Accept a submitted report (administrators).' },
    RETURN: { description: 'Send a submitted report back with a comment (administrators).' },
    REOPEN: { description: 'Unlock an approved report and send it back with a comment (administrators; audited).' },
  },
});

export const PeriodTypeEnum = enumOf(PERIOD_TYPES);
registerEnumType(PeriodTypeEnum, {
  name: 'PeriodType',
  description: 'How often centres report; set in the API\'s configuration (REPORT_PERIOD_TYPE).',
  valuesMap: { MONTHLY: { description: 'One report a month.' }, QUARTERLY: { description: 'One report a quarter, named by its first month.' } },
});

export const AgeBandEnum = enumOf(AGE_BANDS.map((band) => band.code));
registerEnumType(AgeBandEnum, {
  name: 'AgeBand',
  description: 'The age bands young people are counted in.',
  valuesMap: { AGE_14_17: { description: '14 to 17 years old.' }, AGE_18_24: { description: '18 to 24 years old.' }, AGE_25_35: { description: '25 to 35 years old.' } },
});

export const SexEnum = enumOf(SEXES);
registerEnumType(SexEnum, {
  name: 'Sex',
  description: 'Sex as counted in the region\'s statistics.',
  valuesMap: { FEMALE: { description: 'Young women.' }, MALE: { description: 'Young men.' } },
});

@ObjectType('ReachFigure', { description: 'Young people reached in one age band and sex.' })
export class ReachFigure {
  @Field(() => AgeBandEnum, { description: 'The age band.' })
  ageBand!: AgeBand;

  @Field(() => SexEnum, { description: 'The sex.' })
  sex!: Sex;

  @Field(() => Int, { nullable: true, description: `How many; null while a draft leaves it empty. ${WITHHELD_FOR_ANALYSTS}` })
  count!: number | null;
}

@ObjectType('ClubFigure', { description: 'One club\'s meetings and attendance in the period.' })
export class ClubFigure {
  @Field(() => Int, { nullable: true, description: 'Meetings held.' })
  meetings!: number | null;

  @Field(() => Int, { nullable: true, description: `Attendance summed over the meetings (one young person at four meetings counts four). ${WITHHELD_FOR_ANALYSTS}` })
  attendance!: number | null;

  /** Not a field: `club` resolves it. */
  clubId!: string;
}

@ObjectType('ProgramRunFigure', { description: 'One program run\'s sessions and attendance in the period. Counts only: no report names a participant.' })
export class ProgramRunFigure {
  @Field(() => Int, { nullable: true, description: 'Sessions held.' })
  sessions!: number | null;

  @Field(() => Int, { nullable: true, description: `Attendance summed over the sessions. ${WITHHELD_FOR_ANALYSTS}` })
  attendance!: number | null;

  /** Not a field: `programRun` resolves it. */
  programRunId!: string;
}

@ObjectType('PreventionFigures', { description: 'The "Esbol qory" prevention office\'s figures for the period.' })
export class PreventionFigures {
  @Field(() => Int, { nullable: true, description: 'Raids held with the police and the district akimat.' })
  raids!: number | null;

  @Field(() => Int, { nullable: true, description: 'Prevention sessions held in schools and colleges.' })
  sessions!: number | null;

  @Field(() => Int, { nullable: true, description: 'Screenings (tests) carried out.' })
  screenings!: number | null;

  @Field(() => Int, { nullable: true, description: 'Online shops selling drugs found.' })
  onlineShopsFound!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those found, the shops blocked; never more than found.' })
  onlineShopsBlocked!: number | null;
}

@ObjectType('ReportWarning', {
  description: 'A figure far above the centre\'s usual: at least ten times the median of the same figure in its last year of received reports (at least three of them; a usual of zero flags nothing). Accepted, but the reviewer should look.',
})
export class ReportWarning {
  @Field({ description: 'The figure, as an input path: `eventsHeld`, `reachedTotal`, `clubs.<clubId>.attendance`, `programRuns.<programRunId>.attendance`, `prevention.<figure>`.' })
  field!: string;

  @Field(() => Int, { description: 'The figure in this report.' })
  value!: number;

  @Field(() => Float, { description: 'The centre\'s usual: the median of its earlier submitted reports.' })
  usual!: number;
}

@ObjectType('ActivityReport', { description: 'One centre\'s activity in one reporting period, and where it stands in review.' })
export class ActivityReport {
  @Field(() => ID, { description: 'Opaque, stable identifier.' })
  id!: string;

  @Field({ description: 'The period, `YYYY-MM`: its first month.' })
  period!: string;

  @Field(() => PeriodTypeEnum, { description: 'Monthly or quarterly.' })
  periodType!: PeriodType;

  @Field(() => GraphQLDate, { description: 'The first day of the period.' })
  periodStart!: string;

  @Field(() => GraphQLDate, { description: 'The last day of the period.' })
  periodEnd!: string;

  @Field(() => GraphQLDate, { description: 'The day the report is due: the configured day (REPORT_DEADLINE_DAY, the 5th by default) of the month after the period.' })
  deadline!: string;

  @Field(() => ReportStateEnum, { description: 'Where the report stands.' })
  state!: ReportState;

  @Field(() => Int, { description: 'Grows with each change; send it back with an edit, which is refused with CONFLICT when the report changed meanwhile.' })
  version!: number;

  @Field(() => Int, { nullable: true, description: 'Events the centre held in the period.' })
  eventsHeld!: number | null;

  /** Not fields here: `reachedTotal` and `warnings` depend on the caller, `reach`, `clubs` and `programRuns` resolve through DataLoaders (reports.resolver.ts). */
  reachedTotal!: number | null;

  @Field(() => PreventionFigures, { description: 'The prevention office\'s figures.' })
  prevention!: PreventionFigures;

  @Field(() => String, { nullable: true, description: 'A short narrative of the period\'s highlights, in the language the centre wrote it.' })
  highlights!: string | null;

  warnings!: ReportWarning[];

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the region first received the report; null for a draft never submitted. Timeliness counts from here.' })
  firstSubmittedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'The latest submission.' })
  submittedAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Received by the deadline: first submitted no later than `deadline` (Asia/Almaty). Null until submitted.' })
  onTime!: boolean | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'The latest approval, return or reopening.' })
  reviewedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'What the region asked to fix when it returned or reopened the report; null once approved.' })
  reviewComment!: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the report was started.' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'The latest change.' })
  updatedAt!: Date;

  /** Not fields: `centre` resolves the first; the second decides who may approve (see allowedReportActions). */
  centreId!: string;
  submittedById!: string | null;
}
