import { describe, expect, it } from 'vitest';
import { centreStatus, groupByParent, localIsoDate, pickerGroups } from './centre-network';
import { centre, KARAGANDA_NETWORK, REGIONAL_CENTRE } from './centres.fixtures';

describe('groupByParent', () => {
  it('puts the regional centre at the head and the district centres under it, in server order', () => {
    const groups = groupByParent(KARAGANDA_NETWORK);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.head).toBe(REGIONAL_CENTRE);
    expect(groups[0]?.members.map((member) => member.name)).toEqual(
      KARAGANDA_NETWORK.slice(1).map((member) => member.name),
    );
  });

  it('gives a deeper level its own group, so no centre is left out', () => {
    const district = centre({ id: 'd', name: 'Nura district', parent: { __typename: 'Centre', id: REGIONAL_CENTRE.id } });
    const village = centre({ id: 'v', name: 'Kiyevka', parent: { __typename: 'Centre', id: 'd' } });
    const groups = groupByParent([REGIONAL_CENTRE, district, village]);
    expect(groups.map((group) => [group.head.id, group.members.map((member) => member.id)])).toEqual([
      [REGIONAL_CENTRE.id, ['d']],
      ['d', ['v']],
    ]);
  });

  it('treats a centre whose parent is not listed as a root', () => {
    const orphan = centre({ id: 'o', name: 'Orphan', parent: { __typename: 'Centre', id: 'not-listed' } });
    expect(groupByParent([orphan])).toEqual([{ head: orphan, members: [] }]);
  });
});

describe('pickerGroups', () => {
  const under = (id: string, parent: string, name = id) => centre({ id, name, parent: { __typename: 'Centre', id: parent } });
  const shape = (groups: ReturnType<typeof pickerGroups>) => groups.map((group) => [group.label, group.options.map((option) => option.label)]);

  it('is a plain list in the server order for a network of one level, as Karaganda is', () => {
    expect(shape(pickerGroups(KARAGANDA_NETWORK))).toEqual([[null, KARAGANDA_NETWORK.map((member) => member.name)]]);
  });

  it('puts each region first in a group of its own, lists every centre once, and names the parent of a shared name', () => {
    // The API's order: the root, then by name (a district may come before its region).
    const network = [
      REGIONAL_CENTRE,
      under('almaty', REGIONAL_CENTRE.id, 'Almaty city'),
      under('abay', 'karaganda', 'Abay district'),
      under('central-a', 'almaty', 'Central district'),
      under('central-k', 'karaganda', 'Central district'),
      under('karaganda', REGIONAL_CENTRE.id, 'Karaganda region'),
      under('lone', REGIONAL_CENTRE.id, 'Lone city'),
    ];
    expect(shape(pickerGroups(network))).toEqual([
      [REGIONAL_CENTRE.name, [REGIONAL_CENTRE.name, 'Lone city']],
      ['Almaty city', ['Almaty city', 'Central district (Almaty city)']],
      ['Karaganda region', ['Karaganda region', 'Abay district', 'Central district (Karaganda region)']],
    ]);
  });

  it('labels a deeper group with its path below the root, and keeps a head without members out of a group of one', () => {
    const network = [REGIONAL_CENTRE, under('karaganda', REGIONAL_CENTRE.id, 'Karaganda region'), under('central', 'karaganda', 'Central district'), under('village', 'central', 'Village')];
    expect(shape(pickerGroups(network))).toEqual([
      [null, [REGIONAL_CENTRE.name]],
      [null, ['Karaganda region']],
      ['Karaganda region › Central district', ['Central district', 'Village']],
    ]);
  });

  it('lets a centre whose parent is on a later page wait after the groups, not head a group of one', () => {
    // "Abay district" sorts before every region, and its own (Karaganda) is on the next page.
    const network = [REGIONAL_CENTRE, under('abay', 'karaganda', 'Abay district'), under('almaty', REGIONAL_CENTRE.id, 'Almaty city'), under('central-a', 'almaty', 'Central district')];
    expect(shape(pickerGroups(network))).toEqual([
      [null, [REGIONAL_CENTRE.name]],
      ['Almaty city', ['Almaty city', 'Central district']],
      [null, ['Abay district']],
    ]);
  });
});

describe('centreStatus', () => {
  it('says closed from the closing day on, and not open before the opening day', () => {
    expect(centreStatus({ openedOn: '2020-01-01', closedOn: '2026-03-01' }, '2026-03-01')).toEqual({
      state: 'closed',
      since: '2026-03-01',
    });
    expect(centreStatus({ openedOn: '2026-09-01', closedOn: null }, '2026-08-31')).toEqual({
      state: 'not-yet-open',
      opensOn: '2026-09-01',
    });
    expect(centreStatus({ openedOn: '2026-09-01', closedOn: '2027-01-01' }, '2026-09-01')).toBeNull();
    expect(centreStatus({ openedOn: null, closedOn: null }, '2026-09-01')).toBeNull();
  });
});

describe('localIsoDate', () => {
  it('writes the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
