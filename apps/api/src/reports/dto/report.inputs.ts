import { AGE_BANDS, HIGHLIGHTS_MAX_LENGTH, SEXES, RETURN_COMMENT_MAX_LENGTH, REPORT_STATES, type AgeBand, type ReportState, type Sex } from '@mrc/domain';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CentreScopeArgs, CentreScopeFilter } from '../../centres/centre-scope.js';
import { HasNoNul, IsIdempotencyKey, IsPeriod, Trim, IsFilterList } from '../../common/input-rules.js';
import { ConnectionArgs, OrderDirection } from '../../common/pagination.js';
import { AgeBandEnum, ReportStateEnum, SexEnum } from './report.objects.js';

/** No centre has more clubs or program runs than this in one period. */
const MAX_LINES = 200;

@InputType({ description: 'Young people reached in one age band and sex.' })
export class ReachFigureInput {
  @Field(() => AgeBandEnum, { description: 'The age band.' })
  @IsIn(AGE_BANDS.map((band) => band.code))
  ageBand!: AgeBand;

  @Field(() => SexEnum, { description: 'The sex.' })
  @IsIn(SEXES)
  sex!: Sex;

  @Field(() => Int, { nullable: true, description: 'How many; null leaves it empty (drafts only).' })
  @IsOptional()
  @IsInt()
  count!: number | null;
}

@InputType({ description: 'One club\'s meetings and attendance. Problems are reported at `clubs.<clubId>.meetings` / `.attendance`.' })
export class ClubFigureInput {
  @Field(() => ID, { description: 'A club of the report\'s centre.' })
  @IsUUID('all', { message: 'must be a club id' })
  clubId!: string;

  @Field(() => Int, { nullable: true, description: 'Meetings held.' })
  @IsOptional()
  @IsInt()
  meetings!: number | null;

  @Field(() => Int, { nullable: true, description: 'Attendance summed over the meetings; 0 when no meeting was held.' })
  @IsOptional()
  @IsInt()
  attendance!: number | null;
}

@InputType({ description: 'One program run\'s sessions and attendance. Problems are reported at `programRuns.<programRunId>.sessions` / `.attendance`.' })
export class ProgramRunFigureInput {
  @Field(() => ID, { description: 'A program run of the report\'s centre.' })
  @IsUUID('all', { message: 'must be a program run id' })
  programRunId!: string;

  @Field(() => Int, { nullable: true, description: 'Sessions held.' })
  @IsOptional()
  @IsInt()
  sessions!: number | null;

  @Field(() => Int, { nullable: true, description: 'Attendance summed over the sessions; 0 when no session was held.' })
  @IsOptional()
  @IsInt()
  attendance!: number | null;
}

@InputType({ description: 'The prevention office\'s figures. Problems are reported at `prevention.<figure>`.' })
export class PreventionFiguresInput {
  @Field(() => Int, { nullable: true, description: 'Raids held.' })
  @IsOptional()
  @IsInt()
  raids!: number | null;

  @Field(() => Int, { nullable: true, description: 'Prevention sessions held.' })
  @IsOptional()
  @IsInt()
  sessions!: number | null;

  @Field(() => Int, { nullable: true, description: 'Screenings carried out.' })
  @IsOptional()
  @IsInt()
  screenings!: number | null;

  @Field(() => Int, { nullable: true, description: 'Online shops found.' })
  @IsOptional()
  @IsInt()
  onlineShopsFound!: number | null;

  @Field(() => Int, { nullable: true, description: 'Online shops blocked; at most those found.' })
  @IsOptional()
  @IsInt()
  onlineShopsBlocked!: number | null;
}

/**
 * The figures of a report, sent whole with each save: what is left out or null is empty. A draft
 * may be incomplete; submitting needs every figure, a line for each club and program run of the
 * period, and the reach by age band and sex adding up to the total. Every figure is a whole number
 * from 0 to 1,000,000; each problem comes back at its own path in `extensions.fields`.
 */
@InputType({ isAbstract: true })
export abstract class ReportFiguresInput {
  @Field(() => Int, { nullable: true, description: 'Events held in the period.' })
  @IsOptional()
  @IsInt()
  eventsHeld?: number | null;

  @Field(() => Int, { nullable: true, description: 'Young people reached in total.' })
  @IsOptional()
  @IsInt()
  reachedTotal?: number | null;

