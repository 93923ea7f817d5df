import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProgramRunFieldsFragment } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { refusal } from '../catalogue/catalogue.fixtures';
import { networkMock } from '../centres/centres.fixtures';
import { programMock, RELATIVES_GROUP, run } from './programs.fixtures';
import { CloseProgramMutation, CloseProgramRunMutation, CreateProgramRunMutation, ProgramQuery, ReopenProgramRunMutation } from './programs-documents';

const PATH = '/catalogue/programs/p-relatives';
const { runs: _runs, ...PROGRAM_FIELDS } = RELATIVES_GROUP;

function runPayload(field: 'closeProgramRun' | 'reopenProgramRun', programRun: ProgramRunFieldsFragment) {
  return { data: { [field]: { __typename: 'ProgramRunPayload', programRun } } };
}

function scheduleMock(input: Record<string, string>, created: ProgramRunFieldsFragment): MockLink.MockedResponse {
  return {
    request: { query: CreateProgramRunMutation, variables: { input: { programId: RELATIVES_GROUP.id, ...input } } },
    result: {
      data: {
        createProgramRun: {
          __typename: 'ProgramRunPayload',
          programRun: { ...created, program: { __typename: 'Program', id: RELATIVES_GROUP.id, runs: [created, ...RELATIVES_GROUP.runs] } },
        },
      },
    },
  };
}

