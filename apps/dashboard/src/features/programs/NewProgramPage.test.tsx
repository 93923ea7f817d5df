import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CreateProgramInput } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { COORDINATOR } from '../auth/session.fixtures';
import { refusal } from '../catalogue/catalogue.fixtures';
import { networkMock } from '../centres/centres.fixtures';
import { programMock, RELATIVES_GROUP } from './programs.fixtures';
import { CreateProgramMutation } from './programs-documents';

type User = ReturnType<typeof userEvent.setup>;

const INPUT: CreateProgramInput = {
  code: 'relatives-group',
  kind: 'SUPPORT_GROUP',
  names: { kk: null, ru: null, en: 'Relatives support group' },
  descriptions: null,
  minAge: 18,
  maxAge: 80,
  ageExceptionReason: { kk: null, ru: null, en: 'Relatives of any adult age' },
  minEducation: 'NONE',
  ruralOnly: false,
  anonymous: true,
  durationWeeks: 5,
  partners: [{ kk: null, ru: null, en: 'Atameken chamber of entrepreneurs' }],
  mentors: [{ fullName: 'Saule Nurlanovna', expertises: { kk: null, ru: null, en: 'Family psychology' } }],
};

function createMock(result: MockLink.MockedResponse['result']): MockLink.MockedResponse {
  return { request: { query: CreateProgramMutation, variables: { input: INPUT } }, result };
}

function submit(user: User) {
  return user.click(screen.getByRole('button', { name: 'Add to the catalogue' }));
}

/** Everything INPUT holds except the age reason, as a person fills it in. */
async function fillIn(user: User) {
  await user.type(await screen.findByRole('textbox', { name: 'Name — English' }), 'Relatives support group');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Support group');
  await user.clear(screen.getByRole('spinbutton', { name: 'Youngest age' }));
  await user.type(screen.getByRole('spinbutton', { name: 'Youngest age' }), '18');
  await user.clear(screen.getByRole('spinbutton', { name: 'Oldest age' }));
  await user.type(screen.getByRole('spinbutton', { name: 'Oldest age' }), '80');
  await user.click(screen.getByRole('checkbox', { name: 'Anonymous support group' }));
  await user.type(screen.getByRole('spinbutton', { name: 'Length of one run, in weeks' }), '5');

  await user.click(screen.getByRole('button', { name: 'Add a partner' }));
  // The new row takes focus, so typing goes straight into it.
  expect(screen.getByRole('textbox', { name: 'Partner 1 — Қазақша' })).toHaveFocus();
  await user.type(screen.getByRole('textbox', { name: 'Partner 1 — English' }), 'Atameken chamber of entrepreneurs');

  await user.click(screen.getByRole('button', { name: 'Add a mentor' }));
  expect(screen.getByRole('textbox', { name: 'Full name of mentor 1' })).toHaveFocus();
  await user.keyboard('Saule Nurlanovna');
  await user.type(screen.getByRole('textbox', { name: 'Field of mentor 1 — English' }), 'Family psychology');

  await user.type(screen.getByRole('textbox', { name: 'Code' }), 'relatives-group');
}

describe('the new program form', () => {
  it('asks why the ages reach outside 14–35, and says so before sending anything', async () => {
    const user = userEvent.setup();
    // No createProgram mock: a request would fail the test with an unexpected error.
    renderApp({ path: '/catalogue/programs/new' });

    const oldest = await screen.findByRole('spinbutton', { name: 'Oldest age' });
    expect(screen.queryByRole('group', { name: 'Why the ages reach outside the usual range' })).not.toBeInTheDocument();

    await user.clear(oldest);
    await user.type(oldest, '80');
    const reason = screen.getByRole('group', { name: 'Why the ages reach outside the usual range' });
    expect(reason).toHaveAccessibleDescription('Ages outside 14–35 need a reason, such as a group for relatives of any age.');

    await user.type(screen.getByRole('textbox', { name: 'Name — Русский' }), 'Группа для родственников');
    await user.type(screen.getByRole('textbox', { name: 'Code' }), 'relatives-group');
    await submit(user);

    expect(reason).toHaveAccessibleDescription(/^Give the reason: ages outside 14–35 need one\./);
    const english = within(reason).getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' });
    expect(english).toHaveAttribute('aria-invalid', 'true');
    expect(english).toHaveAccessibleDescription('Give the reason: ages outside 14–35 need one.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Back inside the youth range, the question goes away.
    await user.clear(oldest);
    await user.type(oldest, '35');
    expect(screen.queryByRole('group', { name: 'Why the ages reach outside the usual range' })).not.toBeInTheDocument();
  });

  it('shows what the server refused at each field', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/catalogue/programs/new',
      mocks: [
        createMock(
          refusal('BAD_USER_INPUT', {
            fields: {
              ageExceptionReason: 'is needed for ages outside 14–35',
              'input.partners.0.en': 'must be shorter than or equal to 200 characters',
              'input.mentors.0.fullName': 'must not contain NUL characters',
            },
          }),
        ),
      ],
    });

    await fillIn(user);
    await user.type(screen.getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' }), 'Relatives of any adult age');
    await submit(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The program could not be added.Check the fields marked below.');
    expect(screen.getByRole('group', { name: 'Why the ages reach outside the usual range' })).toHaveAccessibleDescription(
      /^Is needed for ages outside 14–35\./,
    );
    expect(screen.getByRole('textbox', { name: 'Partner 1 — English' })).toHaveAccessibleDescription('Must be shorter than or equal to 200 characters.');
    expect(screen.getByRole('textbox', { name: 'Full name of mentor 1' })).toHaveAccessibleDescription('Must not contain NUL characters.');
    expect(screen.getByRole('textbox', { name: 'Name — English' })).not.toHaveAttribute('aria-invalid');
  });

  it('puts a taken code at the code field', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/catalogue/programs/new', mocks: [createMock(refusal('CONFLICT', { fields: { code: 'is already used by another program' } }))] });

    await fillIn(user);
    await user.type(screen.getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' }), 'Relatives of any adult age');
    await submit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Check the fields marked below.');
    expect(screen.getByRole('textbox', { name: 'Code' })).toHaveAccessibleDescription(/^This code is already in use\. Choose another\./);
  });

  it('adds the program with its partners and mentors, and opens it', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/catalogue/programs/new',
      mocks: [createMock({ data: { createProgram: { __typename: 'ProgramPayload', program: RELATIVES_GROUP } } }), programMock(RELATIVES_GROUP), networkMock()],
    });

    await fillIn(user);
    await user.type(screen.getByRole('textbox', { name: 'Why the ages reach outside the usual range — English' }), 'Relatives of any adult age');
    await submit(user);

    expect(await screen.findByText('The program “Relatives support group” was added to the catalogue.')).toHaveAttribute('role', 'status');
    expect(router.state.location.pathname).toBe('/catalogue/programs/p-relatives');
  });

  it('lets the partners and mentors be removed again', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/catalogue/programs/new' });

    await user.click(await screen.findByRole('button', { name: 'Add a partner' }));
    await user.click(screen.getByRole('button', { name: 'Add a partner' }));
    expect(screen.getAllByTestId('partners-item')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove partner 1' }));
    expect(screen.getAllByTestId('partners-item')).toHaveLength(1);
    // Focus does not fall back to the page: it waits on the button that adds another.
    expect(screen.getByRole('button', { name: 'Add a partner' })).toHaveFocus();
    expect(screen.getByText('No mentors yet.')).toBeInTheDocument();
  });

  it('is not open to a coordinator', async () => {
    renderApp({ path: '/catalogue/programs/new', session: COORDINATOR });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