  @Field(() => [ReachFigureInput], { nullable: true, description: 'Reached by age band and sex; problems at `reach.<AGE_BAND>.<SEX>`.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => ReachFigureInput)
  reach?: ReachFigureInput[] | null;

  @Field(() => [ClubFigureInput], { nullable: true, description: 'A line per club.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ClubFigureInput)
  clubs?: ClubFigureInput[] | null;

  @Field(() => [ProgramRunFigureInput], { nullable: true, description: 'A line per program run.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => ProgramRunFigureInput)
  programRuns?: ProgramRunFigureInput[] | null;

  @Field(() => PreventionFiguresInput, { nullable: true, description: 'The prevention office\'s figures.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreventionFiguresInput)
  prevention?: PreventionFiguresInput | null;

  @Field(() => String, { nullable: true, description: `Highlights of the period, at most ${HIGHLIGHTS_MAX_LENGTH} characters.` })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(HIGHLIGHTS_MAX_LENGTH)
  @HasNoNul()
  highlights?: string | null;
}

@InputType({ description: 'A new draft report of a centre for a period. CONFLICT when the centre already has one for the period.' })
export class CreateReportInput extends ReportFiguresInput {
  @Field(() => ID, { description: 'The centre reporting; a coordinator reports for their own centre.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field({ description: 'The period, `YYYY-MM` (for quarterly reporting, the quarter\'s first month): begun, and while the centre was open.' })
  @IsPeriod()
  period!: string;
}

@InputType({ description: 'New figures for a draft or returned report, replacing the old ones.' })
export class UpdateReportInput extends ReportFiguresInput {
  @Field(() => ID, { description: 'The report.' })
  @IsUUID('all', { message: 'must be a report id' })
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; CONFLICT (with the current version) when the report has changed since.' })
  @IsInt()
  version!: number;
}

@InputType({
  description:
    'Submits the report of a centre for a period with its final figures: creates it if there is no draft yet, otherwise updates the draft (or returned report) of `version`. Safe to retry: the same `idempotencyKey` returns the first answer; the same key with different figures is refused.',
})
export class SubmitReportInput extends ReportFiguresInput {
  @Field({ description: 'A key the client makes once per submission (a UUID) and sends again on every retry of it. Remembered for IDEMPOTENCY_KEY_DAYS (7 by default).' })
  @IsIdempotencyKey()
  idempotencyKey!: string;

  @Field(() => ID, { description: 'The centre reporting.' })
  @IsUUID('all', { message: 'must be a centre id' })
  centreId!: string;

  @Field({ description: 'The period, `YYYY-MM`; it must be over.' })
  @IsPeriod()
  period!: string;

  @Field(() => Int, { nullable: true, description: 'The version of the draft the figures are based on; omit when no draft exists. CONFLICT when it is stale.' })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

@InputType({ description: 'Approves a submitted report (administrators).' })
export class ApproveReportInput {
  @Field(() => ID, { description: 'The report.' })
  @IsUUID('all', { message: 'must be a report id' })
  id!: string;

  @Field(() => Int, { description: 'The version reviewed; CONFLICT when it changed meanwhile.' })
  @IsInt()
  version!: number;
}

@InputType({ description: 'Sends a report back to its centre with a comment (administrators): RETURN a submitted one, or REOPEN an approved one.' })
export class ReturnReportInput extends ApproveReportInput {
  @Field({ description: `What to fix, 1–${RETURN_COMMENT_MAX_LENGTH} characters.` })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(RETURN_COMMENT_MAX_LENGTH)
  @HasNoNul()
  comment!: string;
}

@InputType({ description: 'Which reports to list. Every field given must hold (AND). A coordinator sees only their own centre\'s.' })
export class ReportFilter extends CentreScopeFilter {
  @Field(() => [ReportStateEnum], { nullable: true, description: 'Only reports in these states.' })
  @IsOptional()
  @IsFilterList()
  @IsIn(REPORT_STATES, { each: true })
  states?: ReportState[];

  @Field({ nullable: true, description: 'Only periods from this one (`YYYY-MM`).' })
  @IsOptional()
  @IsPeriod()
  periodFrom?: string;

  @Field({ nullable: true, description: 'Only periods up to this one (`YYYY-MM`).' })
  @IsOptional()
  @IsPeriod()
  periodTo?: string;

  @Field({ nullable: true, description: 'Only reports with (true) or without (false) warnings of implausible figures.' })
  @IsOptional()
  @IsBoolean()
  hasWarnings?: boolean;
}

export enum ReportOrderField {
  PERIOD = 'PERIOD',
  SUBMITTED_AT = 'SUBMITTED_AT',
  CENTRE = 'CENTRE',
}
registerEnumType(ReportOrderField, {
  name: 'ReportOrderField',
  description: 'What reports can be ordered by.',
  valuesMap: {
    PERIOD: { description: 'By period, then centre name.' },
    SUBMITTED_AT: { description: 'By the latest submission (never submitted last), then period: the review queue\'s order.' },
    CENTRE: { description: 'By centre name, then period.' },
  },
});

@InputType({ description: 'How to order reports; ties are broken by id.' })
export class ReportOrder {
  @Field(() => ReportOrderField, { defaultValue: ReportOrderField.PERIOD, description: 'The key to order by.' })
  @IsIn(Object.values(ReportOrderField))
  field: ReportOrderField = ReportOrderField.PERIOD;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC, description: 'Ascending or descending; newest periods first by default.' })
  @IsIn(Object.values(OrderDirection))
  direction: OrderDirection = OrderDirection.DESC;
}

@ArgsType()
export class ReportsArgs extends ConnectionArgs {
  @Field(() => ReportFilter, { nullable: true, description: 'Which reports to list; all the caller may read when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFilter)
  filter?: ReportFilter;

  @Field(() => ReportOrder, { nullable: true, description: 'The order; newest period first when omitted.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportOrder)
  orderBy?: ReportOrder;
}

@ArgsType()
export class CompletenessArgs extends CentreScopeArgs {
  @Field({ nullable: true, description: 'The first period (`YYYY-MM`); by default eleven periods before `to`.' })
  @IsOptional()
  @IsPeriod()
  from?: string;

  @Field({ nullable: true, description: 'The last period (`YYYY-MM`); by default the latest period that has ended.' })
  @IsOptional()
  @IsPeriod()
  to?: string;
}

