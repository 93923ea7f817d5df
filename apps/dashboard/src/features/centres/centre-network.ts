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

/** A centre as a picker offers it: its name, with the centre it reports to when another has the same name. */
export interface PickerOption<C> {
  centre: C;
  label: string;
}

/** Options under a label (an `<optgroup>`), or, with a null label, options that stand on their own. */
export interface PickerGroup<C> {
  label: string | null;
  options: PickerOption<C>[];
}

/**
 * The centre pickers' options, every centre once. A network of one level (Karaganda) is a plain list
 * in the server's order. Deeper, each centre with centres under it heads a group and comes first in
 * it, labelled with its path below the root ("Karaganda region › Central district"), so a national
 * network's districts stand under their region. A name two centres share gets its parent's name
 * beside it, since a closed picker shows the option alone. A centre whose parent has not arrived yet
 * (a later page) waits after the groups rather than heading a group of one.
 */
export function pickerGroups<C extends TreeCentre & { name: string }>(centres: readonly C[]): PickerGroup<C>[] {
  const byId = new Map(centres.map((centre) => [centre.id, centre]));
  const named = new Map<string, number>();
  for (const centre of centres) named.set(centre.name, (named.get(centre.name) ?? 0) + 1);
  const option = (centre: C): PickerOption<C> => {
    const parent = centre.parent ? byId.get(centre.parent.id) : undefined;
    return { centre, label: (named.get(centre.name) ?? 0) > 1 && parent ? `${centre.name} (${parent.name})` : centre.name };
  };
  const groups = groupByParent(centres);
  if (groups.filter((group) => group.members.length > 0).length <= 1) return [{ label: null, options: centres.map(option) }];

  const heads = new Set(groups.map((group) => group.head.id));
  const waiting: C[] = [];
  const entries: PickerGroup<C>[] = [];
  for (const { head, members } of groups) {
    // Only a centre whose parent is not listed yet can head a group with no members.
    if (members.length === 0 && head.parent) waiting.push(head);
    else {
      const options = [head, ...members.filter((member) => !heads.has(member.id))].map(option);
      entries.push({ label: options.length > 1 ? pathBelowRoot(head, byId) : null, options });
    }
  }
  if (waiting.length > 0) entries.push({ label: null, options: waiting.map(option) });
  return entries;
}

/** The names from the level under the root down to `centre`: the root itself is named by its own name. */
function pathBelowRoot<C extends TreeCentre & { name: string }>(centre: C, byId: ReadonlyMap<string, C>): string {
  const names = [centre.name];
  const seen = new Set([centre.id]);
  for (let above = byId.get(centre.parent?.id ?? ''); above?.parent && byId.has(above.parent.id) && !seen.has(above.id); above = byId.get(above.parent.id)) {
    seen.add(above.id);
    names.unshift(above.name);
  }
  return names.join(' › ');
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
