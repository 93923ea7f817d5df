import { geoConicConformal, geoGraticule, geoPath, type GeoProjection } from 'd3-geo';

/**
 * The arithmetic of the network map, apart from React so it can be tested: where each centre goes,
 * and where its label goes. No boundary data exists offline for the region's districts, so the map is
 * schematic: towns at their coordinates on a conic projection with a graticule for orientation.
 *
 * Labels sit in two columns beside the map, joined to their markers by leader lines. Half the region's
 * centres are within 30 km of Karaganda; labels next to the markers would cover each other there.
 */

export interface MapInput {
  id: string;
  latitude: number;
  longitude: number;
  /** Marker radius in map units. */
  radius: number;
  /** Lines of text in the label (the name may wrap), for the label's height. */
  labelLines: number;
}

export interface PlacedMarker {
  id: string;
  /** Where the town is. */
  townX: number;
  townY: number;
  /** Where the marker is drawn: the town, or nudged aside when it would cover another marker. */
  x: number;
  y: number;
  radius: number;
  label: { side: 'left' | 'right'; x: number; y: number; height: number };
}

export interface MapLayout {
  width: number;
  height: number;
  /** The map's own area, between the label columns. */
  area: { x0: number; y0: number; x1: number; y1: number };
  graticule: string;
  markers: PlacedMarker[];
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 620;
/** Each label column's width; wide enough for a name wrapped at LABEL_CHARS_PER_LINE. */
export const LABEL_COLUMN_WIDTH = 250;
export const LABEL_LINE_HEIGHT = 16;
export const LABEL_CHARS_PER_LINE = 24;
const LABEL_GAP = 8;
const LABEL_PADDING = 6;
const COLUMN_MARGIN = 24;
const MARKER_GAP = 3;

/**
 * A conic conformal projection (right for a region in mid-latitudes) with its standard parallels
 * inside the points' latitudes, centred on them and fitted to `area`. The fit uses the points' box
 * padded by a quarter degree at least, so a single centre or a row of them still gets a sensible scale.
 */
export function fitProjection(points: ReadonlyArray<Pick<MapInput, 'latitude' | 'longitude'>>, area: MapLayout['area']): GeoProjection {
  const lats = points.map((point) => point.latitude);
  const lons = points.map((point) => point.longitude);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const pad = Math.max(0.25, (maxLat - minLat) * 0.06, (maxLon - minLon) * 0.06);
  const span = maxLat - minLat;
  const corners: GeoJSON.MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      [minLon - pad, minLat - pad],
      [maxLon + pad, minLat - pad],
      [minLon - pad, maxLat + pad],
      [maxLon + pad, maxLat + pad],
    ],
  };
  return geoConicConformal()
    .parallels([minLat + span / 6, maxLat - span / 6])
    .rotate([-(minLon + maxLon) / 2, 0])
    .fitExtent(
      [
        [area.x0, area.y0],
        [area.x1, area.y1],
      ],
      corners,
    );
}

