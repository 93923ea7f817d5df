import { describe, expect, it } from 'vitest';
import { formatDateTime, formatLongDate } from './format-date';
import { createI18n } from './i18n';

const environment = { browserLanguages: [] };

describe('formatLongDate', () => {
  it('writes the month from our own messages in each language', () => {
    expect(formatLongDate('2026-03-22', createI18n('kk', environment).t)).toBe('2026 жылғы 22 наурыз');
    expect(formatLongDate('2026-03-22', createI18n('ru', environment).t)).toBe('22 марта 2026 г.');
    expect(formatLongDate('2026-01-05', createI18n('en', environment).t)).toBe('5 January 2026');
  });

  it('leaves a value it does not understand as it is', () => {
    expect(formatLongDate('2026-13-01', createI18n('en', environment).t)).toBe('2026-13-01');
    expect(formatLongDate('soon', createI18n('en', environment).t)).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('writes the local date and a 24-hour time', () => {
    const instant = '2026-03-01T20:05:00.000Z';
    // Already the next day nine hours east of Greenwich.
    expect(formatDateTime(instant, createI18n('en', environment).t, 'Asia/Tokyo')).toBe('2 March 2026, 05:05');
    expect(formatDateTime(instant, createI18n('ru', environment).t, 'UTC')).toBe('1 марта 2026 г., 20:05');
    expect(formatDateTime(instant, createI18n('kk', environment).t, 'UTC')).toBe('2026 жылғы 1 наурыз, 20:05');
  });

  it('leaves a value it does not understand as it is', () => {
    expect(formatDateTime('yesterday', createI18n('en', environment).t)).toBe('yesterday');
  });
});
