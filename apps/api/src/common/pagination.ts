import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { countWithTheRequest } from './connection-counts.js';
import { BadUserInputError } from './errors.js';
import { derived, lazy } from './lazy.js';

/**
 * Relay-style cursor connections (shared/design/api.md): `first` ≤ 100 with a default of 25,
 * `after` cursors, `totalCount`, `pageInfo`, `edges` and the `nodes` shortcut.
 *
 * Pages are found by keyset ("rows after this sort key"), not by offset, so a page costs the same
 * at row 10 and row 100,000 and a row inserted meanwhile neither repeats nor skips one.
 *
 * Both halves of a connection are lazy: the page's query runs only when `edges`, `nodes` or
 * `pageInfo` is asked for, and the COUNT only for `totalCount`, sent with the other counts of the
 * same request in one statement (connection-counts.ts). The overview's five figures
 * (`centres(first: 1) { totalCount }`, …) so cost one statement, not ten.
 */

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Ascending or descending.',
  valuesMap: { ASC: { description: 'A to Z, smallest first.' }, DESC: { description: 'Z to A, largest first.' } },
});

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 1 to ${MAX_PAGE_SIZE}.`,
  })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (`pageInfo.endCursor`).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
}

@ObjectType({ description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for with `after` (items come before it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Each field is a thenable that starts its query when GraphQL awaits it, that is when it is asked for. */
export interface ConnectionShape<T> {
  edges: PromiseLike<Edge<T>[]>;
  nodes: PromiseLike<T[]>;
  pageInfo: PromiseLike<PageInfo>;
  totalCount: PromiseLike<number>;
}

/** The GraphQL types `<Name>Edge` and the abstract connection for a node type. */
export function Connection<T>(nodeType: Type<T>, nodeName: string): Type<ConnectionShape<T>> {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque; pass it as `after` to continue after this item.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The item.' })
    node!: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: PromiseLike<Edge<T>[]>;

    @Field(() => [nodeType], { description: 'The items of this page, without cursors.' })
    nodes!: PromiseLike<T[]>;

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to reach them.' })
    pageInfo!: PromiseLike<PageInfo>;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: PromiseLike<number>;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

/** A cursor: the sort-key values of a row, tagged with the ordering they belong to. */
type CursorValue = string | number | boolean | null;

export function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, ordering: string, arity: number): CursorValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const values = Array.isArray(decoded) ? decoded.slice(1) : [];
  if (
    !Array.isArray(decoded) ||
    decoded.length !== arity + 1 ||
    decoded[0] !== ordering ||
    !values.every(isCursorValue)
  ) {
    throw new BadUserInputError('The cursor does not belong to this list or its order; start again without `after`.', {
      after: 'not a cursor of this list in this order',
    });
  }
  return values as CursorValue[];
}

// A NUL character is the one thing PostgreSQL refuses in text: such a cursor is forged, not ours.
function isCursorValue(value: unknown): value is CursorValue {
  if (typeof value === 'string') return !value.includes('\u0000');
  return value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * A connection over a page query and a count. `fetchPage` gives the rows with LIMIT first + 1 and
 * runs at most once, when a page field is asked for; `countQuery` is the filtered query (no cursor, no
 * order, no limit), counted when `totalCount` is asked for. `keyOf` gives a row's sort-key values in
 * the same order as the page's ORDER BY.
 */
export function toConnection<Row, Node>(
  fetchPage: () => Promise<Row[]>,
  args: ConnectionArgs,
  ordering: string,
  keyOf: (row: Row) => CursorValue[],
  toNode: (row: Row) => Node,
  countQuery: SelectQueryBuilder<ObjectLiteral>,
): ConnectionShape<Node> {
  const page = lazy(async () => {
    const rows = await fetchPage();
    const edges = rows.slice(0, args.first).map((row) => ({ cursor: encodeCursor(ordering, keyOf(row)), node: toNode(row) }));
    const pageInfo: PageInfo = {
      hasNextPage: rows.length > args.first,
      hasPreviousPage: args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
    return { edges, pageInfo };
  });
  return {
    edges: derived(page, ({ edges }) => edges),
    nodes: derived(page, ({ edges }) => edges.map((edge) => edge.node)),
    pageInfo: derived(page, ({ pageInfo }) => pageInfo),
    totalCount: lazy(() => countWithTheRequest(countQuery)),
  };
}

/** How a list is ordered: SQL sort keys (all in one direction), then the id as the tiebreak. */
export interface KeysetOrder {
  /** SQL expressions, e.g. a localised name with its collation; each must be non-null. */
  keys: string[];
  /** The row's id column, e.g. `c.id`: the last key, which makes the order total. */
  id: string;
  descending: boolean;
  /** Names the order (and anything it depends on, like the language): a cursor only fits its own order. */
  ordering: string;
}

/**
 * One page of a keyset-ordered list as a connection. The filtered query is cloned for the page and
 * reused for the lazy total count.
 */
export async function keysetConnection<Entity extends { id: string }, Node>(
  filtered: SelectQueryBuilder<Entity>,
  order: KeysetOrder,
  args: ConnectionArgs,
  toNode: (entity: Entity) => Node,
): Promise<ConnectionShape<Node>> {
  const page = filtered.clone();
  order.keys.forEach((key, index) => page.addSelect(key, `sort_key_${index}`));
  const columns = [...order.keys, order.id];
  if (args.after) {
    const values = decodeCursor(args.after, order.ordering, columns.length);
    const params = Object.fromEntries(values.map((value, index) => [`cursor_${index}`, value]));
    const placeholders = values.map((_, index) => `:cursor_${index}`).join(', ');
    page.andWhere(`(${columns.join(', ')}) ${order.descending ? '<' : '>'} (${placeholders})`, params);
  }
  for (const column of columns) page.addOrderBy(column, order.descending ? 'DESC' : 'ASC');
  page.limit(args.first + 1);
  const fetchPage = async () => {
    const { entities, raw } = await page.getRawAndEntities<Record<string, CursorValue>>();
    return entities.map((entity, index) => ({
      entity,
      key: [...order.keys.map((_, k) => raw[index]?.[`sort_key_${k}`] ?? null), entity.id],
    }));
  };
  return toConnection(fetchPage, args, order.ordering, (row) => row.key, (row) => toNode(row.entity), filtered);
}
