import { describe, expect, it } from 'vitest';
import { NETWORK } from './network.fixtures';
import { LABEL_COLUMN_WIDTH, layoutNetworkMap, MAP_HEIGHT, MAP_WIDTH, separateMarkers, stackLabels, wrapWords } from './network-map-layout';

const INPUTS = NETWORK.map((centre) => ({
  id: centre.id,
  latitude: centre.latitude ?? 0,
  longitude: centre.longitude ?? 0,
  radius: 8,
  labelLines: centre.name.length > 24 ? 3 : 2,
}));

function overlap(a: { y: number; height: number }, b: { y: number; height: number }): boolean {
  return a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutNetworkMap', () => {
  const layout = layoutNetworkMap(INPUTS);
  const byId = new Map(layout.markers.map((marker) => [marker.id, marker]));

  it('keeps north up and east right: Balkhash is south-east of Temirtau, Nura west of both', () => {
    const temirtau = byId.get('c-3')!;
    const balkhash = byId.get('c-4')!;
    const nura = byId.get('c-12')!;
    expect(balkhash.townY).toBeGreaterThan(temirtau.townY);
    expect(balkhash.townX).toBeGreaterThan(temirtau.townX);
    expect(nura.townX).toBeLessThan(temirtau.townX);
  });

  it('fits every marker inside the map area, between the label columns', () => {
    for (const marker of layout.markers) {
      expect(marker.x - marker.radius).toBeGreaterThanOrEqual(layout.area.x0 - 0.01);
      expect(marker.x + marker.radius).toBeLessThanOrEqual(layout.area.x1 + 0.01);
      expect(marker.y).toBeGreaterThan(0);
      expect(marker.y).toBeLessThan(MAP_HEIGHT);
    }
    expect(layout.area.x0).toBeGreaterThan(LABEL_COLUMN_WIDTH);
    expect(layout.area.x1).toBeLessThan(MAP_WIDTH - LABEL_COLUMN_WIDTH);
  });

  it("pulls apart Karaganda's three centres, which are a few hundred metres from each other", () => {
    const karaganda = ['c-0', 'c-1', 'c-2'].map((id) => byId.get(id)!);
    for (const [a, b] of [[karaganda[0]!, karaganda[1]!], [karaganda[0]!, karaganda[2]!], [karaganda[1]!, karaganda[2]!]] as const) {
      expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.radius + b.radius);
    }
  });

  it('splits the labels into two columns that never overlap within', () => {
    const left = layout.markers.filter((marker) => marker.label.side === 'left');
    const right = layout.markers.filter((marker) => marker.label.side === 'right');
    expect(left).toHaveLength(8);
    expect(right).toHaveLength(7);
    for (const column of [left, right]) {
      for (const a of column) {
        for (const b of column) if (a !== b) expect(overlap(a.label, b.label)).toBe(false);
        expect(a.label.y).toBeGreaterThanOrEqual(0);
        expect(a.label.y + a.label.height).toBeLessThanOrEqual(MAP_HEIGHT);
      }
    }
  });

  it('draws an empty map for no centres, and places a single centre without dividing by zero', () => {
    expect(layoutNetworkMap([]).markers).toEqual([]);
    const [only] = layoutNetworkMap([INPUTS[0]!]).markers;
    expect(Number.isFinite(only!.x) && Number.isFinite(only!.y)).toBe(true);
  });
});

describe('the layout helpers', () => {
  it('part two markers on the same spot', () => {
    const markers = [
      { id: 'a', x: 100, y: 100, radius: 5 },
      { id: 'b', x: 100, y: 100, radius: 5 },
    ];
    separateMarkers(markers, { x0: 0, y0: 0, x1: 200, y1: 200 });
    expect(Math.hypot(markers[0]!.x - markers[1]!.x, markers[0]!.y - markers[1]!.y)).toBeGreaterThanOrEqual(10);
  });

  it('stack crowded labels downwards, and back up when they would run off the bottom', () => {
    const stacked = stackLabels(
      [
        { id: 'a', centre: 95, height: 20 },
        { id: 'b', centre: 96, height: 20 },
        { id: 'c', centre: 97, height: 20 },
      ],
      { top: 0, bottom: 100 },
    );
    expect(stacked.map((label) => label.id)).toEqual(['a', 'b', 'c']);
    expect(stacked[2]!.top + 20).toBeLessThanOrEqual(100);
    expect(stacked[1]!.top).toBeGreaterThanOrEqual(stacked[0]!.top + 20);
  });

  it('wrap long names at spaces', () => {
    expect(wrapWords('Youth Resource Centre of Karaganda region')).toEqual(['Youth Resource Centre of', 'Karaganda region']);
    expect(wrapWords('Қарағанды облысының Жастар ресурстық орталығы')).toEqual(['Қарағанды облысының', 'Жастар ресурстық', 'орталығы']);
    expect(wrapWords('Balkhash')).toEqual(['Balkhash']);
  });
});
