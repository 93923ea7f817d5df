import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { completenessGrid, completenessMock } from './reports.fixtures';

describe('the completeness grid', () => {
  it('is a table of centres × periods, each cell a mark and a word linking to the report, late ones marked', async () => {
    renderApp({ path: '/reports/completeness', mocks: [completenessMock()] });

    const grid = await screen.findByRole('table', { name: 'Reports by centre, August 2026 – October 2026' });
    const headers = within(grid).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Centre', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Total']);

    const temirtau = within(grid).getByRole('row', { name: /^Temirtau/ });
    const cells = within(temirtau).getAllByTestId('grid-cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['✓ Approved ◷ late', '↩ Returned', '! Overdue']);
    expect(cells[2]).toHaveAttribute('data-status', 'OVERDUE');
    expect(cells[2]).toHaveAttribute('data-late', 'true');
    expect(within(cells[0]!).getByRole('link', { name: 'Temirtau, August 2026: Approved, late' })).toHaveAttribute('href', '/reports/c-3/2026-08');
    expect(within(cells[2]!).getByRole('link', { name: 'Temirtau, October 2026: Overdue' })).toHaveAttribute('href', '/reports/c-3/2026-10');
    expect(within(temirtau).getByRole('rowheader')).toHaveTextContent('Temirtau');
    expect(temirtau).toHaveTextContent('2 of 367%');

    // Saran opened in September: August is not expected, and not a link.
    const saran = within(grid).getByRole('row', { name: /^Saran/ });
    const saranCells = within(saran).getAllByTestId('grid-cell');
    expect(saranCells[0]).toHaveTextContent('– Not expected');
    expect(within(saranCells[0]!).queryByRole('link')).not.toBeInTheDocument();
    expect(saranCells[2]).toHaveTextContent('✎ Draft');

    // The regional centre reviews; it owes no report and has no row.
    expect(within(grid).queryByRole('row', { name: /^Regional centre/ })).not.toBeInTheDocument();
    expect(within(grid).getAllByTestId('grid-row')).toHaveLength(2);

    const network = within(grid).getByRole('row', { name: /^Network/ });
    expect(network).toHaveTextContent('1 of 1100%2 of 2100%0 of 20%');
  });

  it("shows the network's rates over time beside a table of the same figures, and by kind of centre", async () => {
    renderApp({ path: '/reports/completeness', session: ANALYST, mocks: [completenessMock()] });

    const rates = await screen.findByRole('table', { name: 'Completeness and timeliness by period' });
    expect(within(rates).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'PeriodReceivedCompletenessOn timeOverdue',
      'August 20261 of 1100%0%0',
      'September 20262 of 2100%100%0',
      'October 20260 of 20%0%1',
    ]);
    expect(screen.getByTestId('rate-chart')).toBeInTheDocument();
    const kinds = screen.getByRole('table', { name: 'Reports received of those expected, by kind of centre' });
    expect(within(kinds).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Period', 'City']);
    expect(screen.getAllByRole('button', { name: 'Download CSV' })).toHaveLength(3);
  });

  it('asks for the periods the address names', async () => {
    renderApp({
      path: '/reports/completeness?from=2026-09&to=2026-10',
      mocks: [completenessMock(completenessGrid(), { from: '2026-09', to: '2026-10' })],
    });

    expect(await screen.findByTestId('completeness-grid')).toBeInTheDocument();
    expect(screen.getByLabelText('From', { exact: false })).toHaveValue('2026-09');
  });

  it('is not for a coordinator, who sees their own reports instead', async () => {
    renderApp({ path: '/reports/completeness', session: COORDINATOR, mocks: [] });

    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
