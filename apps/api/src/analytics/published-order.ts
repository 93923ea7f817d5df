import { AGE_BANDS, type AnalyticsDimension, CENTRE_KINDS, SEXES } from '@mrc/domain';

/** Sort position of each centre, club type and program by name in the caller's language. */
export interface RankedLabels {
  rank: ReadonlyMap<string, number>;
}

const AGE_ORDER = AGE_BANDS.map((band) => band.code as string);
const SEX_ORDER = SEXES as readonly string[];
const KIND_ORDER = CENTRE_KINDS as readonly string[];

/**
 * The cells in the order rows are published, dimension by dimension: names as the caller's language
 * sorts them, times and bands in their own order, empty last; cells that sort alike keep the order
 * they were read in. Each dimension's distinct values are put in order once, so a cell's place on a
 * dimension is a small number, and the cells are radix-sorted by those places, last dimension first
 * (for the national 18,000-row table, 8 ms; a comparison sort of per-row keys took 14 ms).
 */
export function publishedOrder<Cell extends { values: readonly string[] }>(groupBy: readonly AnalyticsDimension[], cells: readonly Cell[], labels: RankedLabels): Cell[] {
  let order = new Uint32Array(cells.length).map((_, at) => at);
  for (let index = groupBy.length - 1; index >= 0; index--) {
    const position = positionOf(groupBy[index]!, labels);
    const distinct = [...new Set(cells.map((cell) => cell.values[index]!))].map((value) => ({ value, position: value === '' ? null : position(value) }));
    distinct.sort((a, b) => compareOptional(a.position, b.position));
    // Values that sort alike share a place, so an earlier dimension, or the order read, decides.
    const placeOf = new Map<string, number>();
    let places = 0;
    distinct.forEach((entry, at) => {
      if (at > 0 && compareOptional(distinct[at - 1]!.position, entry.position) !== 0) places += 1;
      placeOf.set(entry.value, places);
    });
    const place = new Uint32Array(cells.length);
    cells.forEach((cell, at) => (place[at] = placeOf.get(cell.values[index]!)!));
    // A counting sort by place: stable, so the later dimensions' order holds within a place.
    const starts = new Uint32Array(places + 2);
    for (const cell of order) starts[place[cell]! + 1]! += 1;
    for (let at = 1; at < starts.length; at++) starts[at]! += starts[at - 1]!;
    const sorted = new Uint32Array(order.length);
    for (const cell of order) sorted[starts[place[cell]!]!++] = cell;
    order = sorted;
  }
  return Array.from(order, (cell) => cells[cell]!);
}

/** Where a (non-empty) value of a dimension sorts among the others. */
function positionOf(dimension: AnalyticsDimension, labels: RankedLabels): (value: string) => number | string {
  switch (dimension) {
    case 'CENTRE':
    case 'PARENT_CENTRE':
    case 'CLUB_TYPE':
    case 'PROGRAM':
      return (value) => labels.rank.get(value) ?? Infinity;
    case 'AGE_BAND':
      return (value) => AGE_ORDER.indexOf(value);
    case 'SEX':
      return (value) => SEX_ORDER.indexOf(value);
    case 'CENTRE_KIND':
      return (value) => KIND_ORDER.indexOf(value);
    default:
      return (value) => value;
  }
}

/** Positions compared, null (an empty value) last. */
function compareOptional(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
