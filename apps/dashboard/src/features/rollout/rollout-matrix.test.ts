import { describe, expect, it } from 'vitest';
import { buildMatrix, daysBetween, lateItems, networkToday } from './rollout-matrix';
import { CENTRES, karagandaItems, matrixItem, TYPES } from './rollout.fixtures';

describe('the matrix from the list of items', () => {
  it('puts districts in the order given and club types in name order, with a gap where a type is not planned', () => {
    const { rows, columns } = buildMatrix(karagandaItems(), 'en');

    expect(columns.map((column) => column.name)).toEqual(['Dombra', 'Public speaking', 'Singing']);
    expect(rows.map((row) => row.centre.name)).toEqual(['Balkhash', 'Saran', 'Temirtau']);
    expect(rows[1]!.cells.map((cell) => cell?.status ?? null)).toEqual(['PAUSED', 'PREPARING', null]);
  });

  it("counts a district's running clubs of those on its plan, leaving cancelled ones out", () => {
    const temirtau = buildMatrix(karagandaItems(), 'en').rows[2]!;

    expect(temirtau.running).toBe(1);
    expect(temirtau.planned).toBe(2);
  });

  it("sorts club types by their name in the UI language's alphabet (Ә after А, not after Я)", () => {
    const items = [
      matrixItem(CENTRES.saran, { ...TYPES.singing, name: 'Ән' }),
      matrixItem(CENTRES.saran, { ...TYPES.dombra, name: 'Домбыра' }),
      matrixItem(CENTRES.saran, { ...TYPES.oratory, name: 'Шешендік өнер' }),
    ];

    expect(buildMatrix(items, 'kk').columns.map((column) => column.name)).toEqual(['Ән', 'Домбыра', 'Шешендік өнер']);
  });
});

describe('the late items', () => {
  it('are those the API marks late, the longest overdue first', () => {
    expect(lateItems(karagandaItems()).map((item) => item.id)).toEqual(['ri-c-4-t-oratory', 'ri-c-5-t-oratory']);
  });
});

describe('days and today', () => {
  it('counts whole days between two dates, across a change of month', () => {
    expect(daysBetween('2026-10-24', '2026-11-26')).toBe(33);
    expect(daysBetween('2026-11-26', '2026-11-26')).toBe(0);
  });

  it("takes today on Karaganda's clock", () => {
    // 20:00 UTC on 26 November is already the 27th in Almaty (UTC+5).
    expect(networkToday(new Date('2026-11-26T20:00:00Z'))).toBe('2026-11-27');
    expect(networkToday(new Date('2026-11-26T20:00:00Z'), 'UTC')).toBe('2026-11-26');
  });
});
