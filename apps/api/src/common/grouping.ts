/**
 * For list DataLoaders: rows fetched for many parents at once, handed back as one list per key, in
 * the order of the keys (an empty list where a parent has none) and the rows' own order within each.
 */
export function groupByKey<Row, Node>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string, toNode: (row: Row) => Node): Node[][] {
  const grouped = new Map<string, Node[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(toNode(row));
  return keys.map((key) => grouped.get(key) ?? []);
}
