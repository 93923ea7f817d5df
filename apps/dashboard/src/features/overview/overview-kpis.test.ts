import { describe, expect, it } from 'vitest';
import { monthStart } from './overview-kpis';

describe('the first day of this month', () => {
  it('is counted on Almaty time', () => {
    expect(monthStart(new Date('2026-03-17T10:00:00Z'))).toBe('2026-03-01');
    // 22:00 UTC on 31 March is already 1 April in Almaty (UTC+5).
    expect(monthStart(new Date('2026-03-31T22:00:00Z'))).toBe('2026-04-01');
    expect(monthStart(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('can be asked in another time zone', () => {
    expect(monthStart(new Date('2026-03-31T22:00:00Z'), 'UTC')).toBe('2026-03-01');
  });
});