describe('the program page', () => {
  it('says who may take part in plain words, with partners, mentors and runs', async () => {
    renderApp({ path: PATH, session: ANALYST, mocks: [programMock(RELATIVES_GROUP)] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Relatives support group' })).toBeInTheDocument();
    expect(screen.getByText('Support group')).toBeInTheDocument();
    expect(within(screen.getByTestId('eligibility')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Ages 18–80, outside the usual 14–35: Relatives of any adult age',
      'No education requirement',
      'Open to young people from towns and villages',
      'An anonymous support group: members are never named, only counted.',
    ]);
    expect(screen.getByRole('region', { name: 'Who may take part' })).toHaveTextContent('Length of one run5 weeks');
    expect(screen.getByRole('region', { name: 'Partners' })).toHaveTextContent('Atameken chamber of entrepreneurs');
    expect(screen.getByRole('region', { name: 'Mentors' })).toHaveTextContent('Saule Nurlanovna — Family psychology');

    const runs = screen.getByRole('region', { name: 'Runs' });
    const [temirtau, balkhash, saran] = within(runs).getAllByTestId('run-row');
    expect(within(temirtau!).getByRole('link', { name: 'Temirtau' })).toHaveAttribute('href', '/centres/c-3');
    expect(temirtau).toHaveTextContent('2 November 2026 – 6 December 2026');
    expect(temirtau).toHaveTextContent('Planned');
    expect(balkhash).toHaveTextContent('Running');
    expect(saran).toHaveTextContent('Cancelled');
    expect(saran).toHaveTextContent('Cancelled on 20 February 2026');

    // An analyst reads; nothing here changes anything.
    expect(within(screen.getByRole('main')).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit the program' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Schedule a run' })).not.toBeInTheDocument();
  });

  it('lets a coordinator schedule and cancel runs at their own centre only, and nothing else', async () => {
    const user = userEvent.setup();
    const created = run({ id: 'r-new', centreId: 'c-3', centreName: 'Temirtau', status: 'PLANNED', startsOn: '2027-01-11', endsOn: '2027-02-14' });
    renderApp({
      path: PATH,
      session: COORDINATOR,
      mocks: [programMock(RELATIVES_GROUP), networkMock(), scheduleMock({ centreId: 'c-3', startsOn: '2027-01-11' }, created)],
    });

    const runs = await screen.findByRole('region', { name: 'Runs' });
    expect(screen.queryByRole('link', { name: 'Edit the program' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Place in the catalogue' })).not.toBeInTheDocument();
    const [temirtau, balkhash, saran] = within(runs).getAllByTestId('run-row');
    expect(within(temirtau!).getByRole('button', { name: /^Cancel the run at Temirtau/ })).toBeInTheDocument();
    expect(within(balkhash!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(saran!).queryByRole('button')).not.toBeInTheDocument();

    const form = within(runs).getByRole('group', { name: 'Schedule a run' });
    const centre = within(form).getByRole('combobox', { name: 'Centre' });
    await within(form).findByRole('option', { name: 'Balkhash' });
    expect(centre).toHaveValue('c-3');
    expect(centre).toHaveAccessibleDescription('You can schedule runs at your own centre.');

    await user.selectOptions(centre, 'Balkhash');
    fireEvent.change(within(form).getByLabelText('First day'), { target: { value: '2027-01-11' } });
    await user.click(within(form).getByRole('button', { name: 'Schedule the run' }));
    expect(centre).toHaveAccessibleDescription('You can schedule runs only at your own centre. You can schedule runs at your own centre.');

    await user.selectOptions(centre, 'Temirtau');
    await user.click(within(form).getByRole('button', { name: 'Schedule the run' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Scheduled at Temirtau from 11 January 2027.');
    expect(within(runs).getAllByTestId('run-row')).toHaveLength(4);
    expect(within(runs).getAllByTestId('run-row')[0]).toHaveTextContent('11 January 2027 – 14 February 2027');
    expect(within(form).getByLabelText('First day')).toHaveValue('');
  });

  it('tells when a run ends if its last day is left empty', async () => {
    renderApp({ path: PATH, mocks: [programMock(RELATIVES_GROUP), networkMock()] });
    const form = await screen.findByRole('group', { name: 'Schedule a run' });
    const endsOn = within(form).getByLabelText('Last day (optional)');
    expect(endsOn).toHaveAccessibleDescription("Leave it empty and the run ends after 5 weeks, the program's length.");

    fireEvent.change(within(form).getByLabelText('First day'), { target: { value: '2025-11-03' } });

    expect(endsOn).toHaveAccessibleDescription('Leave it empty and the run ends after 5 weeks, on 7 December 2025.');
  });

  it('shows a refusal of a new run at its field', async () => {
    const user = userEvent.setup();
    renderApp({
      path: PATH,
      mocks: [
        programMock(RELATIVES_GROUP),
        networkMock(),
        {
          request: { query: CreateProgramRunMutation, variables: { input: { programId: RELATIVES_GROUP.id, centreId: 'c-4', startsOn: '2019-01-07' } } },
          result: refusal('BAD_USER_INPUT', { fields: { startsOn: 'must not be before the centre opened (2020-09-01)' } }),
        },
      ],
    });
    const form = await screen.findByRole('group', { name: 'Schedule a run' });
    await within(form).findByRole('option', { name: 'Balkhash' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Centre' }), 'Balkhash');
    fireEvent.change(within(form).getByLabelText('First day'), { target: { value: '2019-01-07' } });
    await user.click(within(form).getByRole('button', { name: 'Schedule the run' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('The run could not be scheduled.Check the fields marked below.');
    expect(within(form).getByLabelText('First day')).toHaveAccessibleDescription('Must not be before the centre opened (2020-09-01).');
  });

  it('lets an administrator cancel a run and reopen a cancelled one', async () => {
    const user = userEvent.setup();
    const [temirtau, , saran] = RELATIVES_GROUP.runs;
    renderApp({
      path: PATH,
      mocks: [
        programMock(RELATIVES_GROUP),
        networkMock(),
        {
          request: { query: CloseProgramRunMutation, variables: { input: { id: temirtau!.id } } },
          result: runPayload('closeProgramRun', { ...temirtau!, status: 'CANCELLED', closedOn: '2026-10-01' }),
        },
        { request: { query: ReopenProgramRunMutation, variables: { input: { id: saran!.id } } }, result: refusal('CONFLICT') },
      ],
    });
    const runs = await screen.findByRole('region', { name: 'Runs' });
    const rows = within(runs).getAllByTestId('run-row');

    await user.click(within(rows[0]!).getByRole('button', { name: /^Cancel the run at Temirtau/ }));
    expect(await within(rows[0]!).findByText('Cancelled on 1 October 2026')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: /^Reopen the run at Temirtau/ })).toBeInTheDocument();

    await user.click(within(rows[2]!).getByRole('button', { name: /^Reopen the run at Saran/ }));
    expect(await within(rows[2]!).findByRole('alert')).toHaveTextContent("The run's centre is closed. Reopen the centre first.");
  });

  it('lets an administrator edit and retire the program, after a confirmation', async () => {
    const user = userEvent.setup();
    renderApp({
      path: PATH,
      mocks: [
        programMock(RELATIVES_GROUP),
        networkMock(),
        {
          request: { query: CloseProgramMutation, variables: { input: { id: RELATIVES_GROUP.id } } },
          result: { data: { closeProgram: { __typename: 'ProgramPayload', program: { ...PROGRAM_FIELDS, closedOn: '2026-10-01' } } } },
        },
      ],
    });
    expect(await screen.findByRole('link', { name: 'Edit the program' })).toHaveAttribute('href', `${PATH}/edit`);
    const place = screen.getByRole('region', { name: 'Place in the catalogue' });

    await user.click(within(place).getByRole('button', { name: 'Retire the program' }));
    await user.click(within(place).getByRole('button', { name: 'Yes, retire' }));

    expect(await within(place).findByText(/^This program was retired on 1 October 2026/)).toBeInTheDocument();
    expect(within(place).getByRole('button', { name: 'Restore the program' })).toBeInTheDocument();
    // A retired program takes no new runs; the form says how to get them back.
    expect(screen.queryByRole('group', { name: 'Schedule a run' })).not.toBeInTheDocument();
    expect(screen.getByText('This program is retired: restore it to schedule new runs.')).toBeInTheDocument();
  });

  it('says so when there is no such program', async () => {
    renderApp({ path: '/catalogue/programs/p-gone', mocks: [{ request: { query: ProgramQuery, variables: { id: 'p-gone' } }, result: refusal('NOT_FOUND') }] });
    expect(await screen.findByText('There is no such program')).toBeInTheDocument();
  });
});
