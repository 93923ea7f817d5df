import { AsyncResource } from 'node:async_hooks';
import {
  ANALYTICS_DIMENSIONS,
  type AnalyticsDimension,
  type AnalyticsMetric,
  analyticsRequestProblems,
  type CoarserTotals,
  DIMENSION_FILTERS,
  type DimensionFilter,
  isSmallNumber,
  type Language,
  metricDefinition,
  periodOf,
  quarterOfMonth,
  suppressSmallNumbers,
} from '@mrc/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PQueue from 'p-queue';
import pg from 'pg';
import type { Logger } from 'pino';
import { type DataSource, type EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { RateLimitedError } from '../auth/rate-limits.js';
import { today } from '../common/dates.js';
import { AppError, describeFields, type FieldProblems } from '../common/errors.js';
import { COLLATION, localisedNameSql } from '../common/localisation.js';
import { ROOT_LOGGER } from '../common/logging.js';
import { problem } from '../common/problems.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import type { RequestLoaders } from '../graphql/request-context.js';
import { type AggregateScope, recordIdsSql, reportFiguresSql, reportingSql, rolloutSql, type SqlStatement } from './analytics-queries.js';
import { publishedOrder, type RankedLabels } from './published-order.js';
import type { AnalyticsArgs } from './dto/analytics.inputs.js';
import type { AnalyticsTable } from './dto/analytics.objects.js';
import { type PublishedCell, type PublishedTable, PublishedRow, publishedValue, round1, type RowRecords } from './published-row.js';

/** The longest range one aggregate covers: twenty years of months. */
const MAX_MONTHS = 240;

/** What a caller refused because the queue is full is told to wait before asking again. */
const WAIT_WHEN_FULL_SECONDS = 5;

/** PostgreSQL's "canceling statement due to statement timeout" (or "due to user request": our own cancel). */
const QUERY_CANCELED = '57014';

/** How long a cancel waits for its own connection; meanwhile the read holds its slot, as without a cancel. */
const CANCEL_CONNECT_TIMEOUT_MS = 5_000;

/**
 * One combination of the dimensions before it is published: its values (in groupBy order) and one
 * figure per metric, in the order asked (undefined: no source had one). Arrays, not maps: a national
 * table has tens of thousands of cells, and a map per cell cost more to build and collect than the
 * figures did.
 */
interface RawCell extends PublishedCell {
  values: string[];
  figures: (number | null | undefined)[];
}

/** The cells of a table before they are published, by key (their values joined with KEY_SEPARATOR). */
interface RawTable {
  cells: Map<string, RawCell>;
  /** The whole table's figure per metric, in the order asked. */
  totals: (number | null | undefined)[];
}

/** What one aggregate reads in its snapshot. */
interface Snapshot {
  /** Settles once the records the rows can name are in the request's loaders (preloadRecords). */
  recordsLoaded: Promise<void>;
  current: RawTable;
  /** The same table twelve months earlier, with `compareWithYearBefore`. */
  before: RawTable | null;
  labels: Labels;
  dataChangedAt: Date;
  computedAt: Date;
}

/** What publishing a table withholds: per metric (by its position in the order asked), the cells and the total. */
interface Withheld {
  cell(cell: PublishedCell, metricIndex: number): boolean;
  total(metricIndex: number): boolean;
}

interface Labels extends RankedLabels {
  rank: Map<string, number>;
  parentOf: Map<string, string>;
  kindOf: Map<string, string>;
}

const KEY_SEPARATOR = '\u0000';
const ROLLOUT_COLUMNS = { ROLLOUT_PLANNED: 'planned', ROLLOUT_DUE: 'due', ROLLOUT_LAUNCHED: 'launched' } as const;
const REPORTING_COLUMNS = { REPORTS_EXPECTED: 'expected', REPORTS_RECEIVED: 'received', REPORTS_ON_TIME: 'on_time' } as const;

/**
 * Aggregates for analysts: reads the figures of every source a request needs in one read-only
 * snapshot (so the sources agree with each other and with `dataChangedAt`), joins them by their
 * dimensions, withholds small numbers (packages/domain/src/analytics.ts), and orders the rows.
 *
 * Heavy questions must not slow the coordinators down: at most `concurrency` aggregates read at
 * once (the rest queue, keeping most of the connection pool for everyone else), and each statement
 * stops at the statement timeout with a BAD_USER_INPUT that says how to narrow the question. The
 * queue is bounded too (`maxWaiting`: beyond it, RATE_LIMITED with a time to come back), and a
 * caller who leaves while waiting leaves the queue, or while reading has its statement cancelled,
 * so a burst of abandoned questions is not computed for nobody.
 */
@Injectable()
export class AnalyticsService {
  private readonly slots: PQueue;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly log: Logger,
  ) {
    this.slots = new PQueue({ concurrency: config.analytics.concurrency });
  }

  /** `callerGone` aborts when the caller stops waiting for the answer (its connection closed). */
  async table(args: AnalyticsArgs, language: Language, loaders: RequestLoaders, callerGone?: AbortSignal): Promise<AnalyticsTable> {
    const { metrics, groupBy } = args;
    const range = this.range(args);
    const scope = this.scope(args, range);
    const yearBefore = args.compareWithYearBefore ? this.scope(args, { from: shiftMonth(range.from, -12), to: shiftMonth(range.to, -12) }) : null;

    const snapshot = async (manager: EntityManager): Promise<Snapshot> => {
      // Never rejects: an aggregate that fails leaves nothing unheard behind.
      const recordsLoaded = this.preloadRecords(groupBy, scope, loaders);
      const [current, before, labels, changedAt] = [
        await this.rawTable(manager, metrics, groupBy, scope),
        yearBefore ? await this.rawTable(manager, metrics, groupBy, yearBefore) : null,
        await this.labels(manager, groupBy, language),
        (await manager.query(`SELECT changed_at, now() AS read_at FROM analytics_freshness`)) as { changed_at: Date; read_at: Date }[],
      ];
      return { recordsLoaded, current, before, labels, dataChangedAt: changedAt[0]?.changed_at ?? new Date(0), computedAt: changedAt[0]?.read_at ?? new Date() };
    };
    return this.inSlot(callerGone, snapshot, (read) => this.build(read, args, range, loaders));
  }

  /** The published table of a snapshot: withheld cells, rows in order, the records they name. */
  private async build(read: Snapshot, args: AnalyticsArgs, range: { from: string; to: string }, loaders: RequestLoaders): Promise<AnalyticsTable> {
    const { metrics, groupBy } = args;
    const rowCount = read.current.cells.size;
    if (rowCount > this.config.analytics.maxRows) throw tooManyRows(rowCount, this.config.analytics.maxRows);

    const threshold = this.config.analytics.suppressionThreshold;
    const within = coarserTotals(groupBy, read.labels);
    const withheld = withhold(read.current, groupBy, metrics, threshold, within);
    // The year before is its own table, protected on its own, then laid beside this year's cells.
    const before = read.before;
    const withheldBefore = before ? withhold(before, groupBy, metrics, threshold, within) : null;
    const beforeKey = (key: readonly string[]) => key.map((value, index) => shiftTimeValue(groupBy[index]!, value, -1)).join(KEY_SEPARATOR);

    const beforeOf = (cell: PublishedCell) => {
      const earlier = before?.cells.get(beforeKey(cell.values));
      return earlier && { cell: earlier, withheld: (metricIndex: number) => withheldBefore!.cell(earlier, metricIndex) };
    };
    const ordered = publishedOrder(groupBy, [...read.current.cells.values()], read.labels);
    // Awaited before the rows look their records up: its statements belong to this answer (X-SQL-Statements), none run on after it.
    await read.recordsLoaded;
    const table: PublishedTable = {
      groupBy,
      metrics,
      records: await this.records(groupBy, ordered.map((cell) => cell.values), loaders),
      withheld: withheld.cell,
      yearBefore: beforeOf,
    };
    const rows = ordered.map((cell) => new PublishedRow(table, cell));
    // Without compareWithYearBefore the year before is null and not withheld.
    const totals = metrics.map((metric, m) => publishedValue(metric, read.current.totals[m] ?? null, withheld.total(m), before?.totals[m] ?? null, withheldBefore?.total(m) ?? false));
    let suppressedCount = totals.filter((total) => total.suppressed).length;
    for (const cell of ordered) metrics.forEach((_, m) => (suppressedCount += withheld.cell(cell, m) ? 1 : 0));

    return {
      metrics,
      groupBy,
      from: range.from,
      to: range.to,
      rows,
      rowCount,
      totals,
      suppressionThreshold: threshold,
      suppressedCount,
      computedAt: read.computedAt,
      dataChangedAt: read.dataChangedAt,
    };
  }

  /**
   * Loads, into the request's loaders, every centre, club type and program the rows can name, on
   * connections of the pool while PostgreSQL aggregates on the snapshot's: the rows then find their
   * records loaded instead of waiting for them after the aggregate, 25-75 ms of a national table.
   * Two short statements (the ids, then the records) beside each aggregate. Never rejects: should
   * it fail, `records` loads what the rows name after the aggregate, as it did before.
   */
  private async preloadRecords(groupBy: readonly AnalyticsDimension[], scope: AggregateScope, loaders: RequestLoaders): Promise<void> {
    try {
      const statement = recordIdsSql(groupBy, scope);
      if (!statement) return;
      const rows = (await this.dataSource.query(statement.sql, statement.parameters)) as { record: 'centre' | 'club_type' | 'program'; id: string }[];
      const idsOf = (record: string) => rows.filter((row) => row.record === record).map((row) => row.id);
      await Promise.all([loaders.centres.byId.loadMany(idsOf('centre')), loaders.clubs.typeById.loadMany(idsOf('club_type')), loaders.programs.byId.loadMany(idsOf('program'))]);
    } catch (error) {
      this.log.debug({ err: error }, 'Could not load the records of an aggregate beforehand; its rows load them after it');
    }
  }

  /** The centres, club types and programs the rows name, loaded in one batch each. */
  private async records(groupBy: readonly AnalyticsDimension[], keys: string[][], loaders: RequestLoaders): Promise<RowRecords> {
    const idsOf = (dimensions: AnalyticsDimension[]) => {
      const ids = new Set<string>();
      groupBy.forEach((dimension, index) => {
        if (!dimensions.includes(dimension)) return;
        for (const key of keys) if (key[index]) ids.add(key[index]);
      });
      return [...ids];
    };
    const load = async <T>(ids: string[], loader: { loadMany(ids: string[]): Promise<(T | null | Error)[]> }) => {
      const found = await loader.loadMany(ids);
      return new Map(ids.map((id, index) => [id, found[index] instanceof Error ? null : (found[index] ?? null)] as const));
    };
    const [centres, clubTypes, programs] = await Promise.all([
      load(idsOf(['CENTRE', 'PARENT_CENTRE']), loaders.centres.byId),
      load(idsOf(['CLUB_TYPE']), loaders.clubs.typeById),
      load(idsOf(['PROGRAM']), loaders.programs.byId),
    ]);
    return { centres, clubTypes, programs };
  }

  /** Checks the request and fills in the default range: the twelve months up to the last that ended. */
  private range(args: AnalyticsArgs): { from: string; to: string } {
    // By default the twelve months up to the last that ended, or the last four whole quarters or the
    // last whole year when grouped by them, so no period is compared half-counted.
    const periodMonths = args.groupBy.includes('YEAR') ? 12 : args.groupBy.includes('QUARTER') ? 3 : 1;
    const to = args.filter?.to ?? lastWholePeriodEnd(periodMonths);
    // Quarterly reports are counted by their first month: a range starts where its first quarter does.
    const asked = args.filter?.from ?? shiftMonth(to, -11);
    const from = this.config.reporting.periodType === 'QUARTERLY' ? periodOf(`${asked}-01`, 'QUARTERLY') : asked;
    const filters = (Object.keys(DIMENSION_FILTERS) as DimensionFilter[]).filter((name) => (args.filter?.[name]?.length ?? 0) > 0);
    const fields: FieldProblems = {};
    for (const found of analyticsRequestProblems({ metrics: args.metrics, groupBy: args.groupBy, filters, from, to })) {
      switch (found.code) {
        case 'noMetrics':
          fields['metrics'] = problem('minLength');
          break;
        case 'repeatedMetric':
          fields['metrics'] = problem('listedTwice');
          break;
        case 'repeatedDimension':
          fields['groupBy'] = problem('listedTwice');
          break;
        case 'dimensionNotForMetric':
          fields['groupBy'] ??= problem('dimensionNotForMetric', { metric: found.metric, dimension: found.dimension });
          break;
        case 'filterNotForMetric':
          fields[`filter.${found.filter}`] ??= problem('filterNotForMetric', { metric: found.metric, dimension: found.dimension });
          break;
        case 'rangeReversed':
          fields['filter.from'] = problem('fromAfterTo');
          break;
      }
    }
    if (!fields['filter.from'] && monthsBetween(from, to) > MAX_MONTHS) fields['filter.from'] = problem('tooManyPeriods', { max: MAX_MONTHS });
    if (Object.keys(fields).length > 0) {
      throw new AppError('BAD_USER_INPUT', `The aggregate cannot be answered as asked. Check: ${Object.keys(fields).join(', ')}.`, describeFields(fields));
    }
    return { from, to };
  }

  private scope(args: AnalyticsArgs, range: { from: string; to: string }): AggregateScope {
    const filter = args.filter;
    return {
      fromDay: `${range.from}-01`,
      untilDay: `${shiftMonth(range.to, 1)}-01`,
      centreIds: filter?.centreIds,
      includeSubtree: filter?.includeSubtree ?? false,
      centreKinds: filter?.centreKinds,
      clubTypeIds: filter?.clubTypeIds,
      programIds: filter?.programIds,
      ageBands: filter?.ageBands,
      sexes: filter?.sexes,
      rowLimit: this.config.analytics.maxRows + 1,
    };
  }

  /**
   * In one of the analytics slots: reads with `work` in a read-only snapshot, then turns what it
   * read into the table with `build`. The slot is held through both, as the table built from a
   * national read is as large as the read: with the slot, at most ANALYTICS_CONCURRENCY of them are
   * built at once, however many analysts ask. (Its rows are written to JSON after, as the answer
   * leaves, reading their cells as they go.)
   */
  private inSlot<T, R>(callerGone: AbortSignal | undefined, work: (manager: EntityManager) => Promise<T>, build: (read: T) => Promise<R>): Promise<R> {
    // Refused only when it would have to wait and the waiting room is full (0: no waiting at all).
    if (this.slots.pending >= this.config.analytics.concurrency && this.slots.size >= this.config.analytics.maxWaiting) {
      throw new RateLimitedError(`The queue of aggregates is full (${this.slots.size} waiting): ask again in a few seconds.`, WAIT_WHEN_FULL_SECONDS);
    }
    // While waiting, the task leaves the queue; once it runs, `read` cancels its statement.
    const waiting = new AbortController();
    let started = false;
    const leave = () => {
      if (!started) waiting.abort(callerLeft());
    };
    callerGone?.addEventListener('abort', leave, { once: true });
    // Gone already (an abort before the listener is never heard again): the task leaves at once.
    if (callerGone?.aborted) leave();
    // Bound to this request's async context: a queued read starts when another finishes, and would
    // otherwise run (and count its statements, X-SQL-Statements) as part of that other request.
    return this.slots.add(AsyncResource.bind(async () => {
      started = true;
      callerGone?.removeEventListener('abort', leave);
      return build(await this.read(work, callerGone));
    }), { signal: waiting.signal });
  }

  /**
   * Runs `work` in a read-only snapshot under the statement timeout, with room to aggregate in memory.
   * When the caller leaves meanwhile, the statement running is cancelled, so an abandoned national
   * aggregate gives its slot and connection back at once instead of at its end.
   */
  private async read<T>(work: (manager: EntityManager) => Promise<T>, callerGone?: AbortSignal): Promise<T> {
    const timeoutMs = this.config.analytics.statementTimeoutMs;
    if (callerGone?.aborted) throw callerLeft();
    try {
      return await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        await manager.query(`SET TRANSACTION READ ONLY`);
        // PostgreSQL's default work_mem (4 MB) made a national aggregate at ten times the size
        // sort a million facts on disk (1.1 s) where a hash in memory takes 0.6 s. Per aggregate,
        // and at most ANALYTICS_CONCURRENCY at once, so the server's memory stays bounded.
        const [settings] = (await manager.query(`SELECT set_config('statement_timeout', $1, true), set_config('work_mem', $2, true), pg_backend_pid() AS backend`, [
          String(timeoutMs),
          `${this.config.analytics.workMemMb}MB`,
        ])) as { backend: number }[];
        const cancelling = this.cancelWhenGone(settings!.backend, callerGone);
        try {
          // Gone before the listener was set: nothing would cancel what follows.
          if (callerGone?.aborted) throw callerLeft();
          return await work(manager);
        } finally {
          await cancelling.settled();
        }
      });
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code === QUERY_CANCELED) {
        // The same code for our own cancel and for the statement timeout.
        if (callerGone?.aborted) throw callerLeft();
        throw limitError('STATEMENT_TIMEOUT', { filter: problem('queryTooSlow', { seconds: timeoutMs / 1000 }) }, { timeoutMs });
      }
      throw error;
    }
  }

  /**
   * Cancels the statement running on the read's connection (PostgreSQL process `backend`) when the
   * caller leaves: pg_cancel_backend over a connection of its own, not one from the pool, which may
   * be taken by the very requests waiting for this read's slot. PostgreSQL ignores a cancel that
   * finds the connection between statements; `settled` is awaited before the connection goes back
   * to the pool, so a cancel never reaches the next request's statement.
   */
  private cancelWhenGone(backend: number, callerGone: AbortSignal | undefined): { settled(): Promise<void> } {
    if (!callerGone) return { settled: async () => undefined };
    let sent: Promise<void> | undefined;
    const cancel = () => {
      sent = cancelBackend((this.dataSource.options as { url: string }).url, backend).catch((error: unknown) => {
        this.log.warn({ err: error, backend }, 'Could not cancel the aggregate of a caller who left; it runs to its end');
      });
    };
    callerGone.addEventListener('abort', cancel, { once: true });
    return {
      settled: async () => {
        callerGone.removeEventListener('abort', cancel);
        await sent;
      },
    };
  }

  /** Reads every source the metrics need and joins them by their dimension keys. */
  private async rawTable(manager: EntityManager, metrics: readonly AnalyticsMetric[], groupBy: readonly AnalyticsDimension[], scope: AggregateScope): Promise<RawTable> {
    const table: RawTable = { cells: new Map(), totals: [] };
    const position = new Map(metrics.map((metric, index) => [metric, index]));
    const columns = groupBy.map((_, index) => `d${index}`);
    // A dimension has few distinct values (300 centres, 60 months) in many rows: the cells keep one
    // string of each, and the driver's copies die young, where the garbage collector is cheapest.
    const interned = columns.map(() => new Map<string, string>());
    const put = (row: Record<string, unknown>, metric: AnalyticsMetric, value: number | null) => {
      const values = columns.map((column, index) => {
        const read = String(row[column] ?? '');
        const kept = interned[index]!.get(read);
        if (kept !== undefined) return kept;
        interned[index]!.set(read, read);
        return read;
      });
      const key = values.join(KEY_SEPARATOR);
      let cell = table.cells.get(key);
      if (!cell) {
        cell = { values, figures: new Array<number | null | undefined>(metrics.length).fill(undefined) };
        table.cells.set(key, cell);
      }
      cell.figures[position.get(metric)!] = value;
    };
    const maxRows = this.config.analytics.maxRows;
    const run = async (statement: SqlStatement, onRow: (row: Record<string, unknown>) => void) => {
      const rows = await eachRow(manager, statement, onRow);
      // A source that filled its LIMIT was cut short: the table is over the limit, whatever the rest says.
      if (rows >= statement.limit) throw tooManyRows(maxRows + 1, maxRows);
    };

    const figureMetrics = metrics.filter((metric) => metricDefinition(metric).source === 'REPORT_FIGURES');
    if (figureMetrics.length > 0) {
      await run(reportFiguresSql(figureMetrics, groupBy, scope), (row) => put(row, row['metric'] as AnalyticsMetric, Number(row['value'])));
    }

    const reportingMetrics = metrics.filter((metric) => metricDefinition(metric).source === 'REPORTING') as (keyof typeof REPORTING_COLUMNS)[];
    if (reportingMetrics.length > 0) {
      const reporting = { ...this.config.reporting, today: today() };
      await run(reportingSql(groupBy, scope, reporting), (row) => {
        for (const metric of reportingMetrics) put(row, metric, Number(row[REPORTING_COLUMNS[metric]]));
      });
    }

    const rolloutMetrics = metrics.filter((metric) => metricDefinition(metric).source === 'ROLLOUT');
    if (rolloutMetrics.length > 0) {
      const rolloutRow = (row: Record<string, unknown>, set: (metric: AnalyticsMetric, value: number | null) => void) => {
        for (const metric of rolloutMetrics) {
          if (metric === 'ROLLOUT_COVERAGE_PERCENT') {
            const planned = Number(row['planned']);
            set(metric, planned === 0 ? null : round1((Number(row['launched']) / planned) * 100));
          } else {
            set(metric, Number(row[ROLLOUT_COLUMNS[metric as keyof typeof ROLLOUT_COLUMNS]]));
          }
        }
      };
      await run(rolloutSql(groupBy, scope, today()), (row) => rolloutRow(row, (metric, value) => put(row, metric, value)));
      // A plan is a state, not a flow: its total is the state at the end of the range, not a sum over periods.
      await run(rolloutSql([], scope, today()), (whole) => rolloutRow(whole, (metric, value) => (table.totals[position.get(metric)!] = value)));
    }

    metrics.forEach((_, m) => {
      if (table.totals[m] !== undefined) return;
      let total = 0;
      for (const cell of table.cells.values()) total += cell.figures[m] ?? 0;
      table.totals[m] = total;
    });
    return table;
  }

  /** Sort positions by name in the caller's language, and the centres' parents and kinds (for the coarser totals). */
  private async labels(manager: EntityManager, groupBy: readonly AnalyticsDimension[], language: Language): Promise<Labels> {
    const labels: Labels = { rank: new Map(), parentOf: new Map(), kindOf: new Map() };
    const tables = [
      groupBy.some((dimension) => dimension === 'CENTRE' || dimension === 'PARENT_CENTRE') ? 'centre' : null,
      groupBy.includes('CLUB_TYPE') ? 'club_type' : null,
      groupBy.includes('PROGRAM') ? 'program' : null,
    ].filter((table): table is string => table !== null);
    if (tables.length === 0) return labels;
    const union = tables
      .map((table) => `SELECT id, ${table === 'centre' ? 'parent_id::text, kind' : 'NULL::text, NULL::text'}, ${localisedNameSql(table, language)} AS label FROM ${table}`)
      .join(' UNION ALL ');
    const rows = (await manager.query(
      `SELECT id::text, parent_id, kind, row_number() OVER (ORDER BY label COLLATE "${COLLATION[language]}", id) AS rank FROM (${union}) AS named (id, parent_id, kind, label)`,
    )) as { id: string; parent_id: string | null; kind: string | null; rank: string }[];
    for (const row of rows) {
      labels.rank.set(row.id, Number(row.rank));
      if (row.kind) labels.kindOf.set(row.id, row.kind);
      if (row.parent_id) labels.parentOf.set(row.id, row.parent_id);
    }
    return labels;
  }
}

