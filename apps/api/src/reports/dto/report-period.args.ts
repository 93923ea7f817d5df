import { ArgsType, Field } from '@nestjs/graphql';
import { IsPeriod } from '../../common/input-rules.js';

/** A centre's report of one period (`Centre.report`, and its compiled read). */
@ArgsType()
export class ReportPeriodArgs {
  @Field({ description: 'The period, `YYYY-MM`.' })
  @IsPeriod()
  period!: string;
}
