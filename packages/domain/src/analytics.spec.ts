import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyticsRequestProblems, quarterOfMonth, suppressSmallNumbers, type TableCell } from './analytics.js';

const cell = (value: number, ...key: string[]): TableCell => ({ key, value });

describe('analytics requests', () => {
  it('accepts a metric broken down by its own dimensions and filters', () => {
    expect(analyticsRequestProblems({ metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE', 'QUARTER', 'AGE_BAND'], filters: ['sexes'], from: '2025-01', to: '2025-12' })).toEqual([]);
  });

  it('refuses a dimension or filter one of the metrics does not have, naming both', () => {
    expect(analyticsRequestProblems({ metrics: ['YOUNG_PEOPLE_REACHED', 'EVENTS_HELD'], groupBy: ['AGE_BAND'], filters: ['programIds'], from: '2025-01', to: '2025-12' })).toEqual([
      { code: 'filterNotForMetric', metric: 'YOUNG_PEOPLE_REACHED', filter: 'programIds', dimension: 'PROGRAM' },
      { code: 'dimensionNotForMetric', metric: 'EVENTS_HELD', dimension: 'AGE_BAND' },
      { code: 'filterNotForMetric', metric: 'EVENTS_HELD', filter: 'programIds', dimension: 'PROGRAM' },
    ]);
  });

  it('refuses no metric, repeats and a reversed range', () => {
    expect(analyticsRequestProblems({ metrics: [], groupBy: ['MONTH', 'MONTH'], filters: [], from: '2026-02', to: '2026-01' }).map((problem) => problem.code)).toEqual([
      'noMetrics',
      'repeatedDimension',
      'rangeReversed',
    ]);
  });

  it('names quarters', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOfMonth)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
  });
});

describe('small-number suppression', () => {
  it('publishes a table without small cells as it is, zeros included', () => {
    expect(suppressSmallNumbers([cell(12, 'a'), cell(0, 'b'), cell(7, 'c')], 5)).toEqual({ reasons: [null, null, null], totalSuppressed: false });
  });

  it('hides a small cell and the smallest other cell, so the total does not give it away', () => {
    const { reasons, totalSuppressed } = suppressSmallNumbers([cell(40, 'a'), cell(3, 'b'), cell(9, 'c'), cell(25, 'd')], 5);
    expect(reasons).toEqual([null, 'SMALL_NUMBER', 'COMPLEMENTARY', null]);
    expect(totalSuppressed).toBe(false);
  });

  it('hides more when two hidden cells would still add up to a small number', () => {
    const { reasons } = suppressSmallNumbers([cell(1, 'a'), cell(2, 'b'), cell(30, 'c'), cell(6, 'd')], 5);
    expect(reasons).toEqual(['SMALL_NUMBER', 'SMALL_NUMBER', null, 'COMPLEMENTARY']);
  });

  it('withholds the total when nothing else could hide the small cell', () => {
    // The zero is hidden too, as the second hidden cell; the total, still small, is withheld.
    expect(suppressSmallNumbers([cell(3, 'a'), cell(0, 'b')], 5)).toEqual({ reasons: ['SMALL_NUMBER', 'COMPLEMENTARY'], totalSuppressed: true });
    expect(suppressSmallNumbers([cell(4)], 5)).toEqual({ reasons: ['SMALL_NUMBER'], totalSuppressed: true });
  });

  it('protects rows and columns of a two-way table, not only its total', () => {
    // district × sex: the 2 must not follow from Shet's row total (another query) or the FEMALE column.
    const cells = [cell(30, 'karaganda', 'F'), cell(28, 'karaganda', 'M'), cell(2, 'shet', 'F'), cell(17, 'shet', 'M'), cell(21, 'temirtau', 'F'), cell(19, 'temirtau', 'M')];
    const { reasons } = suppressSmallNumbers(cells, 5);
    expect(reasons).toEqual([null, null, 'SMALL_NUMBER', 'COMPLEMENTARY', 'COMPLEMENTARY', 'COMPLEMENTARY']);
  });

  it('protects the coarser totals it is told of: months within a quarter', () => {
    const months = [cell(20, '2026-01'), cell(3, '2026-02'), cell(30, '2026-03'), cell(6, '2026-04'), cell(40, '2026-05')];
    const { reasons } = suppressSmallNumbers(months, 5, [[quarterOfMonth]]);
    // Q1 = Jan + Feb + Mar is published by a query by quarter: a second Q1 month hides with February.
    expect(reasons.slice(0, 3).filter((reason) => reason !== null)).toHaveLength(2);
    expect(reasons[1]).toBe('SMALL_NUMBER');
  });

  it('leaves no small cell to a single subtraction from any total the table or another query publishes (random tables)', () => {
    const threshold = 5;
    const table = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 }))), { minLength: 1, maxLength: 16 });
    fc.assert(
      fc.property(table, (entries) => {
        // One cell per key, in one canonical order, as the API gives them.
        const unique = new Map(entries.map(([row, column, value]) => [`${row}|${column}`, cell(value, `r${row}`, `c${column}`)]));
        const cells = [...unique.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, each]) => each);
        const { reasons, totalSuppressed } = suppressSmallNumbers(cells, threshold);
        cells.forEach((each, index) => {
          if (each.value > 0 && each.value < threshold) expect(reasons[index]).not.toBeNull();
        });
        // The totals anyone can read: this table's grand total unless withheld, and each row and
        // column total that the query grouped by one dimension fewer publishes.
        const sums: number[][] = [];
        if (!totalSuppressed) sums.push(cells.map((_, index) => index));
        for (const at of [0, 1]) {
          const groups = new Map<string, number[]>();
          cells.forEach((each, index) => groups.set(each.key[at]!, [...(groups.get(each.key[at]!) ?? []), index]));
          const margins = [...groups.entries()].sort(([x], [y]) => x.localeCompare(y));
          const marginTable = suppressSmallNumbers(margins.map(([key, group]) => cell(group.reduce((added, index) => added + cells[index]!.value, 0), key)), threshold);
          margins.forEach(([, group], index) => marginTable.reasons[index] === null && group.length > 1 && sums.push(group));
        }
        for (const sum of sums) {
          const hidden = sum.filter((index) => reasons[index] !== null);
          if (hidden.length === 0 || hidden.length === sum.length) continue;
          // Subtracting the published cells from the total leaves at least two cells worth the threshold.
          expect([hidden.length > 1, hidden.reduce((added, index) => added + cells[index]!.value, 0) >= threshold]).toEqual([true, true]);
        }
      }),
      { numRuns: 2000, seed: 20_261_126 },
    );
  });

  it('hides a zero too where a row of one non-zero cell and zeros would give a complement away', () => {
    // rows × columns: r0 = [19, 0], r1 = [1, 16]. Hiding only 1, 19 and 16 lets row r0's total (19) show 19, then 1.
    const cells = [cell(19, 'r0', 'c0'), cell(0, 'r0', 'c1'), cell(1, 'r1', 'c0'), cell(16, 'r1', 'c1')];
    const { reasons } = suppressSmallNumbers(cells, 5);
    expect(reasons[1]).not.toBeNull();
  });

  it('hides the same cells whatever order the cells come in, once the caller sorts them', () => {
    const cells = [cell(20, 'a', 'F'), cell(15, 'a', 'M'), cell(18, 'b', 'F'), cell(20, 'b', 'M'), cell(15, 'c', 'F'), cell(3, 'c', 'M')];
    const sorted = (list: TableCell[]) => [...list].sort((x, y) => x.key.join('|').localeCompare(y.key.join('|')));
    const hiddenKeys = (list: TableCell[]) => {
      const { reasons } = suppressSmallNumbers(list, 5);
      return list.filter((_, index) => reasons[index] !== null).map((each) => each.key.join('|')).sort();
    };
    expect(hiddenKeys(sorted([...cells].reverse()))).toEqual(hiddenKeys(sorted(cells)));
  });
});