/** Lays the centres out; those without coordinates are the caller's to list elsewhere. */
export function layoutNetworkMap(inputs: readonly MapInput[]): MapLayout {
  const area = {
    x0: LABEL_COLUMN_WIDTH + COLUMN_MARGIN,
    y0: 12,
    x1: MAP_WIDTH - LABEL_COLUMN_WIDTH - COLUMN_MARGIN,
    y1: MAP_HEIGHT - 12,
  };
  if (inputs.length === 0) return { width: MAP_WIDTH, height: MAP_HEIGHT, area, graticule: '', markers: [] };

  const projection = fitProjection(inputs, area);
  const projected = inputs.map((input) => {
    const [x, y] = projection([input.longitude, input.latitude]) ?? [(area.x0 + area.x1) / 2, (area.y0 + area.y1) / 2];
    return { ...input, townX: x, townY: y, x, y };
  });
  separateMarkers(projected, area);

  // Balanced columns: the western half of the markers label to the left, the eastern to the right.
  const byX = [...projected].sort((a, b) => a.townX - b.townX || a.id.localeCompare(b.id));
  const leftIds = new Set(byX.slice(0, Math.ceil(byX.length / 2)).map((marker) => marker.id));
  const labels = new Map<string, PlacedMarker['label']>();
  for (const side of ['left', 'right'] as const) {
    const column = projected.filter((marker) => leftIds.has(marker.id) === (side === 'left'));
    const x = side === 'left' ? LABEL_COLUMN_WIDTH : MAP_WIDTH - LABEL_COLUMN_WIDTH;
    const stacked = stackLabels(
      column.map((marker) => ({ id: marker.id, centre: marker.y, height: labelHeight(marker.labelLines) })),
      { top: 4, bottom: MAP_HEIGHT - 4 },
    );
    for (const label of stacked) labels.set(label.id, { side, x, y: label.top, height: label.height });
  }

  const graticule =
    geoPath(projection)(
      geoGraticule()
        .step([1, 1])
        .extent([
          [Math.floor(Math.min(...inputs.map((input) => input.longitude))) - 2, Math.floor(Math.min(...inputs.map((input) => input.latitude))) - 2],
          [Math.ceil(Math.max(...inputs.map((input) => input.longitude))) + 2, Math.ceil(Math.max(...inputs.map((input) => input.latitude))) + 2],
        ])(),
    ) ?? '';

  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    area,
    graticule,
    markers: projected.map((marker) => ({
      id: marker.id,
      townX: marker.townX,
      townY: marker.townY,
      x: marker.x,
      y: marker.y,
      radius: marker.radius,
      label: labels.get(marker.id) ?? { side: 'left', x: LABEL_COLUMN_WIDTH, y: marker.y, height: labelHeight(marker.labelLines) },
    })),
  };
}

export function labelHeight(lines: number): number {
  return lines * LABEL_LINE_HEIGHT + 2 * LABEL_PADDING;
}

/**
 * Pushes overlapping markers apart (the regional centre and Karaganda's two city districts are a few
 * hundred metres from each other). A few rounds of pairwise nudges are plenty for a network this size;
 * markers stay inside `area`. Deterministic: the same network always draws the same map.
 */
export function separateMarkers(
  markers: Array<{ id: string; x: number; y: number; radius: number }>,
  area: MapLayout['area'],
  rounds = 60,
): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < markers.length; i++) {
      for (let j = i + 1; j < markers.length; j++) {
        const a = markers[i]!;
        const b = markers[j]!;
        const needed = a.radius + b.radius + MARKER_GAP;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= needed) continue;
        if (distance < 0.01) {
          // The same spot: part them along a direction fixed by their order.
          const angle = ((i * 7 + j * 3) % 12) * (Math.PI / 6);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          distance = 1;
        }
        const push = (needed - distance) / 2 + 0.01;
        a.x -= (dx / distance) * push;
        a.y -= (dy / distance) * push;
        b.x += (dx / distance) * push;
        b.y += (dy / distance) * push;
        moved = true;
      }
    }
    for (const marker of markers) {
      marker.x = clamp(marker.x, area.x0 + marker.radius, area.x1 - marker.radius);
      marker.y = clamp(marker.y, area.y0 + marker.radius, area.y1 - marker.radius);
    }
    if (!moved) return;
  }
}

/**
 * Stacks labels in one column as near their markers' heights as they fit without overlapping: down
 * from the top, then back up from the bottom if the column ran over. Returned in top-to-bottom order,
 * which is also the order a keyboard moves through them.
 */
export function stackLabels(
  labels: ReadonlyArray<{ id: string; centre: number; height: number }>,
  bounds: { top: number; bottom: number },
): Array<{ id: string; top: number; height: number }> {
  const sorted = [...labels].sort((a, b) => a.centre - b.centre || a.id.localeCompare(b.id));
  const placed = sorted.map((label) => ({ id: label.id, top: label.centre - label.height / 2, height: label.height }));
  let floor = bounds.top;
  for (const label of placed) {
    label.top = Math.max(label.top, floor);
    floor = label.top + label.height + LABEL_GAP;
  }
  let ceiling = bounds.bottom;
  for (let index = placed.length - 1; index >= 0; index--) {
    const label = placed[index]!;
    label.top = Math.min(label.top, ceiling - label.height);
    ceiling = label.top - LABEL_GAP;
  }
  return placed;
}

/** Breaks a name into lines of about `maxChars`, at spaces; a single long word keeps its own line. */
export function wrapWords(text: string, maxChars = LABEL_CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
