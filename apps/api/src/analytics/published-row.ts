import type { AgeBand, AnalyticsDimension, AnalyticsMetric, CentreKind, Sex } from '@mrc/domain';
import type { Centre } from '../centres/dto/centre.object.js';
import type { ClubType } from '../clubs/dto/club.objects.js';
import type { Program } from '../programs/dto/program.objects.js';
import type { AnalyticsRow, AnalyticsValue } from './dto/analytics.objects.js';

/** One combination of the dimensions as read: its values (in groupBy order) and a figure per metric (in the order asked). */
export interface PublishedCell {
  readonly values: readonly string[];
  readonly figures: readonly (number | null | undefined)[];
}

/** What every row of one published table shares. */
export interface PublishedTable {
  readonly groupBy: readonly AnalyticsDimension[];
  readonly metrics: readonly AnalyticsMetric[];
  readonly records: RowRecords;
  /** Whether publishing withholds the cell's figure of the metric at `metricIndex`. */
  withheld(cell: PublishedCell, metricIndex: number): boolean;
  /** The same cell a year before, with whether each of its figures is withheld; undefined without one. */
  yearBefore(cell: PublishedCell): { cell: PublishedCell; withheld(metricIndex: number): boolean } | undefined;
}

/** The centres, club types and programs a table's rows name, by id. */
export interface RowRecords {
  centres: ReadonlyMap<string, Centre | null>;
  clubTypes: ReadonlyMap<string, ClubType | null>;
  programs: ReadonlyMap<string, Program | null>;
}

/**
 * A row of a published table, its fields read off its cell when asked rather than set beforehand.
 * A national table is 18,000 rows, written once to JSON: rows built whole (a dozen fields, a list
 * and an object per figure) were all kept to the end of the request, and copied and promoted by
 * the garbage collector on the way; read when written, the same objects die young.
 */
export class PublishedRow implements AnalyticsRow {
  constructor(
    private readonly table: PublishedTable,
    private readonly cell: PublishedCell,
  ) {}

  get centre(): Centre | null {
    return this.record(this.table.records.centres, 'CENTRE');
  }

  get parentCentre(): Centre | null {
    return this.record(this.table.records.centres, 'PARENT_CENTRE');
  }

  get clubType(): ClubType | null {
    return this.record(this.table.records.clubTypes, 'CLUB_TYPE');
  }

  get program(): Program | null {
    return this.record(this.table.records.programs, 'PROGRAM');
  }

  get centreKind(): CentreKind | null {
    return this.value('CENTRE_KIND') as CentreKind | null;
  }

  get month(): string | null {
    return this.value('MONTH');
  }

  get quarter(): string | null {
    return this.value('QUARTER');
  }

  get year(): number | null {
    const year = this.value('YEAR');
    return year === null ? null : Number(year);
  }

  get ageBand(): AgeBand | null {
    return this.value('AGE_BAND') as AgeBand | null;
  }

  get sex(): Sex | null {
    return this.value('SEX') as Sex | null;
  }

  get values(): AnalyticsValue[] {
    const { cell, table } = this;
    const before = table.yearBefore(cell);
    return table.metrics.map((metric, m) => publishedValue(metric, cell.figures[m] ?? null, table.withheld(cell, m), before?.cell.figures[m] ?? null, before?.withheld(m) ?? false));
  }

  /** The row's value of a dimension; null when the table is not grouped by it, or the cell has none. */
  private value(dimension: AnalyticsDimension): string | null {
    const index = this.table.groupBy.indexOf(dimension);
    return index < 0 ? null : this.cell.values[index] || null;
  }

  private record<T>(records: ReadonlyMap<string, T | null>, dimension: AnalyticsDimension): T | null {
    const id = this.value(dimension);
    return id === null ? null : (records.get(id) ?? null);
  }
}

/**
 * One metric's published figure: null when withheld, with the year before beside it (null when not
 * asked, absent or withheld there) and the change between them.
 */
export function publishedValue(metric: AnalyticsMetric, value: number | null, suppressed: boolean, beforeValue: number | null, beforeSuppressed: boolean): AnalyticsValue {
  const yearBefore = beforeSuppressed ? null : beforeValue;
  return {
    metric,
    value: suppressed ? null : value,
    suppressed,
    yearBefore,
    yearBeforeSuppressed: beforeSuppressed,
    changePercent: !suppressed && value !== null && yearBefore ? round1(((value - yearBefore) / yearBefore) * 100) : null,
  };
}

/** A percentage as published: to one decimal. */
export const round1 = (value: number) => Math.round(value * 10) / 10;
