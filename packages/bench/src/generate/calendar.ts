import { nextPeriod, periodOf, previousPeriod } from '@mrc/domain';
import { REPORT_YEARS } from '../sizes.js';

/** Days are 'YYYY-MM-DD' strings, as the API keeps them; they compare in calendar order. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const maxDay = (a: string, b: string) => (a > b ? a : b);
export const minDay = (a: string, b: string) => (a < b ? a : b);

/** Today in the network's time zone (Kazakhstan keeps UTC+5), as the API counts it. */
export function networkToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The latest month that has ended: the period being reported now, where the generated reports end. */
export function latestEndedPeriod(today = networkToday()): string {
  return previousPeriod(periodOf(today, 'MONTHLY'), 'MONTHLY');
}

/** The months with reports: REPORT_YEARS years up to and including `anchor`, oldest first. */
export function reportMonths(anchor: string, years = REPORT_YEARS): string[] {
  const months = [anchor];
  while (months.length < years * 12) months.unshift(previousPeriod(months[0]!, 'MONTHLY'));
  return months;
}

/** `count` months before `period`, oldest first (the periods S4 may still report). */
export function monthsBefore(period: string, count: number): string[] {
  const months: string[] = [];
  let month = period;
  for (let i = 0; i < count; i++) {
    month = previousPeriod(month, 'MONTHLY');
    months.unshift(month);
  }
  return months;
}

export const monthAfter = (period: string) => nextPeriod(period, 'MONTHLY');
