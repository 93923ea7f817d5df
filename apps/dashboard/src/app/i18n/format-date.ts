import type { TFunction } from 'i18next';

const MONTH_KEYS = [
  'date.month.1',
  'date.month.2',
  'date.month.3',
  'date.month.4',
  'date.month.5',
  'date.month.6',
  'date.month.7',
  'date.month.8',
  'date.month.9',
  'date.month.10',
  'date.month.11',
  'date.month.12',
] as const;

/**
 * A calendar date (`YYYY-MM-DD`, as the API's Date scalar sends it) written out in the UI language.
 * Month names come from our own messages, not Intl: Debian's Chromium has no Kazakh locale data and
 * would print "M03". The date is never turned into a Date object, so no time zone can shift it.
 */
export function formatLongDate(isoDate: string, t: TFunction): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const monthKey = match ? MONTH_KEYS[Number(match[2]) - 1] : undefined;
  if (!match || !monthKey) return isoDate;
  return t('date.long', { year: match[1], month: t(monthKey), day: String(Number(match[3])) });
}

/**
 * An instant (the API's DateTime, `2026-03-01T08:30:00.000Z`) as the date and time where the person
 * is, with the month named by our messages as in formatLongDate.
 */
export function formatDateTime(iso: string, t: TFunction, timeZone?: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const date = formatLongDate(`${part('year')}-${part('month')}-${part('day')}`, t);
  return t('date.dateTime', { date, time: `${part('hour')}:${part('minute')}` });
}
