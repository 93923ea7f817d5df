import { CENTRE_KINDS, type CentreKind } from '@mrc/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { centreStatus, localIsoDate } from './centre-network';
import { centreActivity, type OverviewCentre } from './network-filters';
import { LABEL_COLUMN_WIDTH, LABEL_LINE_HEIGHT, layoutNetworkMap, MAP_HEIGHT, MAP_WIDTH, wrapWords, type PlacedMarker } from './network-map-layout';

/** Larger for more open clubs, so the busy centres stand out by size as well as by their numbers. */
export function markerRadius(openClubs: number): number {
  return 6 + 2 * Math.sqrt(openClubs);
}

/**
 * Each kind of centre has its own shape (and colour, from a palette safe for colour-blind readers):
 * the shape alone tells them apart.
 */
export function markerPath(kind: CentreKind, x: number, y: number, r: number): string {
  switch (kind) {
    case 'REGIONAL': {
      const points = Array.from({ length: 10 }, (_, index) => {
        const radius = index % 2 === 0 ? r * 1.4 : r * 0.62;
        const angle = -Math.PI / 2 + (index * Math.PI) / 5;
        return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`;
      });
      return `M${points.join('L')}Z`;
    }
    case 'CITY_DISTRICT': {
      const half = r * 0.88;
      return `M${x - half},${y - half}h${2 * half}v${2 * half}h${-2 * half}Z`;
    }
    case 'RURAL_DISTRICT': {
      const size = r * 1.25;
      return `M${x},${y - size}L${x + size * 0.95},${y + size * 0.7}L${x - size * 0.95},${y + size * 0.7}Z`;
    }
    case 'CITY':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
}

interface MapCentre {
  centre: OverviewCentre;
  nameLines: string[];
  activity: string;
  closed: boolean;
}

/**
 * A schematic map of the region: each centre at its town's coordinates, its label beside the map with
 * a line to it. Every marker and its label is one link to the centre's page, reached with Tab in
 * reading order (the left column top to bottom, then the right one).
 */
export function NetworkMap({ centres }: { centres: readonly OverviewCentre[] }) {
  const { t } = useTranslation();
  const captionId = useId();
  const clipId = useId();
  const today = localIsoDate();

  const onMap = new Map<string, MapCentre>();
  const offMap: OverviewCentre[] = [];
  for (const centre of centres) {
    if (centre.latitude == null || centre.longitude == null) {
      offMap.push(centre);
      continue;
    }
    const { openClubs, runningPrograms } = centreActivity(centre);
    const closed = centreStatus(centre, today)?.state === 'closed';
    const counts = `${t('map.clubs', { count: openClubs })} · ${t('map.programs', { count: runningPrograms })}`;
    onMap.set(centre.id, {
      centre,
      nameLines: wrapWords(centre.name),
      activity: closed ? `${t('map.closed')} · ${counts}` : counts,
      closed,
    });
  }

  const layout = layoutNetworkMap(
    [...onMap.values()].map(({ centre, nameLines }) => ({
      id: centre.id,
      latitude: centre.latitude ?? 0,
      longitude: centre.longitude ?? 0,
      radius: markerRadius(centreActivity(centre).openClubs),
      labelLines: nameLines.length + 1,
    })),
  );
  const readingOrder = [...layout.markers].sort(
    (a, b) => (a.label.side === b.label.side ? a.label.y - b.label.y : a.label.side === 'left' ? -1 : 1),
  );
  const { area } = layout;

  return (
    <figure className="network-map" data-testid="network-map">
      <div className="network-map-frame">
        <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-labelledby={captionId}>
          <defs>
            <clipPath id={clipId}>
              <rect x={area.x0} y={area.y0} width={area.x1 - area.x0} height={area.y1 - area.y0} />
            </clipPath>
          </defs>
          <rect className="map-area" x={area.x0} y={area.y0} width={area.x1 - area.x0} height={area.y1 - area.y0} />
          <path className="map-graticule" d={layout.graticule} clipPath={`url(#${clipId})`} aria-hidden="true" />
          {readingOrder.map((marker) => {
            const item = onMap.get(marker.id);
            return item ? <MapMarker key={marker.id} marker={marker} item={item} /> : null;
          })}
        </svg>
      </div>
      <figcaption id={captionId}>{t('map.caption')}</figcaption>
      <MapLegend />
      {offMap.length > 0 ? (
        <div className="map-off">
          <p>{t('map.offMap', { count: offMap.length })}</p>
          <ul>
            {offMap.map((centre) => (
              <li key={centre.id}>
                <Link to={`/centres/${encodeURIComponent(centre.id)}`}>{centre.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </figure>
  );
}

function MapMarker({ marker, item }: { marker: PlacedMarker; item: MapCentre }) {
  const { t } = useTranslation();
  const { centre, nameLines, activity, closed } = item;
  const { label } = marker;
  const left = label.side === 'left';
  const boxX = left ? 0 : MAP_WIDTH - LABEL_COLUMN_WIDTH;
  const textX = left ? LABEL_COLUMN_WIDTH - 8 : MAP_WIDTH - LABEL_COLUMN_WIDTH + 8;
  const anchorX = left ? LABEL_COLUMN_WIDTH : MAP_WIDTH - LABEL_COLUMN_WIDTH;
  const anchorY = label.y + label.height / 2;
  const moved = Math.hypot(marker.x - marker.townX, marker.y - marker.townY) > 1;
  const kind = t(`centreKind.${centre.kind}`);
  return (
    <Link
      to={`/centres/${encodeURIComponent(centre.id)}`}
      className={closed ? 'map-centre map-centre-closed' : 'map-centre'}
      aria-label={`${centre.name}. ${kind}. ${activity}`}
      data-testid="map-centre"
    >
      <title>{`${centre.name} (${kind}): ${activity}`}</title>
      <rect className="map-label-box" x={boxX} y={label.y} width={LABEL_COLUMN_WIDTH} height={label.height} rx={4} />
      <line className="map-leader" x1={anchorX} y1={anchorY} x2={marker.x} y2={marker.y} />
      {moved ? (
        <>
          {/* The marker was nudged off its town to stay readable: a dot and a thread keep the true spot. */}
          <line className="map-tether" x1={marker.townX} y1={marker.townY} x2={marker.x} y2={marker.y} />
          <circle className="map-town" cx={marker.townX} cy={marker.townY} r={2} />
        </>
      ) : null}
      <path className={`map-marker map-marker-${centre.kind}`} d={markerPath(centre.kind, marker.x, marker.y, marker.radius)} />
      <text className="map-label" x={textX} y={label.y + 6} textAnchor={left ? 'end' : 'start'}>
        {nameLines.map((line, index) => (
          <tspan key={index} className="map-label-name" x={textX} dy={index === 0 ? 12 : LABEL_LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
        <tspan className="map-label-activity" x={textX} dy={LABEL_LINE_HEIGHT} data-testid="map-activity">
          {activity}
        </tspan>
      </text>
    </Link>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      {CENTRE_KINDS.map((kind) => (
        <li key={kind}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path className={`map-marker map-marker-${kind}`} d={markerPath(kind, 12, 12, 7)} />
          </svg>
          {t(`centreKind.${kind}`)}
        </li>
      ))}
      <li>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path className="map-marker map-marker-closed" d={markerPath('CITY', 12, 12, 7)} />
        </svg>
        {t('map.closedLegend')}
      </li>
      <li>{t('map.sizeLegend')}</li>
    </ul>
  );
}
