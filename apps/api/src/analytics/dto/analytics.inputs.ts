import type { AgeBand, AnalyticsDimension, AnalyticsMetric, CentreKind, Sex } from '@mrc/domain';
import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CentreKindEnum } from '../../centres/dto/centre.object.js';
import { IsFilterList, IsPeriod } from '../../common/input-rules.js';
import { AgeBandEnum, SexEnum } from '../../reports/dto/report.objects.js';
import { AnalyticsDimensionEnum, AnalyticsMetricEnum } from './analytics.objects.js';

@InputType('AnalyticsFilter', { description: 'Which figures go into an aggregate. Fields compose by AND; a list matches any of its values.' })
export class AnalyticsFilter {
  @Field({ nullable: true, description: 'The first month, `YYYY-MM`; by default eleven months before `to`.' })
  @IsOptional()
  @IsPeriod()
  from?: string;

  @Field({ nullable: true, description: 'The last month, `YYYY-MM`; by default the last month that has ended.' })
  @IsOptional()
  @IsPeriod()
  to?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these centres (with `includeSubtree`, and every centre below each).' })
  @IsOptional()
  @IsFilterList()
  @IsUUID('all', { each: true, message: 'must be centre ids' })
  centreIds?: string[];

  @Field({ defaultValue: false, description: 'With `centreIds`: include the centres below them.' })
  @IsBoolean()
  includeSubtree: boolean = false;

  @Field(() => [CentreKindEnum], { nullable: true, description: 'Only centres of these kinds (e.g. RURAL_DISTRICT).' })
  @IsOptional()
  @IsFilterList()
  centreKinds?: CentreKind[];

  @Field(() => [ID], { nullable: true, description: 'Only these club types (club and rollout metrics).' })
  @IsOptional()
  @IsFilterList()
  @IsUUID('all', { each: true, message: 'must be club type ids' })
  clubTypeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only these programs (program and support-group metrics).' })
  @IsOptional()
  @IsFilterList()
  @IsUUID('all', { each: true, message: 'must be program ids' })
  programIds?: string[];

  @Field(() => [AgeBandEnum], { nullable: true, description: 'Only these age bands (YOUNG_PEOPLE_REACHED).' })
  @IsOptional()
  @IsFilterList()
  ageBands?: AgeBand[];

  @Field(() => [SexEnum], { nullable: true, description: 'Only these sexes (YOUNG_PEOPLE_REACHED).' })
  @IsOptional()
  @IsFilterList()
  sexes?: Sex[];
}

/** At most this many metrics in one table: a table wider than this is two questions. */
export const MAX_METRICS = 10;

@ArgsType()
export class AnalyticsArgs {
  @Field(() => [AnalyticsMetricEnum], { description: `What to measure: one to ${MAX_METRICS} metrics.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_METRICS)
  metrics!: AnalyticsMetric[];

  @Field(() => [AnalyticsDimensionEnum], { defaultValue: [], description: 'What to break the figures down by, in the order the rows are sorted; none gives one row, the totals.' })
  @IsArray()
  @ArrayMaxSize(5)
  groupBy: AnalyticsDimension[] = [];

  @Field(() => AnalyticsFilter, { nullable: true, description: 'Which figures: range of months, centres, kinds, types, programs, age bands, sexes.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnalyticsFilter)
  filter?: AnalyticsFilter;

  @Field({ defaultValue: false, description: 'Also give each figure for the same cell twelve months earlier, and the change in percent.' })
  @IsBoolean()
  compareWithYearBefore: boolean = false;
}
