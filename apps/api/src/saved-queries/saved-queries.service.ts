import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { type AuditedRecordType, AuditedWrites } from '../audit/audited-writes.js';
import { AuditService, changedFields } from '../audit/audit.service.js';
import { type Actor, authorize } from '../auth/actor.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { cleanText, searchPattern } from '../common/localisation.js';
import { type ConnectionShape, decodeCursor, toConnection } from '../common/pagination.js';
import { UserEntity } from '../users/user.entity.js';
import type { SaveQueryInput, SavedQueriesArgs, UpdateSavedQueryInput } from './dto/saved-query.inputs.js';
import type { SavedQuery } from './dto/saved-query.object.js';
import { SavedQueryEntity } from './saved-query.entity.js';

/** The fields the audit trail follows. */
const FOLLOWED = ['title', 'description', 'document', 'variables', 'shared'] as const;

const SAVED_QUERY_RECORD: AuditedRecordType<SavedQueryEntity> = {
  entity: SavedQueryEntity,
  type: 'SavedQuery',
  fields: [...FOLLOWED],
  // Saved queries belong to a person, not to a centre: the owner is checked by the service.
  policyRecord: (query) => ({ id: query.id }),
};

/** The longest document the server runs (as /graphql's parser limit): a longer one could never run. */
const MAX_TOKENS = 5000;

const NEWEST = 'saved:NEWEST';

