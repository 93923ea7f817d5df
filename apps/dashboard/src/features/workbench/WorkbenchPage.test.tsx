import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST } from '../auth/session.fixtures';
import {
  CENTRES_EXAMPLE,
  deleteSavedQueryMock,
  examplesMock,
  runMock,
  savedQueriesMock,
  savedQuery,
  savedQueryMock,
  saveQueryMock,
  SUPPORT_GROUPS_EXAMPLE,
  updateSavedQueryMock,
} from './workbench.fixtures';

// jsdom has no layout for CodeMirror to measure: the component tests type into the plain editor
// the workbench shows while CodeMirror loads. The browser test drives the real one.
vi.mock('./CodeEditor', async () => ({ default: (await import('./QueryEditor')).PlainEditor }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const supportGroupsAnswer = {
  analytics: {
    __typename: 'AnalyticsTable',
    suppressionThreshold: 5,
    rows: [
      {
        __typename: 'AnalyticsRow',
        centre: { __typename: 'Centre', name: 'Saran' },
        quarter: '2026-Q3',
        values: [
          { __typename: 'AnalyticsValue', metric: 'SUPPORT_GROUP_MEETINGS', value: null, suppressed: true },
          { __typename: 'AnalyticsValue', metric: 'SUPPORT_GROUP_ATTENDANCE', value: 31, suppressed: false },
        ],
      },
    ],
    totals: [
      { __typename: 'AnalyticsValue', metric: 'SUPPORT_GROUP_MEETINGS', value: null, suppressed: true },
      { __typename: 'AnalyticsValue', metric: 'SUPPORT_GROUP_ATTENDANCE', value: 31, suppressed: false },
    ],
  },
};

function queryEditor(): HTMLElement {
  return screen.getByRole('textbox', { name: 'Query' });
}

describe('the query workbench', () => {
  it('opens an example from the library, runs it, and shows the rows as a table with withheld figures in words', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/workbench',
      session: ANALYST,
      mocks: [examplesMock(), savedQueriesMock([]), runMock(SUPPORT_GROUPS_EXAMPLE.document, { data: supportGroupsAnswer })],
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Query workbench' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the full explorer (schema documentation)' })).toHaveAttribute('href', '/graphql');
    expect(await screen.findByTestId('saved-empty')).toHaveTextContent('You have not saved a query yet');

    await user.click(await screen.findByRole('link', { name: new RegExp(`^${SUPPORT_GROUPS_EXAMPLE.title}`) }));
    await waitFor(() => expect(router.state.location.search).toBe('?example=support-groups-by-quarter'));
    await waitFor(() => expect(queryEditor()).toHaveValue(SUPPORT_GROUPS_EXAMPLE.document));
    expect(screen.getByTestId('editor-heading')).toHaveTextContent(`Example: ${SUPPORT_GROUPS_EXAMPLE.title}`);

    await user.click(screen.getByRole('button', { name: 'Run' }));

    const table = await screen.findByTestId('results-table');
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['centre.name', 'quarter', 'SUPPORT_GROUP_MEETINGS', 'SUPPORT_GROUP_ATTENDANCE']);
    expect(within(table).getAllByRole('row').map((line) => line.textContent)).toEqual([
      'centre.namequarterSUPPORT_GROUP_MEETINGSSUPPORT_GROUP_ATTENDANCE',
      'Saran2026-Q3⊘ withheld (small number protection)31',
      'Total⊘ withheld (small number protection)31',
    ]);
    expect(screen.getByTestId('results-summary')).toHaveTextContent('1 row, from analytics.rows.');
    expect(screen.queryByTestId('run-errors')).not.toBeInTheDocument();
  });

  it('downloads what it ran as XLSX through POST /exports', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(new Response('PK', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="centres-2026-11-26.xlsx"' } })),
    );
    vi.stubGlobal('fetch', fetch);
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const answer = { centres: { __typename: 'CentreConnection', totalCount: 1, nodes: [{ __typename: 'Centre', name: 'Temirtau', kind: 'CITY' }] } };
    renderApp({
      path: '/workbench?example=centres',
      session: ANALYST,
      mocks: [examplesMock(), savedQueriesMock([]), runMock(CENTRES_EXAMPLE.document, { data: answer })],
    });

    await waitFor(() => expect(queryEditor()).toHaveValue(CENTRES_EXAMPLE.document));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByTestId('results-table')).toHaveTextContent('TemirtauCITY');
    await user.click(screen.getByRole('button', { name: 'Download XLSX' }));

    expect(await screen.findByText('Downloaded centres-2026-11-26.xlsx.')).toBeInTheDocument();
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({ format: 'xlsx', query: CENTRES_EXAMPLE.document, variables: {} });
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('opens the query and variables the address carries, as the analytics page links them', async () => {
    const query = 'query Reach($metrics: [AnalyticsMetric!]!) { analytics(metrics: $metrics) { totals { value } } }';
    const variables = '{\n  "metrics": ["YOUNG_PEOPLE_REACHED"]\n}';
    renderApp({ path: `/workbench?${new URLSearchParams({ query, variables }).toString()}`, session: ANALYST, mocks: [examplesMock(), savedQueriesMock([])] });

    await waitFor(() => expect(queryEditor()).toHaveValue(query));
    expect(screen.getByRole('textbox', { name: 'Variables (JSON)' })).toHaveValue(variables);
    expect(screen.getByTestId('editor-heading')).toHaveTextContent('New query');
  });

  it('lists the GraphQL errors the API returned with their codes', async () => {
    const user = userEvent.setup();
    const query = 'query { centres(first: 100) { nodes { name clubs { name } } } }';
    renderApp({
      path: `/workbench?${new URLSearchParams({ query }).toString()}`,
      session: ANALYST,
      mocks: [
        examplesMock(),
        savedQueriesMock([]),
        runMock(query, { errors: [{ message: 'This query would cost 2500000, over your limit of 2000000.', extensions: { code: 'BAD_USER_INPUT', limit: 'COST' } }] }),
      ],
    });

    await waitFor(() => expect(queryEditor()).toHaveValue(query));
    await user.click(screen.getByRole('button', { name: 'Run' }));

    const errors = await screen.findByTestId('run-errors');
    expect(errors).toHaveTextContent('The API reported 1 error');
    expect(within(errors).getByRole('listitem')).toHaveTextContent('BAD_USER_INPUT This query would cost 2500000, over your limit of 2000000.');
    expect(within(errors).getByRole('listitem')).toHaveAttribute('data-code', 'BAD_USER_INPUT');
  });

  it('says what is wrong with the query or the variables at the editor, without asking the API', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/workbench?query=query%20%7B%20centres(first%3A%201)%20%7B', session: ANALYST, mocks: [examplesMock(), savedQueriesMock([])] });

    await waitFor(() => expect(queryEditor()).toHaveValue('query { centres(first: 1) {'));
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(await screen.findByTestId('run-invalid')).toHaveTextContent('The query cannot be run as it is.It is not valid GraphQL: 1:28 Syntax Error: Expected Name, found <EOF>.');

    await user.clear(queryEditor());
    await user.type(queryEditor(), 'query {{ me {{ id } }');
    // `[[` types one bracket: the variables are a JSON array, not an object.
    await user.type(screen.getByRole('textbox', { name: 'Variables (JSON)' }), '[[1]');
    expect(screen.getByRole('textbox', { name: 'Variables (JSON)' })).toHaveValue('[1]');
    await user.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.getByTestId('run-invalid')).toHaveTextContent('The variables cannot be read.They must be a JSON object'));
  });

  it('saves the query as a new one, shared, and finds it under "My queries"', async () => {
    const user = userEvent.setup();
    const saved = savedQuery({ id: 'sq-1', title: 'Support groups for the board', document: SUPPORT_GROUPS_EXAMPLE.document, shared: true });
    const { router } = renderApp({
      path: '/workbench?example=support-groups-by-quarter',
      session: ANALYST,
      mocks: [
        examplesMock(),
        savedQueriesMock([]),
        saveQueryMock({ title: 'Support groups for the board', description: 'For the quarterly board meeting.', document: SUPPORT_GROUPS_EXAMPLE.document, variables: null, shared: true }, saved),
        // The lists ask again after a save.
        savedQueriesMock([saved]),
      ],
    });

    await waitFor(() => expect(queryEditor()).toHaveValue(SUPPORT_GROUPS_EXAMPLE.document));
    await user.click(screen.getByRole('button', { name: 'Save as…' }));
    const form = screen.getByRole('form', { name: 'Save as a new query' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    // An example's title is offered as the name.
    expect(title).toHaveValue(SUPPORT_GROUPS_EXAMPLE.title);
    await user.clear(title);
    await user.type(title, 'Support groups for the board');
    await user.type(within(form).getByRole('textbox', { name: 'Description' }), 'For the quarterly board meeting.');
    await user.click(within(form).getByRole('checkbox', { name: 'Shared with colleagues' }));
    await user.click(within(form).getByRole('button', { name: 'Save the query' }));

    expect(await screen.findByText('Saved as “Support groups for the board”.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?saved=sq-1'));
    expect(screen.getByTestId('editor-heading')).toHaveTextContent('Support groups for the board');
    expect(screen.getByTestId('saved-owner')).toHaveTextContent('Your saved query · shared');
    // The editor keeps the text it had.
    expect(queryEditor()).toHaveValue(SUPPORT_GROUPS_EXAMPLE.document);

    const mine = await screen.findByTestId('saved-list');
    expect(within(mine).getByRole('link', { name: /^Support groups for the board/ })).toHaveAttribute('href', '/workbench?saved=sq-1');
    expect(within(mine).getByRole('link', { name: /^Support groups for the board/ })).toHaveAttribute('aria-current', 'true');
  });

  it('a title is needed to save', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/workbench?query=query%20%7B%20me%20%7B%20id%20%7D%20%7D', session: ANALYST, mocks: [examplesMock(), savedQueriesMock([])] });

    await user.click(await screen.findByRole('button', { name: 'Save as…' }));
    await user.click(screen.getByRole('button', { name: 'Save the query' }));

    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Fill this in.')).toBeInTheDocument();
  });

  it('opens a saved query from the address, saves changes in place, and says so when it changed elsewhere meanwhile', async () => {
    const user = userEvent.setup();
    const saved = savedQuery({ id: 'sq-7', title: 'Rural reach', version: 3, variables: '{"from":"2026-01"}' });
    const edited = 'query { centres(first: 6) { nodes { name } } }';
    const input = { id: 'sq-7', version: 3, title: 'Rural reach', description: null, document: edited, variables: '{"from":"2026-01"}', shared: false };
    renderApp({
      path: '/workbench?saved=sq-7',
      session: ANALYST,
      mocks: [examplesMock(), savedQueriesMock([saved]), savedQueryMock(saved.id, saved), updateSavedQueryMock(input, { code: 'CONFLICT', currentVersion: 4 })],
    });

    await waitFor(() => expect(queryEditor()).toHaveValue(saved.document));
    expect(screen.getByRole('textbox', { name: 'Variables (JSON)' })).toHaveValue('{"from":"2026-01"}');
    expect(screen.getByTestId('editor-heading')).toHaveTextContent('Rural reach');

    await user.clear(queryEditor());
    await user.type(queryEditor(), edited.replace(/[{[]/g, (bracket) => bracket + bracket));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveTextContent('The query could not be saved.');
    expect(refusal).toHaveTextContent('It was changed elsewhere meanwhile (now version 4)');
    // Nothing is lost: the edited text stays in the editor.
    expect(queryEditor()).toHaveValue(edited);
  });

  it('deletes a saved query after asking, and keeps the text in the editor', async () => {
    const user = userEvent.setup();
    const saved = savedQuery({ id: 'sq-9', title: 'Old draft' });
    const { router } = renderApp({
      path: '/workbench?saved=sq-9',
      session: ANALYST,
      mocks: [examplesMock(), savedQueriesMock([saved]), savedQueryMock(saved.id, saved), deleteSavedQueryMock('sq-9'), savedQueriesMock([])],
    });

    await waitFor(() => expect(queryEditor()).toHaveValue(saved.document));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete “Old draft”? Colleagues it was shared with lose it too.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByText('“Old draft” is deleted. The editor still holds the query.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByTestId('editor-heading')).toHaveTextContent('New query');
    expect(queryEditor()).toHaveValue(saved.document);
    expect(await screen.findByTestId('saved-empty')).toBeInTheDocument();
  });

  it('says so when the saved query in the address is not there (deleted, or not shared with this person)', async () => {
    renderApp({ path: '/workbench?saved=sq-gone', session: ANALYST, mocks: [examplesMock(), savedQueriesMock([]), savedQueryMock('sq-gone', null)] });

    const problem = await screen.findByRole('alert');
    expect(problem).toHaveTextContent('This saved query could not be opened.');
    expect(problem).toHaveTextContent('This could not be found. It may have been removed.');
    expect(screen.getByTestId('editor-heading')).toHaveTextContent('New query');
  });
});
