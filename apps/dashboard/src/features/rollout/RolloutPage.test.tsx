import { MockSubscriptionLink } from '@apollo/client/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LiveConnection } from '../../app/apollo/live-connection';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { asChanged, CENTRES, detailItem, karagandaItems, matrixItem, matrixMock, matrixResult, progress, progressMock, TYPES } from './rollout.fixtures';

function row(name: string): HTMLElement {
  return screen.getAllByTestId('matrix-row').find((candidate) => within(candidate).getByRole('rowheader').textContent?.startsWith(name))!;
}

function cells(name: string): HTMLElement[] {
  return within(row(name)).getAllByTestId('matrix-cell');
}

describe('the rollout matrix', () => {
  it('shows districts down and club types across, each cell a mark and a word with its gates, late ones marked', async () => {
    renderApp({ path: '/rollout', mocks: [matrixMock(), progressMock()] });

    const matrix = await screen.findByRole('table', { name: 'Where each club stands in each district' });
    expect(within(matrix).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['District', 'Dombra', 'Public speaking', 'Singing', 'Running']);
    expect(within(matrix).getAllByRole('rowheader').map((header) => header.textContent)).toEqual(['Balkhash', 'Saran', 'Temirtau']);

    const balkhash = cells('Balkhash');
    expect(balkhash.map((cell) => cell.textContent)).toEqual([
      '✓ Active4 of 4 gates met',
      '◔ Preparing1 of 4 gates met◷ late',
      '○ Planned0 of 4 gates met',
    ]);
    // The status is never colour alone: a mark and a word, and a late cell says "late" in words too.
    expect(balkhash[1]).toHaveAttribute('data-late', 'true');
    expect(within(balkhash[1]!).getByText('late')).toBeInTheDocument();
    expect(within(balkhash[1]!).getByRole('link', { name: 'Balkhash, Public speaking: Preparing, 1 of 4 gates met, late' })).toHaveAttribute(
      'href',
      '/rollout/ri-c-4-t-oratory',
    );
    expect(within(balkhash[0]!).getByTestId('gate-ticks')).toHaveTextContent('4 of 4 gates met');

    // Saran has no singing on its plan: said in words, with nothing to open.
    const saran = cells('Saran');
    expect(saran[2]).toHaveTextContent('Not planned');
    expect(within(saran[2]!).queryByRole('link')).not.toBeInTheDocument();
    expect(saran[0]).toHaveTextContent('‖ Paused');

    expect(within(row('Temirtau')).getByTestId('district-running')).toHaveTextContent('1 of 2');
    expect(within(row('Balkhash')).getByTestId('district-running')).toHaveTextContent('1 of 3');
  });

  it('explains its marks in a legend', async () => {
    renderApp({ path: '/rollout', mocks: [matrixMock(), progressMock()] });

    const legend = await screen.findByRole('list', { name: 'What the marks mean' });
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '○ Planned',
      '◔ Preparing',
      '▶ Launched',
      '✓ Active',
      '‖ Paused',
      '✕ Cancelled',
      '◷ late',
      ' readiness gates, filled when met (here 3 of 4)',
    ]);
  });

  it('lists the late items, the longest overdue first, each opening its panel', async () => {
    renderApp({ path: '/rollout', mocks: [matrixMock(), progressMock()] });

    const late = await screen.findByRole('table', { name: 'Planned day passed and the club not launched, the longest overdue first' });
    expect(screen.getByRole('heading', { name: '2 late items' })).toBeInTheDocument();
    const rows = within(late).getAllByTestId('late-item');
    expect(rows.map((entry) => within(entry).getByRole('rowheader').textContent)).toEqual(['Balkhash', 'Saran']);
    expect(rows[0]).toHaveTextContent('17 August 2026');
    expect(within(rows[1]!).getByRole('link', { name: 'Public speaking' })).toHaveAttribute('href', '/rollout/ri-c-5-t-oratory');
  });

  it("marks a coordinator's own district, and shows them every district", async () => {
    renderApp({ path: '/rollout', session: COORDINATOR, mocks: [matrixMock(), progressMock()] });

    await screen.findByTestId('rollout-matrix');
    expect(within(row('Temirtau')).getByRole('rowheader')).toHaveTextContent('Temirtauyour district');
    expect(within(row('Balkhash')).getByRole('rowheader')).toHaveTextContent(/^Balkhash$/);
    expect(screen.getAllByTestId('matrix-row')).toHaveLength(3);
  });

  it('shows the progress: the share launched, each club with its forecast, plan against actual as a chart and a table', async () => {
    renderApp({ path: '/rollout', session: ANALYST, mocks: [matrixMock(), progressMock(progress({ forecastOn: '2028-02-10' }))] });

    expect(await screen.findByTestId('network-share')).toHaveTextContent('29%');
    expect(screen.getByTestId('network-progress')).toHaveTextContent('launched: 2 of 7 clubs planned in the districts');
    const types = screen.getAllByTestId('type-progress-row');
    expect(types.map((type) => type.textContent)).toEqual([
      'Dombra1 of 3 districtsAll districts by 4 May 2027 at this pace',
      'Public speaking1 of 3 districtsAll districts by 10 February 2028 at this pace · 2 late',
      'Singing0 of 1 districtsNo forecast: not launched in any district yet',
    ]);
    expect(screen.getByTestId('forecast-statement')).toHaveTextContent('At the pace so far, every club will run in every planned district by 10 February 2028.');
    expect(screen.getByTestId('forecast-method')).toHaveTextContent(/^Linear pace per club type/);
    expect(screen.getByTestId('plan-chart')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Launches planned and made by the end of each month, cumulative' });
    const lines = within(table).getAllByRole('row').map((line) => line.textContent);
    expect(lines[0]).toBe("MonthPlanned by the month's endLaunched by the month's end");
    expect(lines[2]).toBe('July 202611');
    // Months still to come have no launches yet, not today's count carried forward.
    expect(lines.at(-1)).toBe('March 20277–');
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('says when there is no forecast yet', async () => {
    renderApp({ path: '/rollout', mocks: [matrixMock(), progressMock()] });

    expect(await screen.findByTestId('forecast-statement')).toHaveTextContent('No forecast yet');
    expect(screen.getByTestId('network-forecast')).toHaveTextContent('No forecast yet: a club has not launched in any district.');
  });
});

describe('the rollout page, live', () => {
  it('updates a cell, the late list and the progress when an item changes elsewhere, without asking for the matrix again', async () => {
    const live = new MockSubscriptionLink();
    const after = progress({ network: { __typename: 'RolloutTotals', planned: 7, launched: 3, active: 1, late: 1, share: 3 / 7 } });
    let matrixAsked = 0;
    const matrix = {
      ...matrixMock(karagandaItems(), { maxUsageCount: 5 }),
      result: () => {
        matrixAsked += 1;
        return matrixResult(karagandaItems());
      },
    };
    renderApp({ path: '/rollout', live, mocks: [matrix, progressMock(), progressMock(after)] });
    await screen.findByTestId('rollout-matrix');
    expect(cells('Balkhash')[1]).toHaveAttribute('data-status', 'PREPARING');
    expect(screen.getByTestId('network-share')).toHaveTextContent('29%');

    // Balkhash launches public speaking, somewhere else.
    const launched = matrixItem(CENTRES.balkhash, TYPES.oratory, {
      status: 'LAUNCHED',
      gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'],
      launchedOn: '2026-11-25',
      plannedOn: '2026-08-17',
      late: false,
      version: 2,
    });
    act(() => live.simulateResult({ result: { data: { rolloutItemChanged: asChanged(detailItem(launched)) } } }));

    await waitFor(() => expect(cells('Balkhash')[1]).toHaveAttribute('data-status', 'LAUNCHED'));
    expect(cells('Balkhash')[1]).toHaveTextContent('▶ Launched4 of 4 gates met');
    expect(cells('Balkhash')[1]).toHaveAttribute('data-late', 'false');
    // The names the page fetched stay: the change carried the district and the type by id only.
    expect(within(row('Balkhash')).getByRole('link', { name: 'Balkhash, Public speaking: Launched, 4 of 4 gates met' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '1 late item' })).toBeInTheDocument();
    // The progress is counted again once the burst is over.
    await waitFor(() => expect(screen.getByTestId('network-share')).toHaveTextContent('43%'), { timeout: 4_000 });
    // The cache took the change: the matrix was never asked for again.
    expect(matrixAsked).toBe(1);
  });

  it('asks for the matrix again when an item it does not list appears (a club just planned)', async () => {
    const live = new MockSubscriptionLink();
    const planned = matrixItem(CENTRES.saran, TYPES.singing, { plannedOn: '2027-05-01' });
    renderApp({
      path: '/rollout',
      live,
      mocks: [matrixMock(), progressMock(progress(), { maxUsageCount: 2 }), matrixMock([...karagandaItems(), planned])],
    });
    await screen.findByTestId('rollout-matrix');
    expect(cells('Saran')[2]).toHaveTextContent('Not planned');

    act(() => live.simulateResult({ result: { data: { rolloutItemChanged: asChanged(detailItem(planned)) } } }));

    await waitFor(() => expect(cells('Saran')[2]).toHaveTextContent('○ Planned'));
  });

  it('catches up after the connection comes back, and says when it is away', async () => {
    const liveConnection = new LiveConnection();
    // Meanwhile Temirtau paused dombra, and the socket was away when it happened.
    const paused = karagandaItems().map((item) => (item.id === 'ri-c-3-t-dombra' ? { ...item, status: 'PAUSED' as const, statusReason: 'Renovation.', version: 2 } : item));
    renderApp({ path: '/rollout', liveConnection, mocks: [matrixMock(), progressMock(progress(), { maxUsageCount: 2 }), matrixMock(paused)] });
    await screen.findByTestId('rollout-matrix');

    act(() => liveConnection.connected(false));
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live: changes made elsewhere appear here as they happen.');
    act(() => liveConnection.closed(true));
    expect(screen.getByTestId('live-status')).toHaveTextContent('Connection lost, reconnecting…');
    expect(cells('Temirtau')[0]).toHaveAttribute('data-status', 'PREPARING');

    act(() => liveConnection.connected(true));

    await waitFor(() => expect(cells('Temirtau')[0]).toHaveAttribute('data-status', 'PAUSED'));
    expect(screen.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  });

  it('says when live updates have stopped, and offers to reconnect', async () => {
    const live = new MockSubscriptionLink();
    renderApp({ path: '/rollout', live, mocks: [matrixMock(), progressMock()] });
    await screen.findByTestId('rollout-matrix');

    act(() => live.simulateResult({ error: new Error('The live connection closed (4400 Bad request).') }));

    expect(await screen.findByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
    expect(screen.getByTestId('live-status')).toHaveTextContent('Live updates stopped');
  });
});
