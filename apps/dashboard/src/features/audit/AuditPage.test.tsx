import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEntriesQuery as AuditEntriesResult, AuditEntryFilter } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { networkMock } from '../centres/centres.fixtures';
import { AUDIT_ACTORS_LIMIT, AUDIT_PAGE_SIZE, AuditActorsQuery, AuditEntriesQuery } from './audit-documents';

type Entry = AuditEntriesResult['auditEntries']['nodes'][number];

const ADMIN_ACTOR = { __typename: 'User' as const, id: 'u-admin', displayName: 'Aigerim Sadykova', email: 'admin@mrc.demo' };

function entry(overrides: Partial<Entry> & Pick<Entry, 'id'>): Entry {
  return {
    __typename: 'AuditEntry',
    occurredAt: '2026-03-02T12:30:00.000Z',
    action: 'UPDATE_USER',
    entityType: 'User',
    entityId: 'u-1',
    requestId: 'req-1',
    actor: ADMIN_ACTOR,
    centre: null,
    changes: [],
    ...overrides,
  };
}

const CREATED = entry({
  id: 'a-2',
  action: 'CREATE_USER',
  centre: { __typename: 'Centre', id: 'c-3', name: 'Temirtau' },
  changes: [
    { __typename: 'AuditChange', field: 'role', before: null, after: '"DISTRICT_COORDINATOR"' },
    { __typename: 'AuditChange', field: 'centreId', before: null, after: '"c-3"' },
    { __typename: 'AuditChange', field: 'passwordHash', before: null, after: '"(secret)"' },
  ],
});
const SIGNED_IN = entry({ id: 'a-1', action: 'LOGIN', entityType: 'Session', entityId: 's-1234567890', changes: [] });

function entriesMock(nodes: Entry[], { filter, after, endCursor = null, totalCount = nodes.length }: { filter?: AuditEntryFilter; after?: string; endCursor?: string | null; totalCount?: number } = {}): MockLink.MockedResponse {
  return {
    request: { query: AuditEntriesQuery, variables: { first: AUDIT_PAGE_SIZE, ...(after ? { after } : {}), ...(filter ? { filter } : {}) } },
    result: {
      data: {
        auditEntries: {
          __typename: 'AuditEntryConnection',
          totalCount,
          pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          nodes,
        },
      },
    },
  };
}

const actorsMock: MockLink.MockedResponse = {
  request: { query: AuditActorsQuery, variables: { first: AUDIT_ACTORS_LIMIT } },
  result: { data: { users: { __typename: 'UserConnection', totalCount: 1, nodes: [ADMIN_ACTOR] } } },
};

describe('the audit page', () => {
  it('shows who did what, when, to which record, and each change before → after', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/audit',
      mocks: [networkMock(), actorsMock, entriesMock([CREATED], { endCursor: 'cursor-1', totalCount: 2 }), entriesMock([SIGNED_IN], { after: 'cursor-1', totalCount: 2 })],
    });

    const [row] = await screen.findAllByTestId('audit-row');
    expect(within(row!).getByRole('rowheader')).toHaveTextContent('Created an account');
    expect(row).toHaveTextContent('Aigerim Sadykova');
    expect(row).toHaveTextContent('2 March 2026');
    expect(within(row!).getByRole('link', { name: 'Open the account' })).toHaveAttribute('href', '/users/u-1');
    // The arrow is for the eye; a screen reader hears "changed to".
    const changes = within(row!).getAllByRole('listitem').map((item) => item.textContent?.replace('→', ''));
    expect(changes).toEqual([
      'Role: (none) changed to District coordinator',
      'Centre: (none) changed to Temirtau',
      'Password: (none) changed to (hidden)',
    ]);

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Showing 2 of 2 entries.')).toBeInTheDocument();
    const rows = screen.getAllByTestId('audit-row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Signed in');
    expect(rows[1]).toHaveTextContent('No field changed');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('reads its filters from the URL and writes changes back to it', async () => {
    const user = userEvent.setup();
    const from = new Date(2026, 2, 1).toISOString();
    const to = new Date(2026, 2, 3).toISOString();
    const { router } = renderApp({
      path: '/audit?user=u-admin&from=2026-03-01&to=2026-03-02',
      mocks: [
        networkMock(),
        actorsMock,
        entriesMock([CREATED], { filter: { userId: 'u-admin', from, to } }),
        entriesMock([], { filter: { userId: 'u-admin', entityType: 'Session', from, to } }),
      ],
    });

    expect(await screen.findAllByTestId('audit-row')).toHaveLength(1);
    expect(screen.getByLabelText('From')).toHaveValue('2026-03-01');
    expect(await screen.findByRole('option', { name: 'Aigerim Sadykova (admin@mrc.demo)' })).toBeInTheDocument();
    expect(screen.getByLabelText('Who')).toHaveValue('u-admin');

    await user.selectOptions(screen.getByLabelText('Record'), 'Session');

    expect(router.state.location.search).toBe('?user=u-admin&entityType=Session&from=2026-03-01&to=2026-03-02');
    expect(await screen.findByText('No entry matches these filters')).toBeInTheDocument();
  });

  it('takes the changes concerning the centres under the chosen one when asked, from the URL and the box', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/audit?centre=c-0&below=1',
      mocks: [
        networkMock(),
        actorsMock,
        entriesMock([CREATED], { filter: { centreId: 'c-0', includeSubtree: true } }),
        entriesMock([], { filter: { centreId: 'c-0' } }),
      ],
    });

    expect(await screen.findAllByTestId('audit-row')).toHaveLength(1);
    const withBelow = await screen.findByRole('checkbox', { name: 'With the centres under it' });
    expect(withBelow).toBeChecked();

    await user.click(withBelow);

    expect(router.state.location.search).toBe('?centre=c-0');
    expect(await screen.findByText('No entry matches these filters')).toBeInTheDocument();
  });

  it('says when the end date is before the start date', async () => {
    renderApp({
      path: '/audit?from=2026-03-05&to=2026-03-01',
      mocks: [
        networkMock(),
        actorsMock,
        entriesMock([], { filter: { from: new Date(2026, 2, 5).toISOString(), to: new Date(2026, 2, 2).toISOString() } }),
      ],
    });
    expect(await screen.findByLabelText('To')).toHaveAccessibleDescription('The end date is before the start date.');
  });
});
