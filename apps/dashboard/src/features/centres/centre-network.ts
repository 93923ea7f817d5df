import type { NetworkCentresQuery } from '../../gql/graphql';

export type NetworkCentre = NetworkCentresQuery['centres']['nodes'][number];

/** What grouping needs of a centre: itself and its parent. */
export interface TreeCentre {
  id: string;
  parent?: { id: string } | null;
}

/** A centre and the centres directly under it, both in the server's order. */
export interface CentreGroup<C extends TreeCentre = NetworkCentre> {
  head: C;
  members: C[];
}

/**
 * Turns the flat list into what the page shows: each root (the regional centre) with the centres under
 * it, then any deeper level as its own group, so a region → district → village network shows every
 * centre without a change here. A centre whose parent is not in the list counts as a root.
 */
export function groupByParent<C extends TreeCentre>(centres: readonly C[]): CentreGroup<C>[] {
  const listed = new Set(centres.map((centre) => centre.id));
  const membersByParent = new Map<string, C[]>();
  for (const centre of centres) {
    const parentId = centre.parent?.id;
    if (parentId === undefined || !listed.has(parentId)) continue;
    const members = membersByParent.get(parentId) ?? [];
    members.push(centre);
    membersByParent.set(parentId, members);
  }
  return centres
    .filter((centre) => isRoot(centre, listed) || membersByParent.has(centre.id))
    .map((head) => ({ head, members: membersByParent.get(head.id) ?? [] }));
}

/**
 * The centre pickers' option groups: every centre once, in the group of the centre it reports to; a
 * centre with centres under it heads a group of its own and comes first in it. In a national network
 * the districts of each region stand under the region's name, and two districts of one name (a
 * "Central district" in several cities) can be told apart.
 */
export function pickerGroups<C extends TreeCentre>(centres: readonly C[]): { head: C; options: C[] }[] {
  const groups = groupByParent(centres);
  const heads = new Set(groups.map((group) => group.head.id));
  return groups.map(({ head, members }) => ({ head, options: [head, ...members.filter((member) => !heads.has(member.id))] }));
}

export function isRoot(centre: TreeCentre, listed: ReadonlySet<string>): boolean {
  return !centre.parent || !listed.has(centre.parent.id);
}

export type CentreStatus = { state: 'closed'; since: string } | { state: 'not-yet-open'; opensOn: string } | null;

/**
 * Whether a centre is closed or not open yet on `today` (`YYYY-MM-DD`); null when it is working.
 * ISO dates compare correctly as strings, and comparing strings keeps time zones out of it.
 */
export function centreStatus(centre: Pick<NetworkCentre, 'openedOn' | 'closedOn'>, today: string): CentreStatus {
  if (centre.closedOn && centre.closedOn <= today) return { state: 'closed', since: centre.closedOn };
  if (centre.openedOn && centre.openedOn > today) return { state: 'not-yet-open', opensOn: centre.openedOn };
  return null;
}

/** Today's date where the person is, as `YYYY-MM-DD`. */
export function localIsoDate(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
