import { ANALYTICS_DIMENSIONS, ANALYTICS_METRIC_CODES, type AgeBand, type AnalyticsDimension, type AnalyticsMetric, type CentreKind, type Sex } from '@mrc/domain';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Centre, CentreKindEnum } from '../../centres/dto/centre.object.js';
import { ClubType } from '../../clubs/dto/club.objects.js';
import { Program } from '../../programs/dto/program.objects.js';
import { enumOf } from '../../graphql/enum-of.js';
import { AgeBandEnum, SexEnum } from '../../reports/dto/report.objects.js';

/** How many rows a table counts as against the query-cost budget. */
export const AGGREGATE_ROWS_FOR_COST = 1000;

const FROM_REPORTS = 'Summed over the reports received and not sent back (SUBMITTED or APPROVED), by the month their period starts.';
const PEOPLE = 'Counts people: a cell from 1 to the suppression threshold − 1 is withheld.';

export const AnalyticsMetricEnum = enumOf(ANALYTICS_METRIC_CODES);
registerEnumType(AnalyticsMetricEnum, {
  name: 'AnalyticsMetric',
  description: 'A figure the network can be measured by. Each says what it counts; some break down by more dimensions than others (see AnalyticsDimension).',
  valuesMap: {
    YOUNG_PEOPLE_REACHED: {
      description: `Young people aged 14–35 who took part in at least one of the centre's activities in the period, as the centre reported them by age band and sex. A person is counted once per centre and period, so sums over several periods or centres count contacts, not distinct people. ${FROM_REPORTS} ${PEOPLE} Breaks down by AGE_BAND and SEX.`,
    },
    EVENTS_HELD: { description: `Events the centre held in the period. ${FROM_REPORTS}` },
    CLUB_MEETINGS: { description: `Meetings of the centre's clubs. ${FROM_REPORTS} Breaks down by CLUB_TYPE.` },
    CLUB_ATTENDANCE: { description: `Attendance at club meetings: the people at each meeting, added up over the meetings (visits, not distinct people). ${FROM_REPORTS} ${PEOPLE} Breaks down by CLUB_TYPE.` },
    PROGRAM_SESSIONS: { description: `Sessions of program runs, support groups excluded (see SUPPORT_GROUP_MEETINGS). ${FROM_REPORTS} Breaks down by PROGRAM.` },
    PROGRAM_ATTENDANCE: { description: `Attendance at program sessions (visits), support groups excluded. ${FROM_REPORTS} ${PEOPLE} Breaks down by PROGRAM.` },
    SUPPORT_GROUP_MEETINGS: { description: `Meetings of anonymous support groups (programs with \`anonymous: true\`). Kept apart from the program metrics so no subtraction reveals them. ${FROM_REPORTS} Withheld from 1 to the threshold − 1, like the counts of people. Breaks down by PROGRAM.` },
    SUPPORT_GROUP_ATTENDANCE: { description: `Attendance at support-group meetings (visits). Members are never named; small counts are withheld. ${FROM_REPORTS} ${PEOPLE} Breaks down by PROGRAM.` },
    PREVENTION_RAIDS: { description: `Raids of the prevention office ("Esbol qory"). ${FROM_REPORTS}` },
    PREVENTION_SESSIONS: { description: `Prevention sessions with young people. ${FROM_REPORTS}` },
    PREVENTION_SCREENINGS: { description: `Film screenings of the prevention office. ${FROM_REPORTS}` },
    ONLINE_SHOPS_FOUND: { description: `Online drug shops found. ${FROM_REPORTS}` },
    ONLINE_SHOPS_BLOCKED: { description: `Online drug shops blocked. ${FROM_REPORTS}` },
    REPORTS_EXPECTED: {
      description:
        'Reports owed: one per district centre (not the regional centre, which reviews) and period it was open for at least one day, for periods that have ended. Periods follow the reporting setting (monthly or quarterly).',
    },
    REPORTS_RECEIVED: { description: 'Of the reports expected, those submitted at least once (SUBMITTED, RETURNED or APPROVED).' },
    REPORTS_ON_TIME: { description: 'Of the reports received, those first submitted no later than the deadline day (reportingSettings.deadlineDay of the month after the period, in the region\'s time zone).' },
    ROLLOUT_PLANNED: { description: 'Rollout items (one club type at one district) on the plan, cancelled ones excluded, by their status today. By time: the same plan at every period up to today (no row for periods that have not begun). Breaks down by CLUB_TYPE.' },
    ROLLOUT_DUE: { description: 'Of the planned items, those whose planned launch day is on or before the end of the period (or of the range, or today if sooner). Breaks down by CLUB_TYPE.' },
    ROLLOUT_LAUNCHED: { description: 'Items launched (LAUNCHED or ACTIVE today, every gate met) with a launch day on or before the end of the period (or of the range, or today if sooner). Counted by status today: an item paused or cancelled since is not counted in earlier periods either. Breaks down by CLUB_TYPE.' },
    ROLLOUT_COVERAGE_PERCENT: { description: 'ROLLOUT_LAUNCHED as a percentage of ROLLOUT_PLANNED, to one decimal; null when nothing is planned. A share, so it does not add up across cells. Breaks down by CLUB_TYPE.' },
  } satisfies Record<AnalyticsMetric, { description: string }>,
});

