import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { cell, completenessMock, myReportsMock, reviewQueueMock } from './reports.fixtures';

describe('my reports', () => {
  it("lists the centre's periods newest first, with their state, deadline and what to do next", async () => {
    const cells = [
      cell('2026-07', { late: true }),
      cell('2026-08', { status: 'SUBMITTED', state: 'SUBMITTED' }),
      cell('2026-09', { status: 'RETURNED', state: 'RETURNED' }),
      cell('2026-10', { status: 'OVERDUE', state: null, late: true, reportId: null }),
    ];
    renderApp({ path: '/reports', session: COORDINATOR, mocks: [myReportsMock(cells)] });

    const rows = await screen.findAllByTestId('my-report-row');
    expect(screen.getByRole('heading', { level: 1, name: 'My reports' })).toBeInTheDocument();
    expect(rows.map((row) => row.getAttribute('data-period'))).toEqual(['2026-10', '2026-09', '2026-08', '2026-07']);
    expect(rows[0]).toHaveTextContent('October 2026! Overdue5 November 2026Start');
    expect(within(rows[0]!).getByRole('link', { name: 'Start the report for October 2026' })).toHaveAttribute('href', '/reports/c-3/2026-10');
    expect(rows[1]).toHaveTextContent('↩ Returned');
    expect(rows[1]).toHaveTextContent('Reach by age does not add up to the total.');
    expect(within(rows[1]!).getByRole('link', { name: 'Continue the report for September 2026' })).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('link', { name: 'View the report for August 2026' })).toBeInTheDocument();
    expect(rows[3]).toHaveTextContent('✓ Approved ◷ late');
  });

  it('leaves out the months before the centre opened', async () => {
    renderApp({
      path: '/reports',
      session: COORDINATOR,
      mocks: [myReportsMock([cell('2026-09', { status: 'NOT_EXPECTED', state: null, expected: false, reportId: null }), cell('2026-10', { status: 'NOT_DUE', state: 'DRAFT' })], [])],
    });

    const rows = await screen.findAllByTestId('my-report-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('✎ Draft');
    expect(within(rows[0]!).getByRole('link', { name: 'Continue the report for October 2026' })).toBeInTheDocument();
  });

  it('takes an administrator to the review queue and an analyst to the grid', async () => {
    const admin = renderApp({ path: '/reports', mocks: [reviewQueueMock([])] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Review queue' })).toBeInTheDocument();
    expect(admin.router.state.location.pathname).toBe('/reports/review');
    admin.unmount();

    const analyst = renderApp({ path: '/reports', session: ANALYST, mocks: [completenessMock()] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Report completeness' })).toBeInTheDocument();
    expect(analyst.router.state.location.pathname).toBe('/reports/completeness');
  });
});
