import type { ApolloServer } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { ApolloDriver } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, print } from 'graphql';
import { type RequestContext, RequestContextFactory } from '../graphql/request-context.js';

/**
 * Marks the request context of an export. Its pages are one-off reads of a whole list: a response
 * cache should neither keep them (they would push out the answers worth keeping) nor serve them.
 * A symbol, as Apollo copies the context for each operation with Object.assign, which keeps it.
 */
const BULK_EXPORT = Symbol('mrc.bulkExport');

/** True for the GraphQL operations an export runs (for plugins such as the response cache). */
export function isBulkExport(context: object | undefined): boolean {
  return (context as Record<symbol, unknown> | undefined)?.[BULK_EXPORT] === true;
}

/** GraphQL errors answered by the server, carried to the export's error response as they are. */
export class GraphqlErrors extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'The query failed.');
  }

  get code(): string {
    const code = this.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
  }
}

/**
 * Runs GraphQL operations as the caller of an HTTP request, through the very server that answers
 * /graphql: its validation rules, limits, plugins, guards, error formatting and localisation all
 * apply. The request context is built by the same factory as for /graphql, once per export (one
 * token check, one count against the caller's request rate).
 */
@Injectable()
export class CallerGraphql {
  private readonly printed = new WeakMap<DocumentNode, string>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly contexts: RequestContextFactory,
  ) {}

  get schema(): GraphQLSchema {
    return this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
  }

  async context(req: Request, res: Response): Promise<RequestContext> {
    const context = await this.contexts.create(req, res);
    Object.defineProperty(context, BULK_EXPORT, { value: true, enumerable: true });
    return context;
  }

  /** The operation's data; its errors, if any, thrown as GraphqlErrors. */
  async execute(context: RequestContext, document: DocumentNode, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
    let query = this.printed.get(document);
    if (query === undefined) {
      query = print(document);
      this.printed.set(document, query);
    }
    const response = await this.server().executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new GraphqlErrors([{ message: 'Exports take no incremental delivery (@defer, @stream).', extensions: { code: 'BAD_USER_INPUT' } }]);
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new GraphqlErrors(errors);
    if (!data) throw new GraphqlErrors([{ message: 'The query answered nothing.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    return data;
  }

  /**
   * Forgets what the request's DataLoaders have cached: an export runs many pages in one context,
   * and rows already written need not stay in memory.
   */
  forgetLoadedRows(context: RequestContext): void {
    for (const group of Object.values(context.loaders)) {
      for (const loader of Object.values(group as Record<string, unknown>)) {
        if (loader && typeof (loader as { clearAll?: unknown }).clearAll === 'function') (loader as { clearAll(): void }).clearAll();
      }
    }
  }

  private server(): ApolloServer<RequestContext> {
    const graphql = this.moduleRef.get<GraphQLModule<ApolloDriver>>(GraphQLModule, { strict: false });
    return graphql.graphQlAdapter.instance as unknown as ApolloServer<RequestContext>;
  }
}
