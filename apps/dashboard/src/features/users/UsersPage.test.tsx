import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { networkMock } from '../centres/centres.fixtures';
import { TEMIRTAU_CENTRE, userListNode, usersMock } from './users.fixtures';
import { USERS_PAGE_SIZE, UsersQuery } from './users-documents';

const COORDINATORS = [
  userListNode({ id: 'u-1', displayName: 'Dauren Omarov', role: 'DISTRICT_COORDINATOR', centre: TEMIRTAU_CENTRE, lastSignInAt: '2026-03-02T12:00:00.000Z' }),
  userListNode({ id: 'u-2', displayName: 'Gulnara Akhmetova', role: 'DISTRICT_COORDINATOR', centre: TEMIRTAU_CENTRE, active: false }),
  userListNode({ id: 'u-3', displayName: 'Yerlan Sadykov', role: 'DISTRICT_COORDINATOR', centre: TEMIRTAU_CENTRE }),
];

describe('the users page', () => {
  it('lists the users the URL filters for, and loads more on request', async () => {
    const user = userEvent.setup();
    const filter = { role: 'DISTRICT_COORDINATOR' as const };
    renderApp({
      path: '/users?role=DISTRICT_COORDINATOR',
      mocks: [
        networkMock(),
        usersMock({ nodes: COORDINATORS.slice(0, 2), filter, totalCount: 3, endCursor: 'cursor-2' }),
        usersMock({ nodes: COORDINATORS.slice(2), filter, after: 'cursor-2', totalCount: 3 }),
      ],
    });

    expect(await screen.findByTestId('users-loading')).toHaveTextContent('Loading the users…');
    expect(await screen.findAllByTestId('user-row')).toHaveLength(2);
    expect(screen.getByRole('table', { name: '3 users' })).toBeInTheDocument();
    expect(screen.getByLabelText('Role')).toHaveValue('DISTRICT_COORDINATOR');
    const [first, second] = screen.getAllByTestId('user-row');
    expect(first).toHaveTextContent('Temirtau');
    expect(first).toHaveTextContent('Active');
    expect(first).toHaveTextContent('2 March 2026');
    expect(second).toHaveTextContent('Deactivated');
    expect(second).toHaveTextContent('Never');
    expect(screen.getByText('Showing 2 of 3 users.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Showing 3 of 3 users.')).toBeInTheDocument();
    expect(screen.getAllByTestId('user-row').map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Dauren Omarov',
      'Gulnara Akhmetova',
      'Yerlan Sadykov',
    ]);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('keeps the filters in the URL, so the view can be shared', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/users',
      mocks: [
        networkMock(),
        usersMock({ nodes: COORDINATORS }),
        usersMock({ nodes: [COORDINATORS[1]!], filter: { active: false } }),
        usersMock({ nodes: [], filter: { active: false, search: 'nobody' } }),
      ],
    });
    expect(await screen.findAllByTestId('user-row')).toHaveLength(3);

    await user.selectOptions(screen.getByLabelText('Status'), 'Deactivated');

    expect(router.state.location.search).toBe('?status=inactive');
    await screen.findByText('Showing 1 of 1 user.');

    await user.type(screen.getByLabelText('Name or email'), 'nobody');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(router.state.location.search).toBe('?status=inactive&q=nobody');
    expect(await screen.findByText('No user matches these filters')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear the filters' })).toHaveAttribute('href', '/users');
  });

  it('offers the centres under a chosen centre, and keeps that choice in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/users',
      mocks: [
        networkMock(),
        usersMock({ nodes: COORDINATORS }),
        usersMock({ nodes: [], filter: { centreId: 'c-0' } }),
        usersMock({ nodes: COORDINATORS, filter: { centreId: 'c-0', includeSubtree: true } }),
        usersMock({ nodes: COORDINATORS.slice(0, 1), filter: { centreId: 'c-3', includeSubtree: true } }),
        usersMock({ nodes: COORDINATORS.slice(0, 1), filter: { centreId: 'c-3' } }),
      ],
    });
    expect(await screen.findAllByTestId('user-row')).toHaveLength(3);
    const withBelow = () => screen.queryByRole('checkbox', { name: 'With the centres under it' });
    expect(withBelow()).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Centre'), 'c-0');
    expect(await screen.findByText('No user matches these filters')).toBeInTheDocument();
    await user.click(withBelow()!);

    expect(router.state.location.search).toBe('?centre=c-0&below=1');
    expect(await screen.findAllByTestId('user-row')).toHaveLength(3);
    expect(withBelow()).toBeChecked();

    // The choice stays for the next centre, and stays in sight while ticked, though a district has none under it here.
    await user.selectOptions(screen.getByLabelText('Centre'), 'c-3');
    expect(router.state.location.search).toBe('?centre=c-3&below=1');
    expect(await screen.findByText('Showing 1 of 1 user.')).toBeInTheDocument();
    await user.click(withBelow()!);
    expect(router.state.location.search).toBe('?centre=c-3');
    await waitFor(() => expect(withBelow()).not.toBeInTheDocument());
  });

  it('explains an error and retries', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/users',
      mocks: [
        networkMock(),
        {
          request: { query: UsersQuery, variables: { first: USERS_PAGE_SIZE } },
          result: { data: null, errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
        },
        usersMock({ nodes: COORDINATORS }),
      ],
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The users could not be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('user-row')).toHaveLength(3);
  });
});
