import { type Language, pickLocalised } from '@mrc/domain';
import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { LangArg } from '../common/localisation.js';
import { Connection } from '../common/pagination.js';
import { CloseRecordInput, isOpen, RecordIdArgs, ReopenRecordInput } from '../common/records.js';
import type { RequestContext } from '../graphql/request-context.js';
import { EquipmentItem } from './dto/equipment-item.object.js';
import {
  CreateEquipmentItemInput,
  CreateSpaceInput,
  EquipmentItemPayload,
  EquipmentItemsArgs,
  SpacePayload,
  SpacesArgs,
  UpdateEquipmentItemInput,
  UpdateSpaceInput,
} from './dto/facility.inputs.js';
import { Space } from './dto/space.object.js';
import { FacilitiesService } from './facilities.service.js';

@ObjectType('SpaceConnection', { description: 'A page of spaces.' })
class SpaceConnection extends Connection(Space, 'Space') {}

@ObjectType('EquipmentItemConnection', { description: 'A page of equipment.' })
class EquipmentItemConnection extends Connection(EquipmentItem, 'EquipmentItem') {}

const WHO_WRITES = 'Administrators, or the coordinator of the centre.';

@Resolver(() => Space)
export class SpacesResolver {
  constructor(private readonly facilities: FacilitiesService) {}

  @Policy('read', 'Space')
  @Query(() => SpaceConnection, { description: 'Spaces of the network, by centre and name; closed ones only when asked for.' })
  spaces(@Args() args: SpacesArgs, @Context() context: RequestContext) {
    return this.facilities.listSpaces(args, context.language);
  }

  @Policy('read', 'Space')
  @Query(() => Space, { description: 'One space by id; NOT_FOUND when there is none.' })
  space(@Args() { id }: RecordIdArgs) {
    return this.facilities.getSpace(id);
  }

  @Policy('create', 'Space')
  @Mutation(() => SpacePayload, { description: `Adds a space to an open centre. ${WHO_WRITES}` })
  async createSpace(@CurrentActor() actor: Actor, @Args('input', { description: 'The new space.' }) input: CreateSpaceInput): Promise<SpacePayload> {
    return { space: await this.facilities.createSpace(actor, input) };
  }

  @Policy('update', 'Space')
  @Mutation(() => SpacePayload, { description: `Changes a space. ${WHO_WRITES}` })
  async updateSpace(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateSpaceInput): Promise<SpacePayload> {
    return { space: await this.facilities.updateSpace(actor, input) };
  }

  @Policy('update', 'Space')
  @Mutation(() => SpacePayload, { description: `Closes a space (CONFLICT when closed already). ${WHO_WRITES}` })
  async closeSpace(@CurrentActor() actor: Actor, @Args('input', { description: 'The space and the day.' }) input: CloseRecordInput): Promise<SpacePayload> {
    return { space: await this.facilities.closeSpace(actor, input) };
  }

  @Policy('update', 'Space')
  @Mutation(() => SpacePayload, { description: `Reopens a closed space at an open centre. ${WHO_WRITES}` })
  async reopenSpace(@CurrentActor() actor: Actor, @Args('input', { description: 'The space.' }) input: ReopenRecordInput): Promise<SpacePayload> {
    return { space: await this.facilities.reopenSpace(actor, input.id) };
  }

  @ResolveField(() => String, { description: 'The name in one language.' })
  name(@Parent() space: Space, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return pickLocalised(space.names, lang ?? context.language);
  }

  @ResolveField(() => Centre, { description: 'The centre the space belongs to.' })
  centre(@Parent() space: Space, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(space.centreId);
  }
}

@Resolver(() => EquipmentItem)
export class EquipmentItemsResolver {
  constructor(private readonly facilities: FacilitiesService) {}

  @Policy('read', 'Equipment')
  @Query(() => EquipmentItemConnection, { description: 'Equipment of the network, by centre and name; written-off items only when asked for.' })
  equipmentItems(@Args() args: EquipmentItemsArgs, @Context() context: RequestContext) {
    return this.facilities.listEquipmentItems(args, context.language);
  }

  @Policy('read', 'Equipment')
  @Query(() => EquipmentItem, { description: 'One equipment item by id; NOT_FOUND when there is none.' })
  equipmentItem(@Args() { id }: RecordIdArgs) {
    return this.facilities.getEquipmentItem(id);
  }

  @Policy('create', 'Equipment')
  @Mutation(() => EquipmentItemPayload, { description: `Adds equipment to an open centre. ${WHO_WRITES}` })
  async createEquipmentItem(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The new equipment.' }) input: CreateEquipmentItemInput,
  ): Promise<EquipmentItemPayload> {
    return { equipmentItem: await this.facilities.createEquipmentItem(actor, input) };
  }

  @Policy('update', 'Equipment')
  @Mutation(() => EquipmentItemPayload, { description: `Changes equipment. ${WHO_WRITES}` })
  async updateEquipmentItem(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to change.' }) input: UpdateEquipmentItemInput,
  ): Promise<EquipmentItemPayload> {
    return { equipmentItem: await this.facilities.updateEquipmentItem(actor, input) };
  }

  @Policy('update', 'Equipment')
  @Mutation(() => EquipmentItemPayload, { description: `Writes equipment off (CONFLICT when written off already). ${WHO_WRITES}` })
  async closeEquipmentItem(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The equipment and the day.' }) input: CloseRecordInput,
  ): Promise<EquipmentItemPayload> {
    return { equipmentItem: await this.facilities.closeEquipmentItem(actor, input) };
  }

  @Policy('update', 'Equipment')
  @Mutation(() => EquipmentItemPayload, { description: `Puts written-off equipment back in use at an open centre. ${WHO_WRITES}` })
  async reopenEquipmentItem(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'The equipment.' }) input: ReopenRecordInput,
  ): Promise<EquipmentItemPayload> {
    return { equipmentItem: await this.facilities.reopenEquipmentItem(actor, input.id) };
  }

  @ResolveField(() => String, { description: 'The name in one language.' })
  name(@Parent() item: EquipmentItem, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return pickLocalised(item.names, lang ?? context.language);
  }

  @ResolveField(() => Centre, { description: 'The centre that lends it.' })
  centre(@Parent() item: EquipmentItem, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(item.centreId);
  }
}

/** A centre's spaces and equipment, reached from the centre. */
@Resolver(() => Centre)
export class CentreFacilitiesResolver {
  @ResolveField(() => [Space], { description: 'The centre\'s spaces, by name; closed ones only with `includeClosed`.' })
  spaces(
    @Parent() centre: Centre,
    @Context() context: RequestContext,
    @Args('includeClosed', { defaultValue: false, description: 'Also list closed spaces.' }) includeClosed: boolean,
  ) {
    return context.loaders.facilities.spacesByCentreId.load(centre.id).then((spaces) => (includeClosed ? spaces : spaces.filter(isOpen)));
  }

  @ResolveField(() => [EquipmentItem], { description: 'The equipment the centre lends, by name; written-off items only with `includeClosed`.' })
  equipment(
    @Parent() centre: Centre,
    @Context() context: RequestContext,
    @Args('includeClosed', { defaultValue: false, description: 'Also list equipment written off.' }) includeClosed: boolean,
  ) {
    return context.loaders.facilities.equipmentByCentreId.load(centre.id).then((items) => (includeClosed ? items : items.filter(isOpen)));
  }
}
