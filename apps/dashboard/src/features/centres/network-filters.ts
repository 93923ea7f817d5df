import { CENTRE_KINDS, type CentreKind } from '@mrc/domain';
import type { NetworkOverviewQuery } from '../../gql/graphql';
import { centreStatus, groupByParent, type CentreGroup } from './centre-network';

export type OverviewCentre = NetworkOverviewQuery['centres']['nodes'][number];

export type NetworkView = 'list' | 'map';

/** The network page's state as the URL holds it (`/centres?kind=CITY&q=bal&closed=1&view=map`). */
export interface NetworkFilterState {
  kind: CentreKind | '';
  q: string;
  /** Closed centres are left out unless asked for: most of the time people look for working ones. */
  showClosed: boolean;
  view: NetworkView;
}

export function readNetworkFilters(params: URLSearchParams): NetworkFilterState {
  const kind = params.get('kind') ?? '';
  return {
    kind: (CENTRE_KINDS as readonly string[]).includes(kind) ? (kind as CentreKind) : '',
    q: params.get('q') ?? '',
    showClosed: params.get('closed') === '1',
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

export function writeNetworkFilters(state: NetworkFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.kind) params.set('kind', state.kind);
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.showClosed) params.set('closed', '1');
  if (state.view === 'map') params.set('view', 'map');
  return params;
}

/** Whether anything narrows the list (the view alone does not). */
export function hasNetworkFilters(state: NetworkFilterState): boolean {
  return state.kind !== '' || state.q.trim() !== '' || state.showClosed;
}

/**
 * Whether a centre passes the filters on `today`. The search looks at the name and town in all three
 * languages, as the API's own search does, so "Балқаш", "Балхаш" and "Balkhash" all find it. The
 * network is loaded whole, every page of it: filtering here keeps the tree around the matches.
 */
export function matchesNetworkFilters(centre: OverviewCentre, state: NetworkFilterState, today: string): boolean {
  if (state.kind && centre.kind !== state.kind) return false;
  if (!state.showClosed && centreStatus(centre, today)?.state === 'closed') return false;
  const query = state.q.trim().toLocaleLowerCase();
  if (!query) return true;
  const texts = [centre.name, centre.town, ...Object.values(centre.names), ...Object.values(centre.towns)];
  return texts.some((text) => typeof text === 'string' && text.toLocaleLowerCase().includes(query));
}

/**
 * The groups of the network page: every centre that passes under its parent's heading. A heading
 * stays when its own centre does not pass but some below it do, so a match is never shown without
 * the centre it belongs to.
 */
export function filterNetworkGroups(
  centres: readonly OverviewCentre[],
  state: NetworkFilterState,
  today: string,
): { groups: CentreGroup<OverviewCentre>[]; matching: OverviewCentre[] } {
  const matching = centres.filter((centre) => matchesNetworkFilters(centre, state, today));
  const passes = new Set(matching.map((centre) => centre.id));
  const groups = groupByParent(centres)
    .map((group) => ({ head: group.head, members: group.members.filter((member) => passes.has(member.id)) }))
    .filter((group) => passes.has(group.head.id) || group.members.length > 0);
  return { groups, matching };
}

/** What runs at a centre: its open clubs and the program runs on today. */
export function centreActivity(centre: Pick<OverviewCentre, 'clubs' | 'programRuns'>): { openClubs: number; runningPrograms: number } {
  return {
    openClubs: centre.clubs.length,
    runningPrograms: centre.programRuns.filter((run) => run.status === 'RUNNING').length,
  };
}
