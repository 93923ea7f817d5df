import { describe, expect, it } from 'vitest';
import { isBackwardRange, readAuditFilters, toAuditFilter, writeAuditFilters } from './audit-filters';

describe('the audit filters', () => {
  it('round-trip through the URL', () => {
    const params = new URLSearchParams('user=u-1&entityType=User&entityId=u-2&centre=c-3&from=2026-03-01&to=2026-03-31');
    const state = readAuditFilters(params);
    expect(state).toEqual({ user: 'u-1', entityType: 'User', entityId: 'u-2', centre: 'c-3', below: false, from: '2026-03-01', to: '2026-03-31' });
    expect(writeAuditFilters(state).toString()).toBe(params.toString());
  });

  it('take the centres under the chosen one only with a centre chosen', () => {
    const below = readAuditFilters(new URLSearchParams('centre=c-0&below=1'));
    expect(toAuditFilter(below)).toEqual({ centreId: 'c-0', includeSubtree: true });
    expect(writeAuditFilters(below).toString()).toBe('centre=c-0&below=1');
    const alone = readAuditFilters(new URLSearchParams('below=1'));
    expect(toAuditFilter(alone)).toBeUndefined();
    expect(writeAuditFilters(alone).toString()).toBe('');
  });

  it('drop dates that are not calendar days', () => {
    const state = readAuditFilters(new URLSearchParams('from=yesterday&to=2026-02-31'));
    expect(state.from).toBe('');
    expect(state.to).toBe('');
    expect(toAuditFilter(state)).toBeUndefined();
  });

  it('count the last day in full: `to` is the next local midnight', () => {
    const filter = toAuditFilter(readAuditFilters(new URLSearchParams('from=2026-03-01&to=2026-03-01&entityType=User')));
    expect(filter?.entityType).toBe('User');
    expect(new Date(filter?.from ?? '').getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(filter?.to ?? '').getTime()).toBe(new Date(2026, 2, 2).getTime());
  });

  it('notice a range that ends before it starts', () => {
    expect(isBackwardRange(readAuditFilters(new URLSearchParams('from=2026-03-02&to=2026-03-01')))).toBe(true);
    expect(isBackwardRange(readAuditFilters(new URLSearchParams('from=2026-03-01&to=2026-03-01')))).toBe(false);
  });
});
