import { describe, expect, it } from 'vitest';
import { NETWORK, overviewCentre, REGIONAL } from './network.fixtures';
import { centreActivity, filterNetworkGroups, readNetworkFilters, writeNetworkFilters } from './network-filters';

const TODAY = '2026-11-26';

describe('the network filters', () => {
  it('round-trip through the URL, ignoring values that are not ours', () => {
    const state = readNetworkFilters(new URLSearchParams('kind=CITY&q=%20bal%20&closed=1&view=map'));
    expect(state).toEqual({ kind: 'CITY', q: ' bal ', showClosed: true, view: 'map' });
    expect(writeNetworkFilters(state).toString()).toBe('kind=CITY&q=bal&closed=1&view=map');
    expect(readNetworkFilters(new URLSearchParams('kind=VILLAGE&closed=yes&view=globe'))).toEqual({ kind: '', q: '', showClosed: false, view: 'list' });
    expect(writeNetworkFilters(readNetworkFilters(new URLSearchParams())).toString()).toBe('');
  });

  it('keep a matching centre under its parent, and the parent as the heading even when it does not match', () => {
    const { groups, matching } = filterNetworkGroups(NETWORK, readNetworkFilters(new URLSearchParams('q=балх')), TODAY);
    expect(matching.map((centre) => centre.name)).toEqual(['Balkhash']);
    expect(groups).toEqual([{ head: REGIONAL, members: [matching[0]] }]);
  });

  it('find a centre by its name or town in any language, whatever the case', () => {
    for (const q of ['БАЛҚАШ', 'г. балхаш', 'balkhash']) {
      expect(filterNetworkGroups(NETWORK, readNetworkFilters(new URLSearchParams({ q })), TODAY).matching).toHaveLength(1);
    }
  });

  it('leave closed centres out unless asked for; one closing later is still open today', () => {
    const closed = overviewCentre({ id: 'x', name: 'Closed', closedOn: '2026-01-01', parent: { __typename: 'Centre', id: REGIONAL.id } });
    const closing = overviewCentre({ id: 'y', name: 'Closing', closedOn: '2027-01-01', parent: { __typename: 'Centre', id: REGIONAL.id } });
    const all = [REGIONAL, closed, closing];
    expect(filterNetworkGroups(all, readNetworkFilters(new URLSearchParams()), TODAY).matching.map((centre) => centre.id)).toEqual(['c-0', 'y']);
    expect(filterNetworkGroups(all, readNetworkFilters(new URLSearchParams('closed=1')), TODAY).matching).toHaveLength(3);
  });

  it('drop a group when neither its head nor any member matches', () => {
    const { groups } = filterNetworkGroups(NETWORK, readNetworkFilters(new URLSearchParams('q=nowhere')), TODAY);
    expect(groups).toEqual([]);
  });
});

describe('centreActivity', () => {
  it('counts the open clubs and only the runs that are on', () => {
    expect(centreActivity(REGIONAL)).toEqual({ openClubs: 7, runningPrograms: 2 });
  });
});
