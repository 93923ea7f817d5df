import { Injectable } from '@nestjs/common';
import type { DocumentNode, FieldNode, OperationDefinitionNode } from 'graphql';

/**
 * What the CSV and XLSX writers consume: a table whose columns are known before the first byte is
 * sent, and whose rows arrive one at a time, so a large export never sits in memory whole.
 */
export type CellType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface TabularColumn {
  /** Stable key of the column, e.g. `centre.name`. */
  key: string;
  /** The header cell. */
  label: string;
  /** How XLSX types the column's cells (CSV writes every value as text). */
  type: CellType;
}

export interface TabularSource {
  columns: TabularColumn[];
  /**
   * The rows, each with one value per column, in column order. Values are what GraphQL answered:
   * numbers, booleans, strings (a Date as `YYYY-MM-DD`, a DateTime as ISO 8601), or null. Iterating
   * starts the work; a thrown error after the first row aborts the download.
   */
  rows(): AsyncIterable<unknown[]>;
}

/** One GraphQL operation run as the caller, through the same server, plugins and guards as /graphql. */
export type ExecuteAsCaller = (document: DocumentNode, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

/** What a tabular source for a root field gets: the caller's checked document and a way to run it. */
export interface TabularSourceRequest {
  /** The caller's document, parsed and valid against the schema. */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The operation's one root field (e.g. `analytics`). */
  rootField: FieldNode;
  variables: Record<string, unknown>;
  /** Runs a (possibly rewritten) document as the caller; GraphQL errors are thrown as coded errors. */
  execute: ExecuteAsCaller;
}

/**
 * Opens the table of one root field. It should run its first query before resolving, so an error
 * the caller can fix (FORBIDDEN, BAD_USER_INPUT) is answered as JSON rather than as a broken file.
 */
export type OpenTabularSource = (request: TabularSourceRequest) => Promise<TabularSource>;

/**
 * Root fields that are not Relay connections but still export as a table (the `analytics`
 * aggregate): their module registers how to turn the field's answer into rows, e.g. in its
 * constructor: `sources.register('analytics', (request) => openAnalyticsTable(request))`.
 */
@Injectable()
export class TabularSources {
  private readonly sources = new Map<string, OpenTabularSource>();

  register(rootField: string, open: OpenTabularSource): void {
    this.sources.set(rootField, open);
  }

  get(rootField: string): OpenTabularSource | undefined {
    return this.sources.get(rootField);
  }

  names(): string[] {
    return [...this.sources.keys()];
  }
}
