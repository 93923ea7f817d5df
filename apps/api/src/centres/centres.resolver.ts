import { type Language, pickLocalised } from '@mrc/domain';
import { Args, ArgsType, Context, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { CloseRecordInput, ReopenRecordInput } from '../common/records.js';
import { LANG_ARG_DESCRIPTION, LanguageEnum } from '../common/localisation.js';
import { Connection } from '../common/pagination.js';
import { NETWORK_WIDE_LIST } from '../graphql/query-cost.plugin.js';
import type { RequestContext } from '../graphql/request-context.js';
import { CentresService } from './centres.service.js';
import { Centre } from './dto/centre.object.js';
import { CentrePayload, CreateCentreInput, UpdateCentreInput } from './dto/centre.inputs.js';
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

  @Policy('create', 'Centre')
  @Mutation(() => CentrePayload, { description: 'Adds a centre under an existing open one. CONFLICT when the code is taken.' })
  async createCentre(@CurrentActor() actor: Actor, @Args('input', { description: 'The new centre.' }) input: CreateCentreInput): Promise<CentrePayload> {
    return { centre: await this.centresService.createCentre(actor, input) };
  }

  @Policy('update', 'Centre')
  @Mutation(() => CentrePayload, {
    description: 'Changes a centre: administrators anything, a district coordinator the contacts of their own centre (FORBIDDEN otherwise).',
  })
  async updateCentre(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateCentreInput): Promise<CentrePayload> {
    return { centre: await this.centresService.updateCentre(actor, input) };
  }

  @Policy('manage', 'Centre')
  @Mutation(() => CentrePayload, {
    description:
      'Closes a centre on a day (not before it opened). CONFLICT while centres below it, clubs or program runs are still open there: close those first.',
  })
  async closeCentre(@CurrentActor() actor: Actor, @Args('input', { description: 'The centre and the day.' }) input: CloseRecordInput): Promise<CentrePayload> {
    return { centre: await this.centresService.closeCentre(actor, input) };
  }

  @Policy('manage', 'Centre')
  @Mutation(() => CentrePayload, { description: 'Reopens a closed centre (its parent must be open).' })
  async reopenCentre(@CurrentActor() actor: Actor, @Args('input', { description: 'The centre.' }) input: ReopenRecordInput): Promise<CentrePayload> {
    return { centre: await this.centresService.reopenCentre(actor, input.id) };
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

  @ResolveField(() => String, { nullable: true, description: 'The street address in one language.' })
  address(
    @Parent() centre: Centre,
    @Context() context: RequestContext,
    @Args('lang', { type: () => LanguageEnum, nullable: true, description: LANG_ARG_DESCRIPTION }) lang?: Language,
  ): string | null {
    return pickLocalised(centre.addresses, lang ?? context.language) || null;
  }

  @ResolveField(() => Centre, { nullable: true, description: 'The centre this one reports to; null for the regional centre.' })
  parent(@Parent() centre: Centre, @Context() context: RequestContext) {
    return centre.parentId ? context.loaders.centres.byId.load(centre.parentId) : null;
  }

  @ResolveField(() => [Centre], { description: 'The centres directly under this one, by name.', complexity: NETWORK_WIDE_LIST })
  children(@Parent() centre: Centre, @Context() context: RequestContext) {
    return context.loaders.centres.childrenByParentId.load(centre.id);
  }
}
