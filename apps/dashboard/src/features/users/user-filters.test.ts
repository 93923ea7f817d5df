import { describe, expect, it } from 'vitest';
import { readUserFilters, toUserFilter, writeUserFilters } from './user-filters';

describe('the users list filters', () => {
  it('round-trip through the URL and become the API filter', () => {
    const state = readUserFilters(new URLSearchParams('role=DISTRICT_COORDINATOR&centre=c-3&status=inactive&q=%20omar%20'));
    expect(state).toEqual({ role: 'DISTRICT_COORDINATOR', centre: 'c-3', below: false, status: 'inactive', q: ' omar ' });
    expect(toUserFilter(state)).toEqual({ role: 'DISTRICT_COORDINATOR', centreId: 'c-3', active: false, search: 'omar' });
    expect(writeUserFilters(state).toString()).toBe('role=DISTRICT_COORDINATOR&centre=c-3&status=inactive&q=omar');
  });

  it('ignore values that are not ours, and filter nothing when empty', () => {
    const state = readUserFilters(new URLSearchParams('role=ROOT&status=maybe'));
    expect(state).toEqual({ role: '', centre: '', below: false, status: '', q: '' });
    expect(toUserFilter(state)).toBeUndefined();
    expect(writeUserFilters(state).toString()).toBe('');
  });

  it('take the centres under the chosen one only with a centre chosen', () => {
    const below = readUserFilters(new URLSearchParams('centre=c-0&below=1'));
    expect(toUserFilter(below)).toEqual({ centreId: 'c-0', includeSubtree: true });
    expect(writeUserFilters(below).toString()).toBe('centre=c-0&below=1');
    // Left over from a centre since cleared: it says nothing.
    const alone = readUserFilters(new URLSearchParams('below=1'));
    expect(toUserFilter(alone)).toBeUndefined();
    expect(writeUserFilters(alone).toString()).toBe('');
  });
});
