import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CreateUserInput } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { networkMock } from '../centres/centres.fixtures';
import { userDetail, userListNode, usersMock } from './users.fixtures';
import { CreateUserMutation } from './users-documents';

const INPUT: CreateUserInput = {
  email: 'saran@mrc.demo',
  displayName: 'Aliya Bekova',
  role: 'DISTRICT_COORDINATOR',
  centreId: 'c-5',
  preferredLanguage: 'KK',
  password: 'Saran-Coordinator-26',
};

function createMock(outcome: 'ok' | { code: string; fields?: Record<string, string> }): MockLink.MockedResponse {
  const request = { query: CreateUserMutation, variables: { input: INPUT } };
  if (outcome === 'ok') {
    const user = userDetail({
      id: 'u-new',
      email: INPUT.email,
      displayName: INPUT.displayName,
      role: INPUT.role,
      preferredLanguage: 'KK',
      centre: { __typename: 'Centre', id: 'c-5', name: 'Saran' },
    });
    return { request, result: { data: { createUser: { __typename: 'UserPayload', user } } } };
  }
  const extensions = { code: outcome.code, ...(outcome.fields ? { fields: outcome.fields } : {}) };
  return { request, result: { data: null, errors: [{ message: 'Check these fields: email, password.', extensions }] } };
}

/** Fills the form as INPUT says, by the labels a person reads. */
async function fillIn(user: ReturnType<typeof userEvent.setup>, values: Partial<CreateUserInput> = {}) {
  const input = { ...INPUT, ...values };
  await user.type(await screen.findByLabelText('Email', { exact: false }), input.email);
  await user.type(screen.getByLabelText('Name'), input.displayName);
  await user.selectOptions(screen.getByLabelText('Role', { exact: false }), 'District coordinator');
  if (input.centreId) {
    await screen.findByRole('option', { name: 'Saran' });
    await user.selectOptions(screen.getByLabelText('Centre', { exact: false }), 'Saran');
  }
  await user.selectOptions(screen.getByLabelText('Language of the dashboard'), 'Қазақша');
  await user.type(screen.getByLabelText('Password', { exact: false }), input.password);
}

describe('the new user form', () => {
  it('shows what the server refused at each field', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/users/new',
      mocks: [
        networkMock(),
        createMock({
          code: 'BAD_USER_INPUT',
          fields: {
            email: 'email must be an email',
            password: 'is too common or too easy to guess; try a few unrelated words together',
          },
        }),
      ],
    });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create the account' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The account could not be created.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Email must be an email. The person signs in with it.');
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/^Is too common or too easy to guess; try a few unrelated words together\./);
    // Fields the server had nothing against are not marked.
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('puts a taken email at the email field, in the UI language', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/users/new', mocks: [networkMock(), createMock({ code: 'CONFLICT', fields: { email: 'is already in use' } })] });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create the account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Check the fields marked below.');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
      'An account with this email already exists. The person signs in with it.',
    );
  });

  it('asks for what is missing before sending anything', async () => {
    const user = userEvent.setup();
    // No createUser mock: a request would fail the test with an unexpected error.
    renderApp({ path: '/users/new', mocks: [networkMock()] });

    await fillIn(user, { centreId: null, password: 'short' });
    await user.click(screen.getByRole('button', { name: 'Create the account' }));

    expect(await screen.findByLabelText('Centre', { exact: false })).toHaveAccessibleDescription(
      "Choose the coordinator's centre. The centre this coordinator works for.",
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/^Use at least 10 characters\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks a centre only of a coordinator', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/users/new', mocks: [networkMock()] });

    expect(await screen.findByLabelText('Centre', { exact: false })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Role', { exact: false }), 'Analyst');
    expect(screen.queryByLabelText('Centre', { exact: false })).not.toBeInTheDocument();
  });

  it('creates the account and shows it in the list', async () => {
    const user = userEvent.setup();
    const created = userListNode({
      id: 'u-new',
      email: INPUT.email,
      displayName: INPUT.displayName,
      role: 'DISTRICT_COORDINATOR',
      centre: { __typename: 'Centre', id: 'c-5', name: 'Saran' },
    });
    const { router } = renderApp({ path: '/users/new', mocks: [networkMock(), createMock('ok'), usersMock({ nodes: [created] })] });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Create the account' }));

    expect(await screen.findByText('The account of Aliya Bekova was created.')).toHaveAttribute('role', 'status');
    expect(router.state.location.pathname).toBe('/users');
    const [row] = await screen.findAllByTestId('user-row');
    expect(within(row!).getByRole('link', { name: 'Aliya Bekova' })).toHaveAttribute('href', '/users/u-new');
    expect(row).toHaveTextContent('District coordinator');
    expect(row).toHaveTextContent('Saran');
  });
});
