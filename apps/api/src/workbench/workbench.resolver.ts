import type { Language } from '@mrc/domain';
import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Policy } from '../auth/policy.decorators.js';
import { LangArg } from '../common/localisation.js';
import type { RequestContext } from '../graphql/request-context.js';
import { WorkbenchExample } from './dto/workbench-example.object.js';
import { WorkbenchService } from './workbench.service.js';

@Resolver(() => WorkbenchExample)
export class WorkbenchResolver {
  constructor(private readonly workbench: WorkbenchService) {}

  // Every signed-in person may read their own account, so this policy admits exactly the signed-in.
  @Policy('read', 'User')
  @Query(() => [WorkbenchExample], { description: 'The workbench\'s library of ready example queries, for every signed-in user; the explorer at /graphql lists them.' })
  workbenchExamples(): WorkbenchExample[] {
    return this.workbench.list();
  }

  @ResolveField(() => String, { description: 'The example\'s title, in the caller\'s language.' })
  title(@Parent() example: WorkbenchExample, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return example.titles[lang ?? context.language];
  }

  @ResolveField(() => String, { description: 'What the example answers and how to adapt it, in the caller\'s language.' })
  description(@Parent() example: WorkbenchExample, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return example.descriptions[lang ?? context.language];
  }
}
