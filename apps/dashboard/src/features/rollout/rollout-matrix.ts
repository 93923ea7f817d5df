import { LAUNCHED_STATUSES, type RolloutStatus } from '@mrc/domain';
import type { RolloutMatrixQuery } from '../../gql/graphql';
import { NETWORK_TIME_ZONE } from '../overview/overview-kpis';

export type MatrixItem = RolloutMatrixQuery['rolloutItems']['nodes'][number];

export interface MatrixColumn {
  id: string;
  name: string;
}

export interface MatrixRow {
  centre: { id: string; name: string };
  /** One per column, in the columns' order; null where the district has no item for the type. */
  cells: Array<MatrixItem | null>;
  /** Club types running in the district (launched or active) of those on its plan (not cancelled). */
  running: number;
  planned: number;
}

export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/**
 * The districts × club types grid from the list of items. Districts keep the API's order (by name
 * in the UI language); club types are put in name order, as the catalogue lists them.
 */
export function buildMatrix(items: readonly MatrixItem[], language: string): Matrix {
  const types = new Map<string, MatrixColumn>();
  const centres = new Map<string, { centre: { id: string; name: string }; byType: Map<string, MatrixItem> }>();
  for (const item of items) {
    if (!types.has(item.clubType.id)) types.set(item.clubType.id, { id: item.clubType.id, name: item.clubType.name });
    let row = centres.get(item.centre.id);
    if (!row) {
      row = { centre: { id: item.centre.id, name: item.centre.name }, byType: new Map() };
      centres.set(item.centre.id, row);
    }
    row.byType.set(item.clubType.id, item);
  }
  const collator = new Intl.Collator(language);
  const columns = [...types.values()].sort((a, b) => collator.compare(a.name, b.name));
  const rows = [...centres.values()].map(({ centre, byType }) => {
    const cells = columns.map((column) => byType.get(column.id) ?? null);
    const onPlan = cells.filter((cell): cell is MatrixItem => cell !== null && cell.status !== 'CANCELLED');
    return { centre, cells, planned: onPlan.length, running: onPlan.filter((cell) => isRunning(cell.status)).length };
  });
  return { columns, rows };
}

export function isRunning(status: RolloutStatus): boolean {
  return LAUNCHED_STATUSES.includes(status);
}

/** The late items, the longest overdue first (then by district and type, as the matrix reads). */
export function lateItems(items: readonly MatrixItem[]): MatrixItem[] {
  return items.filter((item) => item.late).sort((a, b) => (a.plannedOn ?? '').localeCompare(b.plannedOn ?? ''));
}

/** Whole days from `from` to `to` (ISO dates); never turned into local times, so no time zone shifts it. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today in the network's time zone, as an ISO date (`2026-11-26`). */
export function networkToday(now: Date = new Date(), timeZone: string = NETWORK_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
