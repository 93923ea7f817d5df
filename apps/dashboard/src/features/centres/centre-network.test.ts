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
  it('lists every centre once: a centre with centres under it first in its own group, the others under their parent', () => {
    const region = (id: string) => centre({ id, name: id, parent: { __typename: 'Centre', id: REGIONAL_CENTRE.id } });
    const district = (id: string, parent: string) => centre({ id, name: id, parent: { __typename: 'Centre', id: parent } });
    const network = [REGIONAL_CENTRE, district('abay', 'karaganda'), region('almaty'), district('central-a', 'almaty'), region('karaganda'), district('central-k', 'karaganda'), region('no-districts')];
    const groups = pickerGroups(network).map((group) => [group.head.id, group.options.map((option) => option.id)]);
    expect(groups).toEqual([
      [REGIONAL_CENTRE.id, [REGIONAL_CENTRE.id, 'no-districts']],
      ['almaty', ['almaty', 'central-a']],
      ['karaganda', ['karaganda', 'abay', 'central-k']],
    ]);
    expect(groups.flatMap(([, options]) => options).sort()).toEqual(network.map((member) => member.id).sort());
  });

  it('is one group for a network of one level, as Karaganda is', () => {
    expect(pickerGroups(KARAGANDA_NETWORK)).toEqual([{ head: REGIONAL_CENTRE, options: KARAGANDA_NETWORK }]);
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
