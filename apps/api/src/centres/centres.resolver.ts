import { type Language, pickLocalised } from '@mrc/domain';
import { Args, ArgsType, Context, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Policy } from '../auth/policy.decorators.js';
import { LANG_ARG_DESCRIPTION, LanguageEnum } from '../common/localisation.js';
import { Connection } from '../common/pagination.js';
import type { RequestContext } from '../graphql/request-context.js';
import { CentresService } from './centres.service.js';
import { Centre } from './dto/centre.object.js';
import { CentresArgs } from './dto/centres.args.js';

@ObjectType('CentreConnection', { description: 'A page of centres.' })
class CentreConnection extends Connection(Centre, 'Centre') {}

@ArgsType()
class CentreArgs {
  @Field(() => ID, { description: 'The centre\'s id.' })
  @IsUUID('all', { message: 'must be a centre id' })
  id!: string;
}

@Resolver(() => Centre)
export class CentresResolver {
  constructor(private readonly centresService: CentresService) {}

  @Policy('read', 'Centre')
  @Query(() => CentreConnection, { description: 'The centres of the network, a page at a time.' })
  centres(@Args() args: CentresArgs, @Context() context: RequestContext) {
    return this.centresService.listCentres(args, context.language);
  }

  @Policy('read', 'Centre')
  @Query(() => Centre, { nullable: true, description: 'One centre by id; NOT_FOUND when there is none.' })
  centre(@Args() { id }: CentreArgs) {
    return this.centresService.getCentre(id);
  }

  @ResolveField(() => String, { description: 'The name in one language.' })
  name(
    @Parent() centre: Centre,
    @Context() context: RequestContext,
    @Args('lang', { type: () => LanguageEnum, nullable: true, description: LANG_ARG_DESCRIPTION }) lang?: Language,
  ): string {
    return pickLocalised(centre.names, lang ?? context.language);
  }

  @ResolveField(() => String, { nullable: true, description: 'The town in one language.' })
  town(
    @Parent() centre: Centre,
    @Context() context: RequestContext,
    @Args('lang', { type: () => LanguageEnum, nullable: true, description: LANG_ARG_DESCRIPTION }) lang?: Language,
  ): string | null {
    return pickLocalised(centre.towns, lang ?? context.language) || null;
  }

  @ResolveField(() => Centre, { nullable: true, description: 'The centre this one reports to; null for the regional centre.' })
  parent(@Parent() centre: Centre, @Context() context: RequestContext) {
    return centre.parentId ? context.loaders.centres.byId.load(centre.parentId) : null;
  }

  @ResolveField(() => [Centre], { description: 'The centres directly under this one, by name.' })
  children(@Parent() centre: Centre, @Context() context: RequestContext) {
    return context.loaders.centres.childrenByParentId.load(centre.id);
  }
}
