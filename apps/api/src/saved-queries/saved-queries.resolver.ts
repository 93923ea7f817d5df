import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { Policy } from '../auth/policy.decorators.js';
import { Connection } from '../common/pagination.js';
import { RecordIdArgs } from '../common/records.js';
import {
  DeleteSavedQueryInput,
  DeleteSavedQueryPayload,
  SavedQueriesArgs,
  SaveQueryInput,
  SaveQueryPayload,
  UpdateSavedQueryInput,
  UpdateSavedQueryPayload,
} from './dto/saved-query.inputs.js';
import { SavedQuery } from './dto/saved-query.object.js';
import { SavedQueriesService } from './saved-queries.service.js';

@ObjectType('SavedQueryConnection', { description: 'A page of saved queries.' })
class SavedQueryConnection extends Connection(SavedQuery, 'SavedQuery') {}

@Resolver(() => SavedQuery)
export class SavedQueriesResolver {
  constructor(private readonly service: SavedQueriesService) {}

  @Policy('read', 'SavedQuery')
  @Query(() => SavedQueryConnection, { description: 'The workbench\'s saved queries you may see: your own and every shared one, newest first (analysts and administrators).' })
  savedQueries(@CurrentActor() actor: Actor, @Args() args: SavedQueriesArgs) {
    return this.service.list(actor, args);
  }

  @Policy('read', 'SavedQuery')
  @Query(() => SavedQuery, { nullable: true, description: 'One saved query by id: yours or a shared one; NOT_FOUND otherwise.' })
  savedQuery(@CurrentActor() actor: Actor, @Args() { id }: RecordIdArgs) {
    return this.service.get(actor, id);
  }

  @Policy('create', 'SavedQuery')
  @Mutation(() => SaveQueryPayload, { description: 'Saves a query in the workbench (analysts and administrators), private unless `shared`.' })
  async saveQuery(@CurrentActor() actor: Actor, @Args('input', { description: 'The title, the document and its variables.' }) input: SaveQueryInput): Promise<SaveQueryPayload> {
    return { savedQuery: await this.service.save(actor, input) };
  }

  @Policy('update', 'SavedQuery')
  @Mutation(() => UpdateSavedQueryPayload, { description: 'Changes one of your saved queries, or shares or unshares it. CONFLICT with `currentVersion` when it changed meanwhile.' })
  async updateSavedQuery(@CurrentActor() actor: Actor, @Args('input', { description: 'What to change.' }) input: UpdateSavedQueryInput): Promise<UpdateSavedQueryPayload> {
    return { savedQuery: await this.service.update(actor, input) };
  }

  @Policy('update', 'SavedQuery')
  @Mutation(() => DeleteSavedQueryPayload, { description: 'Deletes one of your saved queries.' })
  async deleteSavedQuery(@CurrentActor() actor: Actor, @Args('input', { description: 'The query.' }) input: DeleteSavedQueryInput): Promise<DeleteSavedQueryPayload> {
    return { id: await this.service.delete(actor, input.id) };
  }
}
