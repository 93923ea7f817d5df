import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { programsMock } from '../programs/programs.fixtures';
import { clubTypeRow, clubTypesMock, refusal } from './catalogue.fixtures';
import { CLUB_TYPES_PAGE_SIZE, ClubTypesQuery } from './club-types-documents';

const DOMBRA = clubTypeRow({ id: 'ct-dombra', name: 'Dombra', description: 'Kuis and songs.' });
const DEBATE = clubTypeRow({ id: 'ct-debate', name: 'Debate' });
const KVN = clubTypeRow({ id: 'ct-kvn', name: 'KVN', closedOn: '2026-01-15' });

describe('the club types list', () => {
  it('shows a skeleton, then each type with what it is', async () => {
    renderApp({ path: '/catalogue', mocks: [clubTypesMock([DEBATE, DOMBRA])] });

    expect(await screen.findByTestId('club-types-loading')).toHaveTextContent('Loading the club types…');
    const rows = await screen.findAllByTestId('club-type-row');
    expect(screen.getByRole('table', { name: '2 club types' })).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('link', { name: 'Dombra' })).toHaveAttribute('href', '/catalogue/club-types/ct-dombra');
    expect(rows[1]).toHaveTextContent('Kuis and songs.');
    expect(rows[0]).toHaveTextContent('No description yet.');
    // The section is marked in the tabs and the main navigation, by more than colour.
    expect(screen.getByRole('link', { name: 'Club types' })).toHaveAttribute('aria-current', 'page');
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Catalogue' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(document.title).toBe('Club types · Catalogue · MRC Network'));
  });

  it('keeps the search and "show retired" in the URL, so the view can be shared', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/catalogue',
      mocks: [
        clubTypesMock([DEBATE, DOMBRA]),
        clubTypesMock([DEBATE, DOMBRA, KVN], { filter: { includeClosed: true } }),
        clubTypesMock([], { filter: { includeClosed: true, search: 'chess' } }),
      ],
    });
    await screen.findAllByTestId('club-type-row');

    await user.click(screen.getByRole('checkbox', { name: 'Show retired ones too' }));

    expect(router.state.location.search).toBe('?retired=1');
    expect(await screen.findByText('Retired on 15 January 2026')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Name' }), 'chess');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(router.state.location.search).toBe('?q=chess&retired=1');
    expect(await screen.findByText('No club type matches these filters')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear the filters' })).toHaveAttribute('href', '/catalogue');
  });

  it('opens with the filters of a shared link', async () => {
    renderApp({ path: '/catalogue?q=dom&retired=1', session: ANALYST, mocks: [clubTypesMock([DOMBRA], { filter: { search: 'dom', includeClosed: true } })] });

    expect(await screen.findAllByTestId('club-type-row')).toHaveLength(1);
    expect(screen.getByRole('searchbox', { name: 'Name' })).toHaveValue('dom');
    expect(screen.getByRole('checkbox', { name: 'Show retired ones too' })).toBeChecked();
  });

  it('explains an error in plain words and retries', async () => {
    const user = userEvent.setup();
    const request = { query: ClubTypesQuery, variables: { first: CLUB_TYPES_PAGE_SIZE } };
    renderApp({
      path: '/catalogue',
      mocks: [{ request, result: refusal('INTERNAL_SERVER_ERROR') }, clubTypesMock([DOMBRA])],
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The club types could not be loaded.');
    expect(alert).toHaveTextContent('Something went wrong on the server.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findAllByTestId('club-type-row')).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers an administrator to add the first type', async () => {
    renderApp({ path: '/catalogue', mocks: [clubTypesMock([])] });

    expect(await screen.findByText('The catalogue has no club types yet')).toBeInTheDocument();
    expect(screen.getByText('Add the first one with “New club type”.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New club type' })).toHaveAttribute('href', '/catalogue/club-types/new');
  });

  it('shows a coordinator the catalogue without ways to change it', async () => {
    renderApp({ path: '/catalogue', session: COORDINATOR, mocks: [clubTypesMock([])] });

    expect(await screen.findByText('The regional centre adds club types; they appear here for every centre.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New club type' })).not.toBeInTheDocument();
  });

  it('switches to the programs with their own address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ path: '/catalogue', mocks: [clubTypesMock([DOMBRA]), programsMock([])] });
    await screen.findAllByTestId('club-type-row');

    await user.click(screen.getByRole('link', { name: 'Programs' }));

    expect(router.state.location.pathname).toBe('/catalogue/programs');
    expect(await screen.findByRole('heading', { level: 2, name: 'Programs' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Programs' })).toHaveAttribute('aria-current', 'page');
  });

  it('answers a coordinator who opens the new type form with "not allowed"', async () => {
    renderApp({ path: '/catalogue/club-types/new', session: COORDINATOR });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