/**
 * Withholds small numbers metric by metric, as the domain's rule says. The cells go to the rule in
 * one canonical order (dimensions in ANALYTICS_DIMENSIONS order, then by value), so asking for the
 * same table with its dimensions in another order, or receiving rows in another order from
 * PostgreSQL, hides the same cells.
 */
function withhold(table: RawTable, groupBy: readonly AnalyticsDimension[], metrics: readonly AnalyticsMetric[], threshold: number, within: CoarserTotals): Withheld {
  const canonical = groupBy.map((dimension, index) => ({ dimension, index })).sort((a, b) => ANALYTICS_DIMENSIONS.indexOf(a.dimension) - ANALYTICS_DIMENSIONS.indexOf(b.dimension));
  const canonicalWithin = canonical.map(({ index }) => within[index] ?? []);
  // Usually groupBy is in canonical order already, and a cell's key is its canonical sort key.
  const inCanonicalOrder = canonical.every(({ index }, position) => index === position);
  const inCanonicalSort = () =>
    [...table.cells.entries()]
      .map(([key, cell]) => {
        const canonicalKey = inCanonicalOrder ? cell.values : canonical.map(({ index }) => cell.values[index]!);
        return { cell, canonicalKey, sortKey: inCanonicalOrder ? key : canonicalKey.join(KEY_SEPARATOR) };
      })
      .sort((a, b) => compareTexts(a.sortKey, b.sortKey));
  let cells: ReturnType<typeof inCanonicalSort> | undefined;
  const hiddenCells: (Set<PublishedCell> | undefined)[] = [];
  const hiddenTotals: boolean[] = [];
  metrics.forEach((metric, m) => {
    if (!metricDefinition(metric).protected) return;
    // Without a small cell the rule hides no cell, and the total only if it is small itself: the
    // canonical order only breaks the rule's ties, and sorting a national table for none cost more
    // than the rest of withholding.
    let total = 0;
    let anySmall = false;
    for (const cell of table.cells.values()) {
      const figure = cell.figures[m];
      if (figure == null) continue;
      total += figure;
      anySmall ||= isSmallNumber(figure, threshold);
    }
    if (!anySmall) {
      hiddenTotals[m] = isSmallNumber(total, threshold);
      return;
    }
    cells ??= inCanonicalSort();
    const withFigure = cells.filter(({ cell }) => cell.figures[m] != null);
    const result = suppressSmallNumbers(
      withFigure.map(({ cell, canonicalKey }) => ({ key: canonicalKey, value: cell.figures[m]! })),
      threshold,
      canonicalWithin,
    );
    hiddenCells[m] = new Set(withFigure.filter((_, index) => result.reasons[index] !== null).map(({ cell }) => cell));
    hiddenTotals[m] = result.totalSuppressed;
  });
  return {
    cell: (cell, metricIndex) => hiddenCells[metricIndex]?.has(cell) ?? false,
    total: (metricIndex) => hiddenTotals[metricIndex] ?? false,
  };
}

