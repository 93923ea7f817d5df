import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Policy } from '../auth/policy.decorators.js';
import { callerGone } from '../common/caller-gone.js';
import type { RequestContext } from '../graphql/request-context.js';
import { writtenList } from '../graphql/written-lists.js';
import { AnalyticsService } from './analytics.service.js';
import { AnalyticsArgs } from './dto/analytics.inputs.js';
import { AnalyticsRow, AnalyticsTable } from './dto/analytics.objects.js';

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly aggregates: AnalyticsService) {}

  @Policy('read', 'Analytics')
  @Query(() => AnalyticsTable, {
    description:
      'Figures of the network summed by the dimensions you choose: for example young people reached by district and quarter, against the year before. Answers from a read model that every report submission updates at once; small counts of people are withheld (see AnalyticsValue.suppressed). Analysts and administrators.',
  })
  analytics(@Args() args: AnalyticsArgs, @Context() context: RequestContext): Promise<AnalyticsTable> {
    return this.aggregates.table(args, context.language, context.loaders, callerGone(context.res));
  }
}

@Resolver(() => AnalyticsTable)
export class AnalyticsTableResolver {
  /** A table's rows are the longest lists the API sends: written straight to JSON (graphql/written-lists.ts). */
  @ResolveField(() => [AnalyticsRow])
  rows(@Parent() table: AnalyticsTable, @Info() info: GraphQLResolveInfo, @Context() context: RequestContext): readonly AnalyticsRow[] | Promise<readonly AnalyticsRow[]> {
    return writtenList(table.rows, info, context);
  }
}
