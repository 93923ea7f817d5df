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