const compareTexts = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The sums a query grouped more coarsely would publish: months in their quarter and year, centres under their parent and of their kind. */
function coarserTotals(groupBy: readonly AnalyticsDimension[], labels: Labels): CoarserTotals {
  return groupBy.map((dimension) => {
    switch (dimension) {
      case 'MONTH':
        return [quarterOfMonth, (month: string) => month.slice(0, 4)];
      case 'QUARTER':
        return [(quarter: string) => quarter.slice(0, 4)];
      case 'CENTRE':
        return [(centre: string) => labels.parentOf.get(centre) ?? '', (centre: string) => labels.kindOf.get(centre) ?? ''];
      default:
        return [];
    }
  });
}

/** A time dimension's value moved by whole years (`YYYY-MM`, `YYYY-Qn`, `YYYY`); others unchanged. */
function shiftTimeValue(dimension: AnalyticsDimension, value: string, years: number): string {
  if (value === '' || (dimension !== 'MONTH' && dimension !== 'QUARTER' && dimension !== 'YEAR')) return value;
  return `${String(Number(value.slice(0, 4)) + years).padStart(4, '0')}${value.slice(4)}`;
}

/** The last month of the last whole period of `months` months (1, 3 or 12) that has ended. */
function lastWholePeriodEnd(months: 1 | 3 | 12): string {
  const current = periodOf(today(), 'MONTHLY');
  const periodStart = months === 12 ? `${current.slice(0, 4)}-01` : months === 3 ? periodOf(`${current}-01`, 'QUARTERLY') : current;
  return shiftMonth(periodStart, -1);
}

