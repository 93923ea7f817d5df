import { AGE_BANDS, type AnalyticsDimension, type AnalyticsMetric } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { formatPeriod } from '../reports/report-period';
import { DIMENSION_FIELDS, type AnalyticsRowData } from './analytics-query';

/** A dimension's value in a row, in words, with the page it links to when it has one. */
export interface DimensionLabel {
  text: string;
  href?: string;
  /** Stable across languages: the chart and the table key rows by it. */
  key: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function dimensionLabel(row: AnalyticsRowData, dimension: AnalyticsDimension, t: TFunction): DimensionLabel {
  const none = { text: t('analytics.none'), key: '' };
  switch (dimension) {
    case 'CENTRE':
    case 'PARENT_CENTRE': {
      const centre = dimension === 'CENTRE' ? row.centre : row.parentCentre;
      return centre ? { text: centre.name, href: `/centres/${encodeURIComponent(centre.id)}`, key: centre.id } : none;
    }
    case 'CLUB_TYPE':
      return row.clubType ? { text: row.clubType.name, href: `/catalogue/club-types/${encodeURIComponent(row.clubType.id)}`, key: row.clubType.id } : none;
    case 'PROGRAM':
      return row.program ? { text: row.program.name, href: `/catalogue/programs/${encodeURIComponent(row.program.id)}`, key: row.program.id } : none;
    case 'CENTRE_KIND':
      return row.centreKind ? { text: t(`centreKind.${row.centreKind}`), key: row.centreKind } : none;
    case 'MONTH':
      return row.month ? { text: formatPeriod(row.month, 'MONTHLY', t), key: row.month } : none;
    case 'QUARTER': {
      const match = row.quarter ? QUARTER.exec(row.quarter) : null;
      return match ? { text: t('reports.quarter', { quarter: match[2], year: match[1] }), key: row.quarter! } : row.quarter ? { text: row.quarter, key: row.quarter } : none;
    }
    case 'YEAR':
      return row.year !== null && row.year !== undefined ? { text: String(row.year), key: String(row.year) } : none;
    case 'AGE_BAND': {
      const band = AGE_BANDS.find((entry) => entry.code === row.ageBand);
      return band ? { text: t('reports.ageBand', { min: band.min, max: band.max }), key: band.code } : none;
    }
    case 'SEX':
      return row.sex ? { text: t(`reports.sex.${row.sex}`), key: row.sex } : none;
  }
}

/** The raw value of a dimension in a row, for a spreadsheet-like use (the chart's grouping). */
export function dimensionKey(row: AnalyticsRowData, dimension: AnalyticsDimension): string {
  const value = row[DIMENSION_FIELDS[dimension].field];
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'id' in value) return value.id;
  return String(value);
}

/** Percentages are a share (to one decimal), the rest counts. */
export function isPercentMetric(metric: AnalyticsMetric): boolean {
  return metric === 'ROLLOUT_COVERAGE_PERCENT';
}

/**
 * A figure in the UI language: a count with its thousands grouped, a percentage to one decimal.
 * Null (nothing to divide by, or nothing at all) is a dash; withheld figures never come here.
 */
export function formatFigure(value: number | null | undefined, metric: AnalyticsMetric, language: string): string {
  if (value === null || value === undefined) return '–';
  if (isPercentMetric(metric)) return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)}\u00a0%`;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** A change against the year before: "+12.5 %", "−3 %", a dash when there is nothing to compare. */
export function formatChange(percent: number | null | undefined, language: string): string {
  if (percent === null || percent === undefined) return '–';
  const magnitude = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(Math.abs(percent));
  const sign = percent > 0 ? '+' : percent < 0 ? '\u2212' : '';
  return `${sign}${magnitude}\u00a0%`;
}
