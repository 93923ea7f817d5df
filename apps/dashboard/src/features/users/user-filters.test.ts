import { describe, expect, it } from 'vitest';
import { readUserFilters, toUserFilter, writeUserFilters } from './user-filters';

describe('the users list filters', () => {
  it('round-trip through the URL and become the API filter', () => {
    const state = readUserFilters(new URLSearchParams('role=DISTRICT_COORDINATOR&centre=c-3&status=inactive&q=%20omar%20'));
    expect(state).toEqual({ role: 'DISTRICT_COORDINATOR', centre: 'c-3', status: 'inactive', q: ' omar ' });
    expect(toUserFilter(state)).toEqual({ role: 'DISTRICT_COORDINATOR', centreId: 'c-3', active: false, search: 'omar' });
    expect(writeUserFilters(state).toString()).toBe('role=DISTRICT_COORDINATOR&centre=c-3&status=inactive&q=omar');
  });

  it('ignore values that are not ours, and filter nothing when empty', () => {
    const state = readUserFilters(new URLSearchParams('role=ROOT&status=maybe'));
    expect(state).toEqual({ role: '', centre: '', status: '', q: '' });
    expect(toUserFilter(state)).toBeUndefined();
    expect(writeUserFilters(state).toString()).toBe('');
  });
});
