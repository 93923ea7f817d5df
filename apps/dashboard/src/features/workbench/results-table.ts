/**
 * A GraphQL result as a table: the first list of objects found in it (depth first, in the order
 * the query asked for fields), a connection's `nodes` or `edges.node`, each item flattened to
 * dotted columns (`centre.name`). The analytics aggregate's rows get a column per metric value
 * (and its year before and change), with a totals row from `totals`.
 */

export type ResultCell = { kind: 'value'; value: string | number | boolean | null } | { kind: 'withheld' };

export interface ResultTable {
  /** Where the list was found, `centres.nodes`. */
  path: string;
  columns: string[];
  rows: Array<Record<string, ResultCell>>;
  /** The aggregate's totals, in the same columns (dimension columns empty). */
  totals: Record<string, ResultCell> | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list's items, unwrapping a connection's edges. */
function items(list: Json[]): JsonObject[] {
  return list.filter(isObject).map((item) => (isObject(item['node']) && Object.keys(item).every((key) => key === 'node' || key === 'cursor' || key === '__typename') ? item['node'] : item));
}

function findList(value: Json, path: string[]): { path: string[]; list: Json[]; parent: JsonObject | null } | null {
  if (!isObject(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (Array.isArray(child) && child.some(isObject)) return { path: [...path, key], list: child, parent: value };
  }
  for (const [key, child] of Object.entries(value)) {
    const found = findList(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** An aggregate's value object: `{ metric?, value, suppressed?, yearBefore?, yearBeforeSuppressed?, changePercent? }`. */
function isFigure(value: Json): value is JsonObject {
  return isObject(value) && 'value' in value;
}

function figureColumns(figure: JsonObject, index: number, metrics: readonly string[]): Array<[string, ResultCell]> {
  const name = typeof figure['metric'] === 'string' ? figure['metric'] : (metrics[index] ?? `value ${index + 1}`);
  const cells: Array<[string, ResultCell]> = [];
  cells.push([name, figure['suppressed'] === true ? { kind: 'withheld' } : scalar(figure['value'] ?? null)]);
  if ('yearBefore' in figure) cells.push([`${name} (year before)`, figure['yearBeforeSuppressed'] === true ? { kind: 'withheld' } : scalar(figure['yearBefore'] ?? null)]);
  if ('changePercent' in figure) cells.push([`${name} (change %)`, scalar(figure['changePercent'] ?? null)]);
  return cells;
}

function scalar(value: Json): ResultCell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'value', value };
  if (Array.isArray(value)) return { kind: 'value', value: value.every((entry) => !isObject(entry) && !Array.isArray(entry)) ? value.join(', ') : JSON.stringify(value) };
  return { kind: 'value', value: JSON.stringify(value) };
}

function flatten(item: JsonObject, metrics: readonly string[], prefix = '', into: Array<[string, ResultCell]> = []): Array<[string, ResultCell]> {
  for (const [key, value] of Object.entries(item)) {
    if (key === '__typename') continue;
    const column = prefix ? `${prefix}.${key}` : key;
    if (key === 'values' && Array.isArray(value) && value.length > 0 && value.every(isFigure)) {
      value.forEach((figure, index) => into.push(...figureColumns(figure as JsonObject, index, metrics)));
    } else if (isObject(value)) {
      flatten(value, metrics, column, into);
    } else {
      into.push([column, scalar(value)]);
    }
  }
  return into;
}

export function resultTable(data: unknown): ResultTable | null {
  const found = findList(data as Json, []);
  if (!found) return null;
  const parent = found.parent;
  const metrics = parent && Array.isArray(parent['metrics']) ? parent['metrics'].filter((entry): entry is string => typeof entry === 'string') : [];
  const columns: string[] = [];
  const addColumns = (cells: Array<[string, ResultCell]>) => {
    for (const [column] of cells) if (!columns.includes(column)) columns.push(column);
    return Object.fromEntries(cells);
  };
  const rows = items(found.list).map((item) => addColumns(flatten(item, metrics)));

  let totals: Record<string, ResultCell> | null = null;
  const lastKey = found.path.at(-1);
  if (lastKey === 'rows' && parent && Array.isArray(parent['totals']) && parent['totals'].every(isFigure)) {
    totals = addColumns(parent['totals'].flatMap((figure, index) => figureColumns(figure as JsonObject, index, metrics)));
  }
  return { path: found.path.join('.'), columns, rows, totals };
}
