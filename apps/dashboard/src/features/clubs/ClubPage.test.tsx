import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CreateClubInput } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { COORDINATOR } from '../auth/session.fixtures';
import { centreNameMock, centrePageMock, club, TEMIRTAU } from '../centres/centre.fixtures';
import { centreClubsMock, clubEditMock, clubTypesMock } from './clubs.fixtures';
import { CloseClubMutation, CreateClubMutation, ReopenClubMutation, UpdateClubMutation } from './clubs-documents';

const INPUT: CreateClubInput = {
  centreId: 'c-3',
  clubTypeId: 'type-debate',
  status: 'ACTIVE',
  leaderName: 'Timur Akhmetzhanov',
  schedules: { kk: 'Бейсенбі 18:30', ru: null, en: 'Thu 18:30' },
  startedOn: '2026-11-05',
};

const DEBATE = club({
  id: 'club-new',
  type: { __typename: 'ClubType', id: 'type-debate', name: 'Debate' },
  leaderName: INPUT.leaderName ?? null,
  schedule: 'Thu 18:30',
  startedOn: '2026-11-05',
});

function createMock(outcome: 'ok' | { code: string; fields: Record<string, string> }, delay = 0): MockLink.MockedResponse {
  const request = { query: CreateClubMutation, variables: { input: INPUT } };
  if (outcome === 'ok') return { request, delay, result: { data: { createClub: { __typename: 'ClubPayload', club: DEBATE } } } };
  return { request, delay, result: { data: null, errors: [{ message: 'Not for people', extensions: { code: outcome.code, fields: outcome.fields } }] } };
}

/** The form's mocks at Temirtau, where Dombra and Public speaking run already. */
const FORM_MOCKS = [clubTypesMock(), centreClubsMock('c-3', 'Temirtau', ['type-dombra', 'type-oratory']), centreNameMock()];

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('option', { name: 'Debate' });
  await user.selectOptions(screen.getByLabelText('Club type', { exact: false }), 'Debate');
  await user.selectOptions(screen.getByLabelText('Status', { exact: false }), 'Active');
  fireEvent.change(screen.getByLabelText('First meeting', { exact: false }), { target: { value: INPUT.startedOn } });
  await user.type(screen.getByLabelText('Leader', { exact: false }), INPUT.leaderName ?? '');
  const schedule = screen.getByRole('group', { name: /Schedule/ });
  await user.type(within(schedule).getByLabelText('Schedule — Қазақша'), 'Бейсенбі 18:30');
  await user.type(within(schedule).getByLabelText('Schedule — English'), 'Thu 18:30');
}

