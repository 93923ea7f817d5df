import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { analyticsMock, analyticsRefusalMock, figure, reachByDistrictAndQuarter, row, SARAN, withheld, yearOnYearByDistrict } from './analytics.fixtures';
import { analyticsDocumentText } from './analytics-query';

/** The first preset over rural districts' months, as the controls write it into the address. */
const RURAL_REACH = 'metrics=YOUNG_PEOPLE_REACHED&by=CENTRE%2CQUARTER&from=2025-10&to=2026-09&kinds=RURAL_DISTRICT&compare=0';
const SUPPORT_GROUPS = 'metrics=SUPPORT_GROUP_MEETINGS%2CSUPPORT_GROUP_ATTENDANCE&by=CENTRE%2CQUARTER&from=2025-10&to=2026-09&compare=0';

function rowsOf(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .map((line) => line.textContent ?? '');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  // jsdom has no object URLs; a test that saves a file lends URL these two.
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('the analytics page', () => {
  it('answers reach by district and quarter by default: a chart, the same figures as a table, totals, the threshold and how fresh the data is', async () => {
    renderApp({ path: '/analytics', session: ANALYST, mocks: [analyticsMock('', reachByDistrictAndQuarter())] });

    const table = await screen.findByRole('table', { name: 'Young people reached by Centre, Quarter' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Centre', 'Quarter', 'Young people reached']);
    expect(rowsOf(table)).toEqual([
      'CentreQuarterYoung people reached',
      'SaranQ2 2026⊘ withheld (a count of 1 to 4, or one that would reveal such a count)',
      'SaranQ3 2026⊘ withheld (a count of 1 to 4, or one that would reveal such a count)',
      'TemirtauQ2 20261,240',
      'TemirtauQ3 202698',
      'Total1,361',
    ]);
    expect(within(table).getAllByRole('link', { name: 'Temirtau' })[0]).toHaveAttribute('href', '/centres/c-3');
    // Marked by a sign and words as well as by style; the API does not say which of the two reasons applies.
    expect(within(table).getAllByTestId('withheld').map((cell) => cell.closest('td')?.getAttribute('data-withheld'))).toEqual(['true', 'true']);

    // Two centres and two quarters: time goes along the axis, a line per centre.
    expect(screen.getByTestId('analytics-chart')).toHaveAttribute('data-kind', 'line');
    expect(screen.getByTestId('chart-note')).toHaveTextContent('2 withheld figures are not drawn; the table marks them.');
    expect(screen.getByTestId('data-as-of')).toHaveTextContent('14 October 2026');
    expect(screen.getByTestId('threshold')).toHaveTextContent('Counts of people from 1 to 4 are withheld (threshold 5)');
    expect(screen.getByTestId('threshold')).toHaveTextContent('2 figures withheld in this table.');
    expect(screen.getByTestId('analytics-facts')).toHaveTextContent('October 2025 – September 2026');
    expect(screen.getByRole('link', { name: 'Reach by district and quarter' })).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(document.title).toBe('Analytics · MRC Network'));
  });

  it('says "withheld" and why in Kazakh, with the month of the data from its own messages', async () => {
    renderApp({ path: '/analytics', session: ANALYST, language: 'kk', mocks: [analyticsMock('', reachByDistrictAndQuarter())] });

    const table = await screen.findByTestId('analytics-table');
    const [first, second] = within(table).getAllByTestId('withheld');
    expect(first).toHaveTextContent('жасырылған (1 – 4 аралығындағы сан немесе оны есептеп шығаруға мүмкіндік беретін сан)');
    expect(second).toHaveTextContent('жасырылған (1 – 4 аралығындағы сан немесе оны есептеп шығаруға мүмкіндік беретін сан)');
    expect(screen.getByTestId('data-as-of')).toHaveTextContent('2026 жылғы 14 қазан');
    expect(within(table).getAllByText('2026 жылғы 2-тоқсан')).toHaveLength(2);
  });

  it('shows the year before and the change when asked, a withheld year before in words', async () => {
    const search = 'metrics=YOUNG_PEOPLE_REACHED&by=CENTRE&compare=1';
    renderApp({ path: `/analytics?${search}`, session: ANALYST, mocks: [analyticsMock(search, yearOnYearByDistrict())] });

    const table = await screen.findByTestId('analytics-table');
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Centre',
      'Young people reached',
      'Young people reached, a year before',
      'Young people reached, change',
    ]);
    expect(rowsOf(table).slice(1)).toEqual([
      'Saran2320+15\u00a0%',
      'Temirtau1,338⊘ withheld (a count of 1 to 4, or one that would reveal such a count)–',
      'Total1,3611,210+12.5\u00a0%',
    ]);
    expect(screen.getByRole('link', { name: 'Year on year by district' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('checkbox', { name: 'Compare with the year before' })).toBeChecked();
  });

  it('keeps the question in the address: opening a link shows it, a preset and the controls write a new one', async () => {
    const user = userEvent.setup();
    const supportGroups = {
      ...reachByDistrictAndQuarter(),
      metrics: ['SUPPORT_GROUP_MEETINGS', 'SUPPORT_GROUP_ATTENDANCE'],
      rows: [row({ centre: SARAN, quarter: '2026-Q3' }, [withheld('SUPPORT_GROUP_MEETINGS'), withheld('SUPPORT_GROUP_ATTENDANCE')])],
      totals: [withheld('SUPPORT_GROUP_MEETINGS'), withheld('SUPPORT_GROUP_ATTENDANCE')],
    } satisfies ReturnType<typeof reachByDistrictAndQuarter>;
    const narrowed = 'metrics=SUPPORT_GROUP_MEETINGS%2CSUPPORT_GROUP_ATTENDANCE&by=QUARTER&from=2025-10&to=2026-09&kinds=RURAL_DISTRICT&compare=0';
    const { router } = renderApp({
      path: `/analytics?${SUPPORT_GROUPS}`,
      session: ANALYST,
      mocks: [
        analyticsMock(SUPPORT_GROUPS, supportGroups),
        analyticsMock(narrowed, { ...supportGroups, groupBy: ['QUARTER'], rows: [row({ quarter: '2026-Q3' }, [figure('SUPPORT_GROUP_MEETINGS', 12), figure('SUPPORT_GROUP_ATTENDANCE', 61)])] }),
        analyticsMock(RURAL_REACH, { ...reachByDistrictAndQuarter(), rows: [row({ centre: SARAN, quarter: '2026-Q3' }, [figure('YOUNG_PEOPLE_REACHED', 77)])] }),
      ],
    });

    // The link's question is what the page asks and what the controls show.
    expect(await screen.findByTestId('analytics-table')).toHaveTextContent('Saran');
    expect(screen.getByRole('link', { name: 'Support groups by quarter' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('checkbox', { name: 'Support group meetings' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Support group attendance (visits)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Young people reached' })).not.toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Break down by' })).toHaveValue('CENTRE');
    expect(screen.getByRole('combobox', { name: 'Then by' })).toHaveValue('QUARTER');
    expect(screen.getByLabelText('From', { exact: false })).toHaveValue('2025-10');
    // Age band breaks down reach only: not offered for support groups.
    const ageBand = within(screen.getByRole('combobox', { name: 'Break down by' })).getByRole('option', { name: 'Age band (not for the chosen figures)' });
    expect(ageBand).toBeDisabled();

    // Narrow it: quarters only, rural districts only.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Break down by' }), 'QUARTER');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Then by' }), '');
    await user.click(screen.getByRole('checkbox', { name: 'Rural district' }));
    await user.click(screen.getByRole('button', { name: 'Show' }));

    await waitFor(() => expect(router.state.location.search).toBe(`?${narrowed}`));
    const table = await screen.findByRole('table', { name: 'Support group meetings, Support group attendance (visits) by Quarter' });
    await waitFor(() => expect(rowsOf(table)[1]).toBe('Q3 20261261'));
    expect(screen.queryByRole('link', { name: 'Support groups by quarter', current: 'true' })).not.toBeInTheDocument();

    // A preset asks its question over the months already chosen.
    await user.click(screen.getByRole('link', { name: 'Reach by district and quarter' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?${RURAL_REACH}`));
    await waitFor(() => expect(screen.getByRole('table', { name: 'Young people reached by Centre, Quarter' })).toHaveTextContent('SaranQ3 202677'));
  });

  it.each([
    [
      'ROWS',
      { limit: 'ROWS', rows: 2400, maxRows: 1000, fields: { groupBy: 'gives 2400 rows, more than 1000: group by fewer or coarser dimensions (QUARTER instead of MONTH) or narrow the filter' } },
      'The table would be too long',
      'It would have 2,400 rows; a table may have at most 1,000.',
      'Gives 2400 rows, more than 1000: group by fewer or coarser dimensions (QUARTER instead of MONTH) or narrow the filter.',
    ],
    [
      'STATEMENT_TIMEOUT',
      { limit: 'STATEMENT_TIMEOUT', timeoutMs: 10000, fields: { filter: 'the question took longer than 10 s and was stopped: narrow the months or centres, or group by fewer dimensions' } },
      'The question took too long',
      'It was stopped after 10 s so that it does not slow down everyone else’s work.',
      'The question took longer than 10 s and was stopped: narrow the months or centres, or group by fewer dimensions.',
    ],
    [
      'COST',
      { limit: 'COST', cost: 2500000, maxCost: 2000000 },
      'The question is too big',
      'It would cost 2,500,000 points; your limit is 2,000,000.',
      'This query would cost 2500000, over your limit of 2000000.',
    ],
  ])('says in plain words that the question hit the %s limit, with the API’s hint, beside the controls', async (_limit, extensions, title, explanation, hint) => {
    renderApp({ path: '/analytics', session: ANALYST, mocks: [analyticsRefusalMock('', 'This query would cost 2500000, over your limit of 2000000.', extensions)] });

    const problem = await screen.findByTestId('analytics-problem');
    expect(problem).toHaveAttribute('role', 'alert');
    expect(problem).toHaveTextContent(title);
    expect(problem).toHaveTextContent(explanation.replace('’', "'"));
    expect(problem).toHaveTextContent(hint);
    // Beside the controls, so the analyst can narrow the question at once; no table from before.
    expect(screen.getByRole('form', { name: 'The question' }).nextElementSibling).toBe(problem);
    expect(screen.queryByTestId('analytics-table')).not.toBeInTheDocument();
  });

  it('shows the exact query it ran with its variables, copies it, and opens it in the workbench', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/analytics', session: ANALYST, mocks: [analyticsMock('', reachByDistrictAndQuarter())] });

    const query = await screen.findByTestId('query-text');
    const document = analyticsDocumentText(['CENTRE', 'QUARTER'], false);
    expect(query.textContent).toBe(document);
    expect(document).toContain('centre { id name }');
    expect(document).toContain('quarter');
    expect(document).not.toContain('ageBand');
    const variables = { metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE', 'QUARTER'], compareWithYearBefore: false };
    expect(JSON.parse(screen.getByTestId('query-variables').textContent ?? '')).toEqual(variables);

    await user.click(screen.getByRole('button', { name: 'Copy the query' }));
    expect(await navigator.clipboard.readText()).toBe(document);
    expect(screen.getByText('The query is copied.')).toBeInTheDocument();

    const link = screen.getByRole('link', { name: 'Open in the workbench' });
    const target = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(target.pathname).toBe('/workbench');
    expect(target.searchParams.get('query')).toBe(document);
    expect(JSON.parse(target.searchParams.get('variables') ?? '')).toEqual(variables);
  });

  it('downloads the same question as CSV through POST /exports with the access token, under the name the API gives', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(new Response('\uFEFFCentre,Quarter\r\n', { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="analytics-2026-11-26.csv"' } })),
    );
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.fn(() => 'blob:analytics');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp({ path: '/analytics', session: ANALYST, mocks: [analyticsMock('', reachByDistrictAndQuarter())] });

    await user.click(await screen.findByRole('button', { name: 'Download CSV' }));

    expect(await screen.findByText('Downloaded analytics-2026-11-26.csv.')).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/exports');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer token-of-u-analyst', 'Content-Type': 'application/json', 'Accept-Language': 'en' });
    expect(JSON.parse(String(init?.body))).toEqual({
      format: 'csv',
      query: analyticsDocumentText(['CENTRE', 'QUARTER'], false),
      variables: { metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE', 'QUARTER'], compareWithYearBefore: false },
    });
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe('analytics-2026-11-26.csv');
  });

  it('says why a download was refused, in the API’s words', async () => {
    const user = userEvent.setup();
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(JSON.stringify({ errors: [{ message: 'analytics is not a list that exports yet.', extensions: { code: 'BAD_USER_INPUT' } }] }), {
            status: 400,
            headers: { 'Content-Type': 'application/json' },
          }),
        ),
      ),
    );
    renderApp({ path: '/analytics', session: ANALYST, mocks: [analyticsMock('', reachByDistrictAndQuarter())] });

    await user.click(await screen.findByRole('button', { name: 'Download XLSX' }));

    const refusal = await screen.findByTestId('export-error');
    expect(refusal).toHaveTextContent('The file could not be made.');
    expect(refusal).toHaveTextContent('analytics is not a list that exports yet.');
  });

  it('is not for a district coordinator', async () => {
    renderApp({ path: '/analytics', session: COORDINATOR, mocks: [] });

    expect(await screen.findByTestId('not-allowed')).toHaveTextContent('Your role (District coordinator) does not give access to this page.');
    expect(screen.queryByRole('link', { name: 'Analytics' })).not.toBeInTheDocument();
  });
});
