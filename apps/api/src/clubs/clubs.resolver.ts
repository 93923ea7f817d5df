import { type Language, pickLocalised } from '@mrc/domain';
import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { LangArg } from '../common/localisation.js';
import { Connection } from '../common/pagination.js';
import { CloseRecordInput, RecordIdArgs, ReopenRecordInput } from '../common/records.js';
import { NETWORK_WIDE_LIST } from '../graphql/query-cost.plugin.js';
import type { RequestContext } from '../graphql/request-context.js';
import { ClubsService } from './clubs.service.js';
import {
  ClubPayload,
  ClubsArgs,
  ClubTypePayload,
  ClubTypesArgs,
  CreateClubInput,
  CreateClubTypeInput,
  UpdateClubInput,
  UpdateClubTypeInput,
} from './dto/club.inputs.js';
import { Club, ClubType } from './dto/club.objects.js';

@ObjectType('ClubTypeConnection', { description: 'A page of club types.' })
class ClubTypeConnection extends Connection(ClubType, 'ClubType') {}

@ObjectType('ClubConnection', { description: 'A page of clubs.' })
class ClubConnection extends Connection(Club, 'Club') {}

const INCLUDE_CLOSED = { defaultValue: false, description: 'Also list closed clubs.' };

@Resolver(() => ClubType)
export class ClubTypesResolver {
  constructor(private readonly clubsService: ClubsService) {}

  @Policy('read', 'ClubType')
  @Query(() => ClubTypeConnection, { description: 'The club catalogue, by name.' })
  clubTypes(@Args() args: ClubTypesArgs, @Context() context: RequestContext) {
    return this.clubsService.listClubTypes(args, context.language);
  }

  @Policy('read', 'ClubType')
  @Query(() => ClubType, { description: 'One club type by id; NOT_FOUND when there is none.' })
  clubType(@Args() { id }: RecordIdArgs) {
    return this.clubsService.getClubType(id);
  }

  @Policy('create', 'ClubType')
  @Mutation(() => ClubTypePayload, { description: 'Adds a club type to the catalogue (administrators). CONFLICT when the code is taken.' })
  async createClubType(@CurrentActor() actor: Actor, @Args('input', { description: 'The new type.' }) input: CreateClubTypeInput): Promise<ClubTypePayload> {
    return { clubType: await this.clubsService.createClubType(actor, input) };
  }

  @Policy('update', 'ClubType')
  @Mutation(() => ClubTypePayload, { description: 'Changes a club type (administrators).' })
  async updateClubType(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateClubTypeInput): Promise<ClubTypePayload> {
    return { clubType: await this.clubsService.updateClubType(actor, input) };
  }

  @Policy('update', 'ClubType')
  @Mutation(() => ClubTypePayload, { description: 'Takes a club type out of the catalogue (administrators). CONFLICT while clubs of it are open.' })
  async closeClubType(@CurrentActor() actor: Actor, @Args('input', { description: 'The type and the day.' }) input: CloseRecordInput): Promise<ClubTypePayload> {
    return { clubType: await this.clubsService.closeClubType(actor, input) };
  }

  @Policy('update', 'ClubType')
  @Mutation(() => ClubTypePayload, { description: 'Puts a club type back in the catalogue (administrators).' })
  async reopenClubType(@CurrentActor() actor: Actor, @Args('input', { description: 'The type.' }) input: ReopenRecordInput): Promise<ClubTypePayload> {
    return { clubType: await this.clubsService.reopenClubType(actor, input.id) };
  }

  @ResolveField(() => String, { description: 'The name in one language.' })
  name(@Parent() type: ClubType, @Context() context: RequestContext, @LangArg() lang?: Language): string {
    return pickLocalised(type.names, lang ?? context.language);
  }

  @ResolveField(() => String, { nullable: true, description: 'What the club does, in one language.' })
  description(@Parent() type: ClubType, @Context() context: RequestContext, @LangArg() lang?: Language): string | null {
    return pickLocalised(type.descriptions, lang ?? context.language) || null;
  }

  @ResolveField(() => [Club], {
    description: 'The clubs of this type across the network, by centre name; closed ones only with `includeClosed`.',
    complexity: NETWORK_WIDE_LIST,
  })
  async clubs(@Parent() type: ClubType, @Context() context: RequestContext, @Args('includeClosed', INCLUDE_CLOSED) includeClosed: boolean) {
    const clubs = await context.loaders.clubs.clubsByTypeId.load(type.id);
    return includeClosed ? clubs : clubs.filter((club) => club.status !== 'CLOSED');
  }
}