export const AnalyticsDimensionEnum = enumOf(ANALYTICS_DIMENSIONS);
registerEnumType(AnalyticsDimensionEnum, {
  name: 'AnalyticsDimension',
  description: 'What figures can be broken down by. Every metric has the centre and time dimensions; the others belong to some metrics only (asking for one a metric lacks is BAD_USER_INPUT).',
  valuesMap: {
    CENTRE: { description: 'The centre the figure belongs to (`row.centre`).' },
    CENTRE_KIND: { description: 'The kind of that centre: city, city district, rural district, regional (`row.centreKind`).' },
    PARENT_CENTRE: { description: 'The centre above it: for Karaganda\'s districts the regional centre; null for the top of the tree (`row.parentCentre`).' },
    MONTH: { description: 'The month the report\'s period starts (`row.month`, `YYYY-MM`). Quarterly reports fall in their first month. Rollout metrics: as at the end of the month (see each metric).' },
    QUARTER: { description: 'The quarter (`row.quarter`, `YYYY-Qn`).' },
    YEAR: { description: 'The year (`row.year`).' },
    AGE_BAND: { description: 'The age band (`row.ageBand`); YOUNG_PEOPLE_REACHED only.' },
    SEX: { description: 'The sex (`row.sex`); YOUNG_PEOPLE_REACHED only.' },
    CLUB_TYPE: { description: 'The club type (`row.clubType`); club and rollout metrics only.' },
    PROGRAM: { description: 'The program (`row.program`); program and support-group metrics only.' },
  } satisfies Record<AnalyticsDimension, { description: string }>,
});

@ObjectType('AnalyticsValue', { description: 'One metric\'s figure in a row (or in the totals), with the same figure a year before when asked.' })
export class AnalyticsValue {
  @Field(() => AnalyticsMetricEnum, { description: 'Which metric.' })
  metric!: AnalyticsMetric;

  @Field(() => Float, { nullable: true, description: 'The figure; null when withheld (see `suppressed`) or, for a percentage, when there is nothing to divide by. Counts are whole numbers.' })
  value!: number | null;

  @Field({
    description:
      'True when the figure is withheld: it counts people (or comes from a support group) and is from 1 to the threshold − 1, or publishing it would let a withheld one be worked out from a total. Which of the two is not said, as that too would narrow the figure.',
  })
  suppressed!: boolean;

  @Field(() => Float, { nullable: true, description: 'The same figure for the same cell twelve months earlier (with `compareWithYearBefore`); null when not asked, withheld or absent.' })
  yearBefore!: number | null;

  @Field({ description: 'True when the year-before figure is withheld.' })
  yearBeforeSuppressed!: boolean;

  @Field(() => Float, { nullable: true, description: 'Change from the year before in percent, to one decimal; null when either figure is missing, withheld or the year before is 0.' })
  changePercent!: number | null;
}

