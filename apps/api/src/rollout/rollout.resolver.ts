import { allowedRolloutActions, mayEditRolloutDetails, type RolloutAction } from '@mrc/domain';
import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { ClubType } from '../clubs/dto/club.objects.js';
import { Connection } from '../common/pagination.js';
import { RecordIdArgs } from '../common/records.js';
import { LiveEvents } from '../graphql/live-events.js';
import { MAX_SOCKETS_PER_ACCOUNT } from '../graphql/live-sockets.js';
import type { RequestContext } from '../graphql/request-context.js';
import {
  AdvanceRolloutInput,
  PlanRolloutInput,
  RolloutChangedArgs,
  RolloutItemPayload,
  RolloutItemsArgs,
  RolloutProgressArgs,
  UpdateRolloutItemInput,
} from './dto/rollout.inputs.js';
import { CentreRollout, ClubTypeRollout, RolloutActionEnum, RolloutChange, RolloutItem, RolloutProgress } from './dto/rollout.objects.js';
import { RolloutProgressService } from './progress.service.js';
import { ROLLOUT_ITEM_CHANGED, RolloutService } from './rollout.service.js';

@ObjectType('RolloutItemConnection', { description: 'A page of rollout items.' })
class RolloutItemConnection extends Connection(RolloutItem, 'RolloutItem') {}

const policyUser = (actor: Actor) => ({ id: actor.user.id, role: actor.user.role, centreId: actor.user.centreId });

@Resolver(() => RolloutItem)
export class RolloutResolver {
  constructor(
    private readonly rollout: RolloutService,
    private readonly progressService: RolloutProgressService,
    private readonly events: LiveEvents,
  ) {}

  @Policy('read', 'RolloutItem')
  @Query(() => RolloutItemConnection, { description: 'Rollout items: one per club type and district. All of them (98 for Karaganda) fit one page of 100: the matrix.' })
  rolloutItems(@Args() args: RolloutItemsArgs, @Context() context: RequestContext) {
    return this.rollout.listItems(args, context.language);
  }

  @Policy('read', 'RolloutItem')
  @Query(() => RolloutItem, { description: 'One rollout item by id; NOT_FOUND when there is none.' })
  rolloutItem(@Args() { id }: RecordIdArgs) {
    return this.rollout.getItem(id);
  }

  @Policy('read', 'RolloutItem')
  @Query(() => RolloutProgress, { description: 'How far the rollout is and when it will be done: per club type, per district, for the network, month by month, with the forecast and its method.' })
  rolloutProgress(@Args() args: RolloutProgressArgs, @Context() context: RequestContext) {
    return this.progressService.progress(args, context.language);
  }

  @Policy('create', 'RolloutItem')
  @Mutation(() => RolloutItemPayload, { description: 'Puts a club type on the plan of a district (administrators).' })
  async planRollout(@CurrentActor() actor: Actor, @Args('input', { description: 'The type, the district and the planned day.' }) input: PlanRolloutInput): Promise<RolloutItemPayload> {
    return { rolloutItem: await this.rollout.plan(actor, input) };
  }

  @Policy('update', 'RolloutItem')
  @Mutation(() => RolloutItemPayload, { description: 'Changes an item\'s gates, responsible person or notes (its district\'s coordinator or an administrator), or its planned day (administrators).' })
  async updateRolloutItem(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateRolloutItemInput): Promise<RolloutItemPayload> {
    return { rolloutItem: await this.rollout.update(actor, input) };
  }

  @Policy('update', 'RolloutItem')
  @Mutation(() => RolloutItemPayload, { description: 'Takes a step: PREPARE, LAUNCH (every gate met), ACTIVATE, PAUSE (with a reason), RESUME; the region also CANCELs and REVIVEs (with a reason).' })
  async advanceRollout(@CurrentActor() actor: Actor, @Args('input', { description: 'The item, its version, the step and, where needed, why.' }) input: AdvanceRolloutInput): Promise<RolloutItemPayload> {
    return { rolloutItem: await this.rollout.advance(actor, input) };
  }

  @Policy('read', 'RolloutItem')
  @Subscription(() => RolloutItem, {
    description:
      `Tells when a rollout item changes, wherever the change was made: over graphql-ws at /graphql, with \`authorization: Bearer …\` (and optionally \`accept-language\`) in the connection parameters: a socket without a session that holds is closed with 4401 at once, and one account keeps at most ${MAX_SOCKETS_PER_ACCOUNT} sockets per API process (4403 past that). With REDIS_URL set, every API process behind a load balancer delivers every change. When the session ends or the token expires the socket closes with 4401: renew the token, reconnect, and refetch what you show, since changes made while the socket was closed are not replayed.`,
    filter: async (payload: { rolloutItemChanged: RolloutItem }, args: RolloutChangedArgs, context: RequestContext) => {
      if (context.live && !(await context.live.stillSignedIn())) {
        context.live.closeUnauthorised();
        return false;
      }
      return !args.centreId || payload.rolloutItemChanged.centreId === args.centreId;
    },
    // Each event reads names and history afresh, not from the first event's DataLoader cache.
    resolve: (payload: { rolloutItemChanged: RolloutItem }, _args: RolloutChangedArgs, context: RequestContext) => {
      context.live?.renewLoaders();
      return payload.rolloutItemChanged;
    },
  })
  rolloutItemChanged(@Args() _args: RolloutChangedArgs) {
    return this.events.listen(ROLLOUT_ITEM_CHANGED);
  }

  @ResolveField(() => ClubType, { description: 'The club type.' })
  clubType(@Parent() item: RolloutItem, @Context() context: RequestContext) {
    return context.loaders.clubs.typeById.load(item.clubTypeId);
  }

  @ResolveField(() => Centre, { description: 'The district centre.' })
  centre(@Parent() item: RolloutItem, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(item.centreId);
  }

  @ResolveField(() => [RolloutChange], { description: 'Every real change, oldest first.' })
  history(@Parent() item: RolloutItem, @Context() context: RequestContext) {
    return context.loaders.rollout.historyByItemId.load(item.id);
  }

  @ResolveField(() => [RolloutActionEnum], { description: 'The steps the caller may take now (a reason is asked for PAUSE, CANCEL and REVIVE).' })
  allowedActions(@Parent() item: RolloutItem, @CurrentActor() actor: Actor): RolloutAction[] {
    return allowedRolloutActions(item, policyUser(actor));
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may change the gates, the responsible person and the notes.' })
  editable(@Parent() item: RolloutItem, @CurrentActor() actor: Actor): boolean {
    return mayEditRolloutDetails(item, policyUser(actor));
  }
}

@Resolver(() => ClubTypeRollout)
export class ClubTypeRolloutResolver {
  @ResolveField(() => ClubType, { description: 'The club type.' })
  clubType(@Parent() row: ClubTypeRollout, @Context() context: RequestContext) {
    return context.loaders.clubs.typeById.load(row.clubTypeId);
  }
}

@Resolver(() => CentreRollout)
export class CentreRolloutResolver {
  @ResolveField(() => Centre, { description: 'The district centre.' })
  centre(@Parent() row: CentreRollout, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(row.centreId);
  }
}

/** A district's rollout items, reached from the centre. */
@Resolver(() => Centre)
export class CentreRolloutItemsResolver {
  @ResolveField(() => [RolloutItem], { description: 'The club types planned for this district, with where each stands.' })
  rolloutItems(@Parent() centre: Centre, @Context() context: RequestContext) {
    return context.loaders.rollout.itemsByCentreId.load(centre.id);
  }
}