describe('the new club form', () => {
  it('offers the catalogue, marking the types the centre runs already', async () => {
    renderApp({ path: '/centres/c-3/clubs/new', mocks: FORM_MOCKS });

    expect(await screen.findByRole('option', { name: 'Debate' })).toBeEnabled();
    expect(await screen.findByRole('option', { name: 'Dombra (already runs here)' })).toBeDisabled();
    expect(screen.getByRole('option', { name: 'Public speaking (already runs here)' })).toBeDisabled();
    expect(await screen.findByRole('link', { name: '← Temirtau' })).toHaveAttribute('href', '/centres/c-3');
    await waitFor(() => expect(document.title).toBe('New club · MRC Network'));
  });

  it('asks for the type, and for the first meeting of an active club, before sending anything', async () => {
    const user = userEvent.setup();
    // No createClub mock: a request would fail the test.
    renderApp({ path: '/centres/c-3/clubs/new', mocks: FORM_MOCKS });
    await screen.findByRole('option', { name: 'Debate' });

    await user.selectOptions(screen.getByLabelText('Status', { exact: false }), 'Active');
    await user.click(screen.getByRole('button', { name: 'Start the club' }));

    expect(screen.getByLabelText('Club type', { exact: false })).toHaveAccessibleDescription(/^Choose the club type\./);
    expect(screen.getByLabelText('First meeting', { exact: false })).toHaveAccessibleDescription(
      /^Enter the day of the first meeting: an active or paused club has met\./,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the API's refusal at each field, and cannot be sent twice while saving", async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/centres/c-3/clubs/new',
      mocks: [
        ...FORM_MOCKS,
        createMock(
          { code: 'BAD_USER_INPUT', fields: { startedOn: 'must not be before the centre opened (2026-12-01)', 'schedules.kk': 'must be shorter than or equal to 2000 characters' } },
          1_000,
        ),
      ],
    });
    await fillIn(user);

    await user.click(screen.getByRole('button', { name: 'Start the club' }));
    // Checked in one go: between finding the button and reading it, the answer may already have come.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The club could not be started.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
    const startedOn = screen.getByLabelText('First meeting', { exact: false });
    expect(startedOn).toHaveAttribute('aria-invalid', 'true');
    expect(startedOn).toHaveAccessibleDescription(/^Must not be before the centre opened \(2026-12-01\)\./);
    const schedule = screen.getByRole('group', { name: /Schedule/ });
    expect(within(schedule).getByLabelText('Schedule — Қазақша')).toHaveAccessibleDescription('Must be shorter than or equal to 2000 characters.');
    expect(within(schedule).getByLabelText('Schedule — English')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Start the club' })).toBeEnabled();
  });

  it('puts "already runs here" (a CONFLICT with its field) at the type', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres/c-3/clubs/new', mocks: [...FORM_MOCKS, createMock({ code: 'CONFLICT', fields: { clubTypeId: 'already runs at this centre' } })] });
    await fillIn(user);

    await user.click(screen.getByRole('button', { name: 'Start the club' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Check the fields marked below.');
    expect(screen.getByLabelText('Club type', { exact: false })).toHaveAccessibleDescription(/^Already runs at this centre\./);
  });

  it("starts the club from the centre's page, which then asks for its clubs again and shows it", async () => {
    const user = userEvent.setup();
    const withDebate = { ...TEMIRTAU, clubs: [...TEMIRTAU.clubs, DEBATE] };
    const { router } = renderApp({
      path: '/centres/c-3',
      mocks: [centrePageMock(TEMIRTAU), ...FORM_MOCKS, createMock('ok'), centrePageMock(withDebate)],
    });
    expect(await screen.findAllByTestId('club-row')).toHaveLength(3);

    await user.click(screen.getByRole('link', { name: 'Start a club' }));
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Start the club' }));

    expect(await screen.findByText('The club “Debate” was started.')).toHaveAttribute('role', 'status');
    expect(router.state.location.pathname).toBe('/centres/c-3');
    // The cached list had three clubs; the new one shows only because the page asked again.
    await vi.waitFor(() => expect(screen.getAllByTestId('club-row')).toHaveLength(4));
    expect(screen.getAllByTestId('club-row')[3]).toHaveTextContent('Debate');
  });

  it("tells a coordinator they may not start clubs at another centre", async () => {
    renderApp({ path: '/centres/c-4/clubs/new', session: COORDINATOR, mocks: [clubTypesMock()] });

    expect(await screen.findByTestId('not-allowed')).toHaveTextContent('Your role (District coordinator) does not give access to this page.');
    expect(screen.queryByRole('button', { name: 'Start the club' })).not.toBeInTheDocument();
  });

  it('lets a coordinator start a club at their own centre', async () => {
    renderApp({ path: '/centres/c-3/clubs/new', session: COORDINATOR, mocks: FORM_MOCKS });

    expect(await screen.findByRole('button', { name: 'Start the club' })).toBeEnabled();
  });
});

describe('an existing club', () => {
  const ORATORY = TEMIRTAU.clubs[1]!;

  it('saves its leader and schedule', async () => {
    const user = userEvent.setup();
    const input = {
      id: ORATORY.id,
      leaderName: 'Aigerim Sadykova',
      schedules: { kk: 'Сәрсенбі 18:00–19:30', ru: 'Ср 18:00–19:30', en: 'Wed 18:00–19:30' },
      status: 'ACTIVE' as const,
      startedOn: '2026-09-09',
    };
    const updated = { ...ORATORY, leaderName: input.leaderName };
    renderApp({
      path: '/centres/c-3/clubs/club-oratory',
      mocks: [
        clubEditMock(ORATORY),
        centreNameMock(),
        { request: { query: UpdateClubMutation, variables: { input } }, result: { data: { updateClub: { __typename: 'ClubPayload', club: updated } } } },
      ],
    });

    const leader = await screen.findByLabelText('Leader', { exact: false });
    expect(screen.getByRole('heading', { level: 1, name: 'Public speaking' })).toBeInTheDocument();
    await user.clear(leader);
    await user.type(leader, input.leaderName);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toHaveAttribute('role', 'status');
  });

  it('says a new status was saved, although the form starts again from the saved club', async () => {
    const user = userEvent.setup();
    const paused = { ...ORATORY, status: 'PAUSED' as const };
    const input = { id: ORATORY.id, leaderName: ORATORY.leaderName, schedules: { kk: 'Сәрсенбі 18:00–19:30', ru: 'Ср 18:00–19:30', en: 'Wed 18:00–19:30' }, status: 'PAUSED' as const, startedOn: '2026-09-09' };
    renderApp({
      path: '/centres/c-3/clubs/club-oratory',
      mocks: [
        clubEditMock(ORATORY),
        centreNameMock(),
        { request: { query: UpdateClubMutation, variables: { input } }, result: { data: { updateClub: { __typename: 'ClubPayload', club: paused } } } },
      ],
    });

    await user.selectOptions(await screen.findByLabelText('Status', { exact: false }), 'Paused');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toHaveAttribute('role', 'status');
    expect(screen.getByLabelText('Status', { exact: false })).toHaveValue('PAUSED');
  });

  it('closes on a chosen day after a question, then reopens', async () => {
    const user = userEvent.setup();
    const closed = { ...ORATORY, status: 'CLOSED' as const, closedOn: '2026-11-20' };
    const reopened = { ...ORATORY, status: 'ACTIVE' as const, closedOn: null };
    renderApp({
      path: '/centres/c-3/clubs/club-oratory',
      mocks: [
        clubEditMock(ORATORY),
        centreNameMock(),
        { request: { query: CloseClubMutation, variables: { input: { id: ORATORY.id, closedOn: '2026-11-20' } } }, result: { data: { closeClub: { __typename: 'ClubPayload', club: closed } } } },
        { request: { query: ReopenClubMutation, variables: { input: { id: ORATORY.id } } }, result: { data: { reopenClub: { __typename: 'ClubPayload', club: reopened } } } },
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Close the club' }));
    expect(screen.getByText('Close this club? It keeps its history and can be reopened.')).toBeInTheDocument();
    const day = screen.getByLabelText('Closing day', { exact: false });
    expect(day).toHaveFocus();
    fireEvent.change(day, { target: { value: '2026-11-20' } });
    await user.click(screen.getByRole('button', { name: 'Yes, close it' }));

    expect(await screen.findByText('This club closed on 20 November 2026.')).toBeInTheDocument();
    expect(screen.getByText('✕')).toBeInTheDocument();
    // A closed club's status and first meeting wait until it is reopened.
    expect(screen.queryByLabelText('Status', { exact: false })).not.toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Reopen the club' }));

    expect(await screen.findByRole('button', { name: 'Close the club' })).toBeInTheDocument();
    expect(screen.getByLabelText('Status', { exact: false })).toHaveValue('ACTIVE');
  });

  it('shows a refusal to close at the day', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/centres/c-3/clubs/club-oratory',
      mocks: [
        clubEditMock(ORATORY),
        centreNameMock(),
        {
          request: { query: CloseClubMutation, variables: { input: { id: ORATORY.id, closedOn: '2026-01-01' } } },
          result: { data: null, errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: { closedOn: 'must not be before the first meeting (2026-09-09)' } } }] },
        },
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Close the club' }));
    fireEvent.change(screen.getByLabelText('Closing day', { exact: false }), { target: { value: '2026-01-01' } });
    await user.click(screen.getByRole('button', { name: 'Yes, close it' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('It could not be closed.');
    expect(screen.getByLabelText('Closing day', { exact: false })).toHaveAccessibleDescription(/^Must not be before the first meeting \(2026-09-09\)\./);
  });

  it("is not for a coordinator of another centre", async () => {
    const balkhashClub = club({ id: 'club-b1', centre: { __typename: 'Centre', id: 'c-4' } });
    renderApp({ path: '/centres/c-4/clubs/club-b1', session: COORDINATOR, mocks: [clubEditMock(balkhashClub)] });

    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