export function toSavedQuery(entity: SavedQueryEntity, ownerName: string, viewerId: string): SavedQuery {
  return {
    id: entity.id,
    title: entity.title,
    description: entity.description,
    document: entity.document,
    variables: entity.variables === null ? null : JSON.stringify(entity.variables),
    shared: entity.shared,
    ownerName,
    mine: entity.ownerId === viewerId,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}

/**
 * The workbench's saved queries. A user sees their own and every shared one; only the owner
 * changes or deletes one (even an administrator does not edit another's). Another's private query
 * is NOT_FOUND, as if it did not exist. Every write is audited in its transaction.
 */
@Injectable()
export class SavedQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: AuditedWrites,
    private readonly audit: AuditService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The schema as served; built after this service, so looked up when first needed. */
  private get schema(): GraphQLSchema {
    return this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
  }

  async list(actor: Actor, args: SavedQueriesArgs): Promise<ConnectionShape<SavedQuery>> {
    const query = this.visibleTo(actor);
    const filter = args.filter;
    if (filter?.mine === true) query.andWhere('q.owner_id = :me');
    if (filter?.mine === false) query.andWhere('q.owner_id <> :me');
    if (filter?.shared === true) query.andWhere('q.shared');
    if (filter?.shared === false) query.andWhere('NOT q.shared');
    if (filter?.search) {
      query.andWhere(`(q.title ILIKE :searchPattern OR q.description ILIKE :searchPattern)`, { searchPattern: searchPattern(filter.search) });
    }
    const page = query.clone();
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, NEWEST, 2);
      page.andWhere('(q.created_at, q.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    // The cursor keeps PostgreSQL's own text of the time: a JavaScript Date would drop the microseconds.
    page.addSelect('q.created_at::text', 'created_at_key');
    page.orderBy('q.created_at', 'DESC').addOrderBy('q.id', 'DESC').limit(args.first + 1);
    const fetchPage = async () => {
      const { entities, raw } = await page.getRawAndEntities<{ created_at_key: string; owner_name: string }>();
      return entities.map((entity, index) => ({ entity, key: raw[index]?.created_at_key ?? '', ownerName: raw[index]?.owner_name ?? '' }));
    };
    return toConnection(fetchPage, args, NEWEST, (row) => [row.key, row.entity.id], (row) => toSavedQuery(row.entity, row.ownerName, actor.user.id), query);
  }

  async get(actor: Actor, id: string): Promise<SavedQuery> {
    const found = await this.visibleTo(actor).andWhere('q.id = :id', { id }).getRawAndEntities<{ owner_name: string }>();
    const entity = found.entities[0];
    if (!entity) throw new NotFoundError('SavedQuery', id);
    return toSavedQuery(entity, found.raw[0]?.owner_name ?? '', actor.user.id);
  }

  async save(actor: Actor, input: SaveQueryInput): Promise<SavedQuery> {
    const variables = this.checkQuery(input.document, input.variables);
    const saved = await this.writes.create(actor, SAVED_QUERY_RECORD, {}, async (manager) =>
      manager.create(SavedQueryEntity, {
        ownerId: actor.user.id,
        title: input.title,
        description: cleanText(input.description),
        document: input.document,
        variables: variables ?? null,
        shared: input.shared,
      }),
    );
    return toSavedQuery(saved, actor.user.displayName, actor.user.id);
  }

  async update(actor: Actor, input: UpdateSavedQueryInput): Promise<SavedQuery> {
    const variables = this.checkQuery(input.document, input.variables);
    const saved = await this.writes.update(actor, SAVED_QUERY_RECORD, input.id, 'UPDATE_SAVED_QUERY', (record) => {
      assertOwner(actor, record);
      if (record.version !== input.version) {
        throw new ConflictError(`The saved query has changed since version ${input.version}; it is now at version ${record.version}. Reload it and try again.`, {
          savedQueryId: record.id,
          currentVersion: record.version,
        });
      }
      if (input.title !== undefined) record.title = input.title;
      if (input.description !== undefined) record.description = cleanText(input.description);
      if (input.document !== undefined) record.document = input.document;
      if (variables !== undefined) record.variables = variables;
      if (input.shared !== undefined) record.shared = input.shared;
    });
    return toSavedQuery(saved, actor.user.displayName, actor.user.id);
  }

  /** Deletes one's own query, with an audit entry of what it held, in one transaction. */
  async delete(actor: Actor, id: string): Promise<string> {
    authorize(actor, 'update', 'SavedQuery', { id });
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const record = await manager.findOne(SavedQueryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw new NotFoundError('SavedQuery', id);
      assertOwner(actor, record);
      await manager.delete(SavedQueryEntity, { id });
      await this.audit.record(manager, {
        actorId: actor.user.id,
        action: 'DELETE_SAVED_QUERY',
        entityType: 'SavedQuery',
        entityId: id,
        changes: changedFields(record, {}, [...FOLLOWED]),
        requestId: actor.requestId,
      });
    });
    return id;
  }

  /** What the actor may see: their own queries and every shared one, with the owner's name. */
  private visibleTo(actor: Actor): SelectQueryBuilder<SavedQueryEntity> {
    return this.dataSource.manager
      .createQueryBuilder(SavedQueryEntity, 'q')
      .innerJoin(UserEntity, 'u', 'u.id = q.owner_id')
      .addSelect('u.display_name', 'owner_name')
      .where('(q.owner_id = :me OR q.shared)', { me: actor.user.id });
  }

  /**
   * The document must parse and be valid against the schema as it is now, and the variables must
   * be a JSON object: BAD_USER_INPUT at `document` or `variables` saying why. Returns the parsed
   * variables (null to clear them, undefined when not given).
   */
  private checkQuery(document: string | undefined, variables: string | null | undefined): Record<string, unknown> | null | undefined {
    const problems: Record<string, string> = {};
    if (document !== undefined) {
      const reason = documentProblem(this.schema, document);
      if (reason) problems.document = reason;
    }
    let parsed: Record<string, unknown> | null | undefined = variables === null ? null : undefined;
    if (typeof variables === 'string') {
      try {
        const value: unknown = JSON.parse(variables);
        if (value && typeof value === 'object' && !Array.isArray(value)) parsed = value as Record<string, unknown>;
        else problems.variables = 'must be the JSON text of an object, e.g. {"from": "2026-01"}';
      } catch (error) {
        problems.variables = `is not JSON: ${error instanceof Error ? error.message : 'it could not be read'}`;
      }
    }
    const names = Object.keys(problems);
    if (names.length > 0) {
      throw new BadUserInputError(names.length === 1 && problems.document ? `The document is not valid: ${problems.document}` : `Check ${names.join(', ')}.`, problems);
    }
    return parsed;
  }
}

/** Why a document cannot be saved, or null when it can. */
function documentProblem(schema: GraphQLSchema, document: string): string | null {
  try {
    const errors = validate(schema, parse(document, { maxTokens: MAX_TOKENS }), specifiedRules);
    return errors.length > 0 ? errors.map((error) => error.message).join(' ') : null;
  } catch (error) {
    return error instanceof Error ? error.message : 'it could not be read';
  }
}

/** Only the owner changes a query; another's private one does not exist for the caller. */
function assertOwner(actor: Actor, record: SavedQueryEntity): void {
  if (record.ownerId === actor.user.id) return;
  if (!record.shared) throw new NotFoundError('SavedQuery', record.id);
  throw new ForbiddenError('Only its owner changes or deletes a saved query; save a copy of your own instead.');
}
