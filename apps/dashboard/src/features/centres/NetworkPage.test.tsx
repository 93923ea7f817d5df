import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { networkMock } from './centres.fixtures';
import {
  NETWORK,
  nationalNetwork,
  overviewCentre,
  overviewErrorMock,
  overviewMock,
  overviewPageMock,
  overviewPageMocks,
  recordingOverviewMock,
  REGIONAL,
} from './network.fixtures';

describe('the network page', () => {
  it('shows a skeleton while loading, then the regional centre with its 14 district centres and what runs there', async () => {
    renderApp({ path: '/centres', mocks: [overviewMock()] });

    expect(await screen.findByTestId('centres-loading')).toHaveTextContent('Loading the centres…');
    const regional = await screen.findByTestId('regional-centre');
    expect(screen.queryByTestId('centres-loading')).not.toBeInTheDocument();

    expect(within(regional).getByRole('heading', { level: 2 })).toHaveTextContent(REGIONAL.name);
    expect(within(regional).getByRole('link', { name: REGIONAL.name })).toHaveAttribute('href', '/centres/c-0');
    expect(regional).toHaveTextContent('Regional centre');
    // Seven open clubs; two of its three runs are on (the third finished).
    expect(regional).toHaveTextContent('7 open clubs · 2 programs running');
    expect(screen.getByRole('table', { name: '14 centres in its network' })).toBeInTheDocument();

    const rows = screen.getAllByTestId('centre-row');
    expect(rows).toHaveLength(14);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Kazybek Bi district');
    expect(rows[0]).toHaveTextContent('City district');
    expect(within(rows[2]!).getByRole('link', { name: 'Temirtau' })).toHaveAttribute('href', '/centres/c-3');
    expect(within(rows[2]!).getByTestId('open-clubs')).toHaveTextContent('3');
    expect(rows[13]).toHaveTextContent('Rural district');
    expect(rows[13]).toHaveTextContent('Aksu-Ayuly');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Showing 15 of 15 centres.');
    await waitFor(() => expect(document.title).toBe('Network of centres · MRC Network'));
  });

  it('loads a network of more than one page whole, grouping centres under parents that come on a later page', async () => {
    // 3 regional centres with 49 districts each: the districts fill the first page, the regional
    // centres come on the second with the last districts.
    const network = nationalNetwork(3, 49);
    renderApp({ path: '/centres', mocks: overviewPageMocks(network) });

    // The first page shows while the second is on its way, and the status says so.
    expect(await screen.findByText('Loading the network: 100 of 150 centres…')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: 'District 1.01' })).toBeInTheDocument();

    await waitFor(() => expect(screen.getAllByTestId('regional-centre')).toHaveLength(3));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Showing 150 of 150 centres.');
    expect(screen.getAllByTestId('centre-row')).toHaveLength(147);
    // Every district sits under its regional centre; none is left heading a group of its own.
    expect(screen.queryByTestId('parent-centre')).not.toBeInTheDocument();
    const region3 = screen.getByRole('region', { name: 'Youth Resource Centre of Region 3' });
    expect(within(region3).getByRole('table', { name: '49 centres in its network' })).toBeInTheDocument();
    expect(within(region3).getByRole('link', { name: 'District 3.01' })).toBeInTheDocument();
    expect(within(region3).getByRole('link', { name: 'District 3.49' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing the first/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the centres it has when a later page fails, and its Retry goes on from there', async () => {
    const user = userEvent.setup();
    const network = nationalNetwork(3, 49);
    // One answer per page: asking for the first page again would find no mock and fail the test.
    renderApp({
      path: '/centres',
      language: 'ru',
      mocks: [overviewPageMock(network, 0), overviewErrorMock('INTERNAL_SERVER_ERROR', 1), overviewPageMock(network, 1)],
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Не удалось загрузить остальную часть сети.');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Удалось загрузить только 100 из 150 центров.');
    expect(screen.getByRole('link', { name: 'District 1.01' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'District 3.49' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Попробовать снова' }));

    await waitFor(() => expect(screen.getAllByTestId('regional-centre')).toHaveLength(3));
    expect(screen.getAllByTestId('centre-row')).toHaveLength(147);
    expect(screen.getByRole('link', { name: 'District 1.01' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Показано 150 из 150 центров.');
  });

  it('asks once for a network that fits on one page, even a full one', async () => {
    // Exactly 100 centres: only the API's hasNextPage says that nothing follows.
    const network = nationalNetwork(2, 49);
    const { mock, requests } = recordingOverviewMock(network);
    renderApp({ path: '/centres', mocks: [mock] });

    expect(await screen.findAllByTestId('centre-row')).toHaveLength(98);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Showing 100 of 100 centres.');
    // Time for a needless next request to go out, had one been asked for.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([{ first: 100 }]);
  });

  it('explains an error in plain words and loads the network when Retry is pressed', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres', mocks: [overviewErrorMock('INTERNAL_SERVER_ERROR'), overviewMock()] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The centres could not be loaded.');
    expect(alert).toHaveTextContent('Something went wrong on the server.');
    expect(alert).not.toHaveTextContent('A message the UI must not depend on');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findAllByTestId('centre-row')).toHaveLength(14);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('branches on the error code: no Retry where asking again cannot help', async () => {
    renderApp({ path: '/centres', mocks: [overviewErrorMock('FORBIDDEN')] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You do not have access to this information.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });

  it('says what to expect when the network has no centres yet', async () => {
    renderApp({ path: '/centres', mocks: [overviewMock([])] });

    expect(await screen.findByText('There are no centres yet')).toBeInTheDocument();
    expect(screen.queryAllByTestId('centre-row')).toHaveLength(0);
  });

  it('leaves closed centres out until asked, then marks them with their closing date in the chosen language', async () => {
    const user = userEvent.setup();
    const closed = overviewCentre({ id: 'c-closed', name: 'Приозёрск қаласы', closedOn: '2025-12-31', parent: { __typename: 'Centre', id: REGIONAL.id } });
    const open = overviewCentre({ id: 'c-open', name: 'Саран қаласы', parent: { __typename: 'Centre', id: REGIONAL.id } });
    const { router } = renderApp({ path: '/centres', language: 'kk', mocks: [overviewMock([REGIONAL, closed, open])] });

    expect(await screen.findAllByTestId('centre-row')).toHaveLength(1);
    expect(screen.queryByText('Приозёрск қаласы')).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Жабылған орталықтарды көрсету' }));

    expect(router.state.location.search).toBe('?closed=1');
    const rows = await screen.findAllByTestId('centre-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('2025 жылғы 31 желтоқсан жабылды');
  });

  it('filters by kind and by a name in any language, keeping the filters in the address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ path: '/centres', mocks: [overviewMock()] });
    await screen.findAllByTestId('centre-row');

    await user.selectOptions(screen.getByLabelText('Kind'), 'City');
    expect(router.state.location.search).toBe('?kind=CITY');
    expect(screen.getAllByTestId('centre-row')).toHaveLength(5);
    // The regional centre stays as the heading of its group.
    expect(screen.getByTestId('regional-centre')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Name or town' }), 'Балқаш');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(router.state.location.search).toBe('?kind=CITY&q=%D0%91%D0%B0%D0%BB%D2%9B%D0%B0%D1%88');
    const [row] = screen.getAllByTestId('centre-row');
    expect(screen.getAllByTestId('centre-row')).toHaveLength(1);
    expect(row).toHaveTextContent('Balkhash');
  });

  it('opens from a shared address with its filters, and says when nothing matches', async () => {
    renderApp({ path: '/centres?kind=RURAL_DISTRICT&q=temir', mocks: [overviewMock()] });

    expect(await screen.findByText('No centre matches these filters')).toBeInTheDocument();
    expect(screen.getByLabelText('Kind')).toHaveValue('RURAL_DISTRICT');
    expect(screen.getByRole('searchbox', { name: 'Name or town' })).toHaveValue('temir');
    const clear = screen.getAllByRole('link', { name: 'Clear the filters' });
    expect(clear[0]).toHaveAttribute('href', '/centres');
  });

  it('shows the map: every centre a labelled link to its page, with its club count', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ path: '/centres', mocks: [overviewMock()] });
    await screen.findAllByTestId('centre-row');

    await user.click(screen.getByRole('button', { name: 'Map' }));

    expect(router.state.location.search).toBe('?view=map');
    expect(screen.getByRole('button', { name: 'Map' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'false');
    const map = screen.getByTestId('network-map');
    const markers = within(map).getAllByTestId('map-centre');
    expect(markers).toHaveLength(15);
    const temirtau = within(map).getByRole('link', { name: 'Temirtau. City. 3 clubs · 0 programs' });
    expect(temirtau).toHaveAttribute('href', '/centres/c-3');
    expect(within(map).getByRole('link', { name: /^Youth Resource Centre of Karaganda region\. Regional centre\. 7 clubs · 2 programs$/ })).toBeInTheDocument();
    expect(map).toHaveTextContent('Schematic map of Karaganda region');
    expect(within(map).getByRole('list', { name: 'Legend' })).toHaveTextContent('Rural district');
    expect(screen.queryAllByTestId('centre-row')).toHaveLength(0);
  });

  it('lists the centres it cannot place on the map', async () => {
    const nowhere = overviewCentre({ id: 'c-x', name: 'Village centre', parent: { __typename: 'Centre', id: REGIONAL.id } });
    renderApp({ path: '/centres?view=map', mocks: [overviewMock([REGIONAL, nowhere])] });

    expect(await screen.findByText('1 centre has no coordinates and is not on the map:')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Village centre' })).toHaveAttribute('href', '/centres/c-x');
    expect(screen.getAllByTestId('map-centre')).toHaveLength(1);
  });

  it('is reachable from the navigation, which marks the current page', async () => {
    const user = userEvent.setup();
    // The overview counts centres with the pickers' query; the network page asks its own.
    renderApp({ path: '/', mocks: [networkMock(), overviewMock()] });

    await user.click(await screen.findByRole('link', { name: 'Network' }));

    expect(await screen.findAllByTestId('centre-row')).toHaveLength(NETWORK.length - 1);
    expect(screen.getByRole('link', { name: 'Network' })).toHaveAttribute('aria-current', 'page');
  });
});
