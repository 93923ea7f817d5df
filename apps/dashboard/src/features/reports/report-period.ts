import { isPeriod, type PeriodType } from '@mrc/domain';
import type { TFunction } from 'i18next';

const MONTH_KEYS = [
  'reports.month.1',
  'reports.month.2',
  'reports.month.3',
  'reports.month.4',
  'reports.month.5',
  'reports.month.6',
  'reports.month.7',
  'reports.month.8',
  'reports.month.9',
  'reports.month.10',
  'reports.month.11',
  'reports.month.12',
] as const;

const SHORT_MONTH_KEYS = [
  'reports.monthShort.1',
  'reports.monthShort.2',
  'reports.monthShort.3',
  'reports.monthShort.4',
  'reports.monthShort.5',
  'reports.monthShort.6',
  'reports.monthShort.7',
  'reports.monthShort.8',
  'reports.monthShort.9',
  'reports.monthShort.10',
  'reports.monthShort.11',
  'reports.monthShort.12',
] as const;

/** Either period type's name, by its first month: month names in the nominative, our own messages. */
function parts(period: string): { year: string; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? { year: match[1]!, month: Number(match[2]) } : null;
}

/** "October 2026", or "Q4 2026" when reporting is quarterly. */
export function formatPeriod(period: string, periodType: PeriodType, t: TFunction): string {
  const found = parts(period);
  if (!found) return period;
  if (periodType === 'QUARTERLY') return t('reports.quarter', { quarter: String(Math.ceil(found.month / 3)), year: found.year });
  return t('reports.monthYear', { month: t(MONTH_KEYS[found.month - 1]!), year: found.year });
}

/** "Oct 2026" for a column of the grid, or "Q4 2026". */
export function formatPeriodShort(period: string, periodType: PeriodType, t: TFunction): string {
  const found = parts(period);
  if (!found) return period;
  if (periodType === 'QUARTERLY') return t('reports.quarter', { quarter: String(Math.ceil(found.month / 3)), year: found.year });
  return t('reports.monthYearShort', { month: t(SHORT_MONTH_KEYS[found.month - 1]!), year: found.year });
}

/** Whether a URL's period names a period at all (the API decides whether the centre may report it). */
export function isPeriodParam(value: string | undefined, periodType: PeriodType): value is string {
  return value !== undefined && isPeriod(value, periodType);
}

/** A share (0–1) as a whole percentage in the UI language; "–" when nothing was expected. */
export function formatRate(rate: number | null | undefined, language: string): string {
  if (rate === null || rate === undefined) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** An instant's local time of day, "10:42", for the autosave's "Saved at". */
export function formatTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