/**
 * The records of a row come with it, loaded once for the whole table: a table has thousands of rows,
 * and a resolver call per row and record would cost more than the figures themselves.
 */
@ObjectType('AnalyticsRow', { description: 'One combination of the `groupBy` dimensions and its figures. Dimensions not grouped by are null.' })
export class AnalyticsRow {
  @Field(() => Centre, { nullable: true, description: 'With CENTRE: the centre.' })
  centre!: Centre | null;

  @Field(() => Centre, { nullable: true, description: 'With PARENT_CENTRE: the centre above (null for the top of the network).' })
  parentCentre!: Centre | null;

  @Field(() => ClubType, { nullable: true, description: 'With CLUB_TYPE: the club type.' })
  clubType!: ClubType | null;

  @Field(() => Program, { nullable: true, description: 'With PROGRAM: the program.' })
  program!: Program | null;

  @Field(() => CentreKindEnum, { nullable: true, description: 'With CENTRE_KIND.' })
  centreKind!: CentreKind | null;

  @Field(() => String, { nullable: true, description: 'With MONTH: `YYYY-MM`.' })
  month!: string | null;

  @Field(() => String, { nullable: true, description: 'With QUARTER: `YYYY-Qn`.' })
  quarter!: string | null;

  @Field(() => Int, { nullable: true, description: 'With YEAR.' })
  year!: number | null;

  @Field(() => AgeBandEnum, { nullable: true, description: 'With AGE_BAND.' })
  ageBand!: AgeBand | null;

  @Field(() => SexEnum, { nullable: true, description: 'With SEX.' })
  sex!: Sex | null;

  @Field(() => [AnalyticsValue], { description: 'One value per metric asked for, in the order asked.' })
  values!: AnalyticsValue[];
}

@ObjectType('AnalyticsTable', {
  description:
    'An aggregate: figures of the asked metrics by the asked dimensions, from the read model that PostgreSQL keeps in step with the reports at every commit (no nightly job). Small numbers are withheld the same way here and in exports.',
})
export class AnalyticsTable {
  @Field(() => [AnalyticsMetricEnum], { description: 'The metrics, in the order of every row\'s `values`.' })
  metrics!: AnalyticsMetric[];

  @Field(() => [AnalyticsDimensionEnum], { description: 'The dimensions of the rows.' })
  groupBy!: AnalyticsDimension[];

  @Field({ description: 'The first month covered, `YYYY-MM`.' })
  from!: string;

  @Field({ description: 'The last month covered, `YYYY-MM`.' })
  to!: string;

  @Field(() => [AnalyticsRow], {
    // For the query-cost budget a table counts as AGGREGATE_ROWS_FOR_COST rows: tables vary, a budget must not.
    complexity: ({ childComplexity }) => 1 + AGGREGATE_ROWS_FOR_COST * childComplexity,
    description: 'The rows, ordered by the dimensions in `groupBy` order (names in the caller\'s language, times in order). Combinations with no figure are left out.',
  })
  rows!: AnalyticsRow[];

  @Field(() => Int, { description: 'How many rows.' })
  rowCount!: number;

  @Field(() => [AnalyticsValue], { description: 'The whole table\'s figure per metric (for rollout metrics by time: the state at the end of the range), withheld when it would reveal a hidden cell.' })
  totals!: AnalyticsValue[];

  @Field(() => Int, { description: 'The smallest count of people published: 1 to threshold − 1 are withheld (setting ANALYTICS_SUPPRESSION_THRESHOLD).' })
  suppressionThreshold!: number;

  @Field(() => Int, { description: 'How many values (totals included) are withheld.' })
  suppressedCount!: number;

  @Field(() => GraphQLDateTime, { description: 'When the figures were read (the database\'s clock at the start of the read). Every report received before this moment is in them.' })
  computedAt!: Date;

  @Field(() => GraphQLDateTime, { description: 'When a received report last changed the read model (a submission, a return or reopening, a deletion, a support group\'s status): the age of the newest figure.' })
  dataChangedAt!: Date;
}
