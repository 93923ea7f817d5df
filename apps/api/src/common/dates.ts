/**
 * Days in the network's own calendar. Kazakhstan keeps one time zone (UTC+5) since 2024, so "today"
 * is the same day in every centre; dates of records are plain 'YYYY-MM-DD' days with no time zone.
 */
export const NETWORK_TIME_ZONE = 'Asia/Almaty';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: NETWORK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function today(): string {
  return dayFormat.format(new Date());
}

/** The day a GraphQL `Date` input names. The scalar hands over a Date at UTC midnight. */
export function isoDay(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** The network's day at a moment (when a report arrived, for its deadline). */
export function dayIn(moment: Date): string {
  return dayFormat.format(moment);
}
