import { describe, expect, it } from 'vitest';
import { fileNameOf } from './export-file';
import { resultTable } from './results-table';

describe('a result as a table', () => {
  it("takes a connection's nodes, flattening nested objects to dotted columns and leaving out __typename", () => {
    const table = resultTable({
      centres: {
        __typename: 'CentreConnection',
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [
          { __typename: 'Centre', name: 'Temirtau', parent: { __typename: 'Centre', name: 'Regional centre' }, tags: ['a', 'b'] },
          { __typename: 'Centre', name: 'Saran', parent: null },
        ],
      },
    });
    expect(table?.path).toBe('centres.nodes');
    expect(table?.columns).toEqual(['name', 'parent.name', 'tags', 'parent']);
    expect(table?.rows[0]).toEqual({ name: { kind: 'value', value: 'Temirtau' }, 'parent.name': { kind: 'value', value: 'Regional centre' }, tags: { kind: 'value', value: 'a, b' } });
    expect(table?.rows[1]?.['parent']).toEqual({ kind: 'value', value: null });
  });

  it("unwraps a connection's edges to their nodes", () => {
    const table = resultTable({ users: { edges: [{ cursor: 'c1', node: { email: 'a@mrc.demo' } }] } });
    expect(table?.path).toBe('users.edges');
    expect(table?.rows).toEqual([{ email: { kind: 'value', value: 'a@mrc.demo' } }]);
  });

  it("gives the aggregate's rows a column per metric, its year before and change, withheld ones marked, and a totals row", () => {
    const table = resultTable({
      analytics: {
        metrics: ['YOUNG_PEOPLE_REACHED'],
        rows: [
          { quarter: '2026-Q3', values: [{ value: null, suppressed: true, yearBefore: 12, yearBeforeSuppressed: false, changePercent: null }] },
          { quarter: '2026-Q4', values: [{ value: 40, suppressed: false, yearBefore: 32, yearBeforeSuppressed: true, changePercent: 25 }] },
        ],
        totals: [{ value: 40, suppressed: false, yearBefore: 44, changePercent: -9.1 }],
      },
    });
    expect(table?.path).toBe('analytics.rows');
    expect(table?.columns).toEqual(['quarter', 'YOUNG_PEOPLE_REACHED', 'YOUNG_PEOPLE_REACHED (year before)', 'YOUNG_PEOPLE_REACHED (change %)']);
    expect(table?.rows[0]?.['YOUNG_PEOPLE_REACHED']).toEqual({ kind: 'withheld' });
    expect(table?.rows[1]?.['YOUNG_PEOPLE_REACHED (year before)']).toEqual({ kind: 'withheld' });
    expect(table?.rows[1]?.['YOUNG_PEOPLE_REACHED (change %)']).toEqual({ kind: 'value', value: 25 });
    expect(table?.totals?.['YOUNG_PEOPLE_REACHED (year before)']).toEqual({ kind: 'value', value: 44 });
  });

  it('has no table for an answer without a list of objects', () => {
    expect(resultTable({ me: { id: 'u-1', roles: ['ANALYST'] } })).toBeNull();
    expect(resultTable(null)).toBeNull();
  });
});

describe("the downloaded file's name", () => {
  it('comes from Content-Disposition, plain or RFC 5987, never as a path', () => {
    expect(fileNameOf('attachment; filename="analytics-2026-11-26.csv"')).toBe('analytics-2026-11-26.csv');
    expect(fileNameOf("attachment; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82.xlsx; filename=\"report.xlsx\"")).toBe('отчёт.xlsx');
    expect(fileNameOf('attachment; filename=../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
