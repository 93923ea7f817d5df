import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST } from '../auth/session.fixtures';
import { refusal } from '../catalogue/catalogue.fixtures';
import { programRow, programsMock } from './programs.fixtures';
import { PROGRAMS_PAGE_SIZE, ProgramsQuery } from './programs-documents';

const SCHOOL = programRow({ id: 'p-school', name: 'School of Analytics', kind: 'ANALYTICS', minAge: 21, minEducation: 'MASTER', durationWeeks: 5 });
const NATION = programRow({ id: 'p-nation', name: 'Ұлт қазынасы', kind: 'RURAL_YOUTH', ruralOnly: true });
const RELATIVES = programRow({ id: 'p-relatives', name: 'Relatives support group', kind: 'SUPPORT_GROUP', minAge: 18, maxAge: 80, anonymous: true, closedOn: '2026-01-10' });

describe('the programs list', () => {
  it('shows a skeleton, then each program with who may take part', async () => {
    renderApp({ path: '/catalogue/programs', session: ANALYST, mocks: [programsMock([SCHOOL, NATION])] });

    expect(await screen.findByTestId('programs-loading')).toHaveTextContent('Loading the programs…');
    const [school, nation] = await screen.findAllByTestId('program-row');
    expect(screen.getByRole('table', { name: '2 programs' })).toBeInTheDocument();
    expect(within(school!).getByRole('link', { name: 'School of Analytics' })).toHaveAttribute('href', '/catalogue/programs/p-school');
    expect(school).toHaveTextContent('Analytics');
    expect(school).toHaveTextContent("21–35 · Master's degree or higher");
    expect(school).toHaveTextContent('5 weeks');
    expect(nation).toHaveTextContent('Rural youth');
    expect(nation).toHaveTextContent('14–35 · villages only');
    expect(nation).toHaveTextContent('Ongoing, no fixed length');
    // Reading is for everyone; adding is the administrators'.
    expect(screen.queryByRole('link', { name: 'New program' })).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Programs · Catalogue · MRC Network'));
  });

  it('keeps the kind, who it is for and "show retired" in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/catalogue/programs',
      mocks: [
        programsMock([SCHOOL, NATION]),
        programsMock([NATION], { filter: { ruralOnly: true } }),
        programsMock([], { filter: { ruralOnly: true, kinds: ['SUPPORT_GROUP'] } }),
        programsMock([], { filter: { kinds: ['SUPPORT_GROUP'] } }),
        programsMock([RELATIVES], { filter: { kinds: ['SUPPORT_GROUP'], includeClosed: true } }),
      ],
    });
    await screen.findAllByTestId('program-row');
    expect(screen.getByRole('link', { name: 'New program' })).toHaveAttribute('href', '/catalogue/programs/new');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Who for' }), 'Rural youth only');
    expect(router.state.location.search).toBe('?rural=only');
    await screen.findByText('1 program');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Support group');
    expect(router.state.location.search).toBe('?kind=SUPPORT_GROUP&rural=only');
    expect(await screen.findByText('No program matches these filters')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear the filters' })).toHaveAttribute('href', '/catalogue/programs');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Who for' }), 'Everyone');
    await user.click(screen.getByRole('checkbox', { name: 'Show retired ones too' }));
    expect(router.state.location.search).toBe('?kind=SUPPORT_GROUP&retired=1');
    const [row] = await screen.findAllByTestId('program-row');
    expect(row).toHaveTextContent('Retired on 10 January 2026');
    expect(row).toHaveTextContent('18–80 · anonymous');
  });

  it('explains an error in plain words and retries', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/catalogue/programs?q=school',
      mocks: [
        { request: { query: ProgramsQuery, variables: { first: PROGRAMS_PAGE_SIZE, filter: { search: 'school' } } }, error: new TypeError('Failed to fetch') },
        programsMock([SCHOOL], { filter: { search: 'school' } }),
      ],
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The programs could not be loaded.');
    expect(alert).toHaveTextContent('The server could not be reached.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findAllByTestId('program-row')).toHaveLength(1);
  });

  it('says what to do when there are no programs yet', async () => {
    renderApp({ path: '/catalogue/programs', mocks: [programsMock([])] });
    expect(await screen.findByText('The catalogue has no programs yet')).toBeInTheDocument();
    expect(screen.getByText('Add the first one with “New program”.')).toBeInTheDocument();
  });

  it('answers a server refusal without a retry when asking again cannot help', async () => {
    renderApp({
      path: '/catalogue/programs',
      session: ANALYST,
      mocks: [{ request: { query: ProgramsQuery, variables: { first: PROGRAMS_PAGE_SIZE } }, result: refusal('FORBIDDEN') }],
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You do not have access to this information.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
  });
});
