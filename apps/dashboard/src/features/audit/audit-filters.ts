import type { AuditEntryFilter } from '../../gql/graphql';

/**
 * The audit page's filters as the URL holds them, so a filtered view can be shared
 * (`/audit?entityType=User&from=2026-03-01`). Dates are calendar days where the person is.
 */
export interface AuditFilterState {
  user: string;
  entityType: string;
  entityId: string;
  centre: string;
  /** With `centre`: changes concerning it or any centre under it (`below=1`). */
  below: boolean;
  /** First day included, `YYYY-MM-DD`. */
  from: string;
  /** Last day included, `YYYY-MM-DD`. */
  to: string;
}

const KEYS = ['user', 'entityType', 'entityId', 'centre', 'from', 'to'] as const satisfies ReadonlyArray<keyof AuditFilterState>;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditFilters(params: URLSearchParams): AuditFilterState {
  const day = (value: string | null) => (value && ISO_DAY.test(value) && startOfDay(value) ? value : '');
  return {
    user: params.get('user') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    centre: params.get('centre') ?? '',
    below: params.get('below') === '1',
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

export function writeAuditFilters(state: AuditFilterState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (state[key]) params.set(key, state[key]);
  if (state.centre && state.below) params.set('below', '1');
  return params;
}

export function hasAuditFilters(state: AuditFilterState): boolean {
  return KEYS.some((key) => state[key] !== '');
}

/** True when the range ends before it starts: nothing can match. */
export function isBackwardRange(state: AuditFilterState): boolean {
  return state.from !== '' && state.to !== '' && state.to < state.from;
}

/**
 * The API's filter. The API's `to` is exclusive ("before this time"), so the last day counts in full:
 * up to the next midnight where the person is.
 */
export function toAuditFilter(state: AuditFilterState): AuditEntryFilter | undefined {
  const filter: AuditEntryFilter = {};
  if (state.user) filter.userId = state.user;
  if (state.entityType) filter.entityType = state.entityType;
  if (state.entityId) filter.entityId = state.entityId;
  if (state.centre) filter.centreId = state.centre;
  if (state.centre && state.below) filter.includeSubtree = true;
  const from = state.from ? startOfDay(state.from) : undefined;
  if (from) filter.from = from.toISOString();
  const to = state.to ? startOfDay(state.to, 1) : undefined;
  if (to) filter.to = to.toISOString();
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/** Local midnight at the start of `isoDay` (plus `addDays`), or undefined for a day that does not exist. */
function startOfDay(isoDay: string, addDays = 0): Date | undefined {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const date = new Date(year, month - 1, day + addDays);
  const check = new Date(year, month - 1, day);
  // 2026-02-31 would roll over into March: refuse it rather than filter by a day nobody chose.
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return undefined;
  return date;
}
