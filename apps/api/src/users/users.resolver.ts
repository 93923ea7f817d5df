import { Args, Context, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Centre } from '../centres/dto/centre.object.js';
import { Connection } from '../common/pagination.js';
import type { RequestContext } from '../graphql/request-context.js';
import { User } from './dto/user.object.js';
import {
  ChangeMyPasswordInput,
  CreateUserInput,
  ResetUserPasswordInput,
  UpdateMyPreferencesInput,
  UpdateUserInput,
  UserArgs,
  UserIdInput,
  UserPayload,
  UsersArgs,
} from './dto/user.inputs.js';
import { UsersService } from './users.service.js';

@ObjectType('UserConnection', { description: 'A page of users.' })
class UserConnection extends Connection(User, 'User') {}

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Policy('manage', 'User')
  @Query(() => UserConnection, { description: 'The accounts, by email, a page at a time. Administrators only.' })
  users(@Args() args: UsersArgs) {
    return this.usersService.listUsers(args);
  }

  @Policy('read', 'User')
  @Query(() => User, { nullable: true, description: 'One account by id: administrators any, others only their own.' })
  user(@CurrentActor() actor: Actor, @Args() { id }: UserArgs) {
    return this.usersService.getUser(actor, id);
  }

  @Policy('manage', 'User')
  @Mutation(() => UserPayload, { description: 'Creates an account. CONFLICT when the email is taken.' })
  async createUser(@CurrentActor() actor: Actor, @Args('input', { description: 'The new account.' }) input: CreateUserInput): Promise<UserPayload> {
    return { user: await this.usersService.createUser(actor, input) };
  }

  @Policy('manage', 'User')
  @Mutation(() => UserPayload, { description: 'Changes an account\'s name, role, centre or language; takes effect on the user\'s next request.' })
  async updateUser(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateUserInput): Promise<UserPayload> {
    return { user: await this.usersService.updateUser(actor, input) };
  }

  @Policy('manage', 'User')
  @Mutation(() => UserPayload, { description: 'Deactivates an account: it cannot sign in, and its sessions end at once.' })
  async deactivateUser(@CurrentActor() actor: Actor, @Args('input', { description: 'The account.' }) input: UserIdInput): Promise<UserPayload> {
    return { user: await this.usersService.deactivateUser(actor, input.id) };
  }

  @Policy('manage', 'User')
  @Mutation(() => UserPayload, { description: 'Lets a deactivated account sign in again.' })
  async activateUser(@CurrentActor() actor: Actor, @Args('input', { description: 'The account.' }) input: UserIdInput): Promise<UserPayload> {
    return { user: await this.usersService.activateUser(actor, input.id) };
  }

  @Policy('manage', 'User')
  @Mutation(() => UserPayload, { description: 'Sets a new password for an account; its sessions end.' })
  async resetUserPassword(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: ResetUserPasswordInput): Promise<UserPayload> {
    return { user: await this.usersService.resetPassword(actor, input) };
  }

  @Policy('read', 'User')
  @Mutation(() => UserPayload, { description: 'Changes the signed-in user\'s password; their other sessions end.' })
  async changeMyPassword(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: ChangeMyPasswordInput): Promise<UserPayload> {
    return { user: await this.usersService.changeMyPassword(actor, input) };
  }

  @Policy('read', 'User')
  @Mutation(() => UserPayload, { description: 'Changes the signed-in user\'s name or language.' })
  async updateMyPreferences(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateMyPreferencesInput): Promise<UserPayload> {
    return { user: await this.usersService.updateMyPreferences(actor, input) };
  }

  @ResolveField(() => Centre, { nullable: true, description: 'A coordinator\'s centre; null for the other roles.' })
  centre(@Parent() user: User, @Context() context: RequestContext) {
    return user.centreId ? context.loaders.centres.byId.load(user.centreId) : null;
  }

  @ResolveField(() => GraphQLDateTime, { nullable: true, description: 'The last successful sign-in; null if never.' })
  async lastSignInAt(@Parent() user: User, @Context() context: RequestContext): Promise<Date | null> {
    // Sign-ins do not move the data version: an answer showing one is kept under the sign-ins' own.
    context.signIns.shown = true;
    // Read afresh: the caller's own user comes from their believed session (AuthService), which a
    // later sign-in does not make it forget.
    return (await context.loaders.users.byId.load(user.id))?.lastSignInAt ?? null;
  }
}