function shiftMonth(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/**
 * Runs a statement in the manager's transaction and hands each row to `onRow` as the driver reads
 * it, rather than all of them in one array at the end: a national source is 18,000 rows, and held
 * together until the last arrived they all outlived the young generation. Counted as TypeORM's own
 * statements are (X-SQL-Statements), and a database error wrapped as TypeORM wraps it
 * (QueryFailedError, read by format-error.ts). Resolves to the number of rows.
 */
async function eachRow(manager: EntityManager, statement: SqlStatement, onRow: (row: Record<string, unknown>) => void): Promise<number> {
  const runner = manager.queryRunner!;
  // As TypeORM's own query: a released runner's connection may be another request's by now.
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const client = (await runner.connect()) as pg.ClientBase;
  manager.dataSource.logger.logQuery(statement.sql, statement.parameters, runner);
  return new Promise((resolve, reject) => {
    const query = new pg.Query(statement.sql, statement.parameters);
    let rows = 0;
    // A throw inside the driver's row event would break the connection: the first one is kept,
    // the rows after it are skipped, and the statement ends before it is reported.
    let failed: { error: unknown } | undefined;
    query.on('row', (row: Record<string, unknown>) => {
      rows += 1;
      if (failed) return;
      try {
        onRow(row);
      } catch (error) {
        failed = { error };
      }
    });
    query.on('error', (error) => reject(new QueryFailedError(statement.sql, statement.parameters, error)));
    query.on('end', () => (failed ? reject(failed.error) : resolve(rows)));
    void client.query(query);
  });
}

/** pg_cancel_backend over a short-lived connection: a caller leaving mid-aggregate is rare. */
async function cancelBackend(url: string, backend: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CANCEL_CONNECT_TIMEOUT_MS });
  // A connection error between the calls would otherwise be an unhandled 'error' event; the calls reject anyway.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_cancel_backend($1)', [backend]);
  } finally {
    await client.end();
  }
}

/** Said to no one, as the caller has gone: ends an aggregate whose caller left, waiting or reading. */
function callerLeft(): AppError {
  return new AppError('RATE_LIMITED', 'The caller left before its aggregate was computed.', { retryAfter: 0 });
}

function tooManyRows(rows: number, maxRows: number): AppError {
  return limitError('ROWS', { groupBy: problem('tooManyRows', { rows, max: maxRows }) }, { rows, maxRows });
}

/** A limit the caller hit, named in `extensions.limit`, with how to narrow the question at the field. */
function limitError(limit: 'ROWS' | 'STATEMENT_TIMEOUT', fields: FieldProblems, details: Record<string, number>): AppError {
  const message =
    limit === 'ROWS'
      ? `The aggregate would have ${details['rows']} rows, more than ${details['maxRows']}: group by fewer dimensions (or coarser ones, QUARTER instead of MONTH) or narrow the filter.`
      : `The aggregate took longer than ${(details['timeoutMs'] ?? 0) / 1000} s and was stopped so it does not slow others down: narrow the months or centres, or group by fewer dimensions.`;
  return new AppError('BAD_USER_INPUT', message, { ...describeFields(fields), limit, ...details });
}