@Resolver(() => Club)
export class ClubsResolver {
  constructor(private readonly clubsService: ClubsService) {}

  @Policy('read', 'Club')
  @Query(() => ClubConnection, { description: 'Clubs across the network, filtered and ordered; open ones unless statuses say otherwise.' })
  clubs(@Args() args: ClubsArgs, @Context() context: RequestContext) {
    return this.clubsService.listClubs(args, context.language);
  }

  @Policy('read', 'Club')
  @Query(() => Club, { description: 'One club by id; NOT_FOUND when there is none.' })
  club(@Args() { id }: RecordIdArgs) {
    return this.clubsService.getClub(id);
  }

  @Policy('create', 'Club')
  @Mutation(() => ClubPayload, {
    description: 'Starts a club of a catalogue type at an open centre. Administrators, or the coordinator of the centre. CONFLICT when the centre already has an open club of the type.',
  })
  async createClub(@CurrentActor() actor: Actor, @Args('input', { description: 'The new club.' }) input: CreateClubInput): Promise<ClubPayload> {
    return { club: await this.clubsService.createClub(actor, input) };
  }

  @Policy('update', 'Club')
  @Mutation(() => ClubPayload, { description: 'Changes a club\'s leader, schedule, status or first meeting. Administrators, or the coordinator of its centre.' })
  async updateClub(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateClubInput): Promise<ClubPayload> {
    return { club: await this.clubsService.updateClub(actor, input) };
  }

  @Policy('update', 'Club')
  @Mutation(() => ClubPayload, { description: 'Closes a club (not before its first meeting). Administrators, or the coordinator of its centre.' })
  async closeClub(@CurrentActor() actor: Actor, @Args('input', { description: 'The club and the day.' }) input: CloseRecordInput): Promise<ClubPayload> {
    return { club: await this.clubsService.closeClub(actor, input) };
  }

  @Policy('update', 'Club')
  @Mutation(() => ClubPayload, {
    description: 'Reopens a closed club at its open centre: ACTIVE when it had started, PLANNED otherwise. CONFLICT when another club of the type has opened there since.',
  })
  async reopenClub(@CurrentActor() actor: Actor, @Args('input', { description: 'The club.' }) input: ReopenRecordInput): Promise<ClubPayload> {
    return { club: await this.clubsService.reopenClub(actor, input.id) };
  }

  @ResolveField(() => String, { description: 'The club\'s name: its type\'s name in one language.' })
  async name(@Parent() club: Club, @Context() context: RequestContext, @LangArg() lang?: Language): Promise<string> {
    const type = await context.loaders.clubs.typeById.load(club.clubTypeId);
    return type ? pickLocalised(type.names, lang ?? context.language) : '';
  }

  @ResolveField(() => String, { nullable: true, description: 'When the club meets, in one language.' })
  schedule(@Parent() club: Club, @Context() context: RequestContext, @LangArg() lang?: Language): string | null {
    return pickLocalised(club.schedules, lang ?? context.language) || null;
  }

  @ResolveField(() => ClubType, { description: 'The catalogue type the club is of.' })
  type(@Parent() club: Club, @Context() context: RequestContext) {
    return context.loaders.clubs.typeById.load(club.clubTypeId);
  }

  @ResolveField(() => Centre, { description: 'The centre the club meets at.' })
  centre(@Parent() club: Club, @Context() context: RequestContext) {
    return context.loaders.centres.byId.load(club.centreId);
  }
}

/** A centre's clubs, reached from the centre. */
@Resolver(() => Centre)
export class CentreClubsResolver {
  @ResolveField(() => [Club], { description: 'The clubs of the centre, by type name; closed ones only with `includeClosed`.' })
  async clubs(@Parent() centre: Centre, @Context() context: RequestContext, @Args('includeClosed', INCLUDE_CLOSED) includeClosed: boolean) {
    const clubs = await context.loaders.clubs.clubsByCentreId.load(centre.id);
    return includeClosed ? clubs : clubs.filter((club) => club.status !== 'CLOSED');
  }
}
