import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { COORDINATOR } from '../auth/session.fixtures';
import { ChangeMyPasswordMutation, MyAccountQuery, UpdateMyPreferencesMutation } from './account-documents';

const meMock: MockLink.MockedResponse = {
  request: { query: MyAccountQuery },
  result: {
    data: {
      me: {
        ...COORDINATOR,
        lastSignInAt: null,
        centre: { __typename: 'Centre', id: 'c-3', name: 'Temirtau' },
      },
    },
  },
};

describe('my account', () => {
  it('changes my name and language, and the header and UI follow', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/account',
      session: COORDINATOR,
      mocks: [
        meMock,
        {
          request: { query: UpdateMyPreferencesMutation, variables: { input: { displayName: 'Dauren O.', preferredLanguage: 'EN' } } },
          result: {
            data: {
              updateMyPreferences: {
                __typename: 'UserPayload',
                user: { __typename: 'User', id: COORDINATOR.id, displayName: 'Dauren O.', preferredLanguage: 'EN' },
              },
            },
          },
        },
      ],
      language: 'kk',
    });

    const section = await screen.findByRole('region', { name: 'Аты және тілі' });
    expect(screen.getByText('Temirtau')).toBeInTheDocument();
    const name = within(section).getByLabelText('Аты');
    await user.clear(name);
    await user.type(name, 'Dauren O.');
    await user.selectOptions(within(section).getByLabelText('Панель тілі'), 'English');
    await user.click(within(section).getByRole('button', { name: 'Сақтау' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My account' })).toBeInTheDocument();
    expect(screen.getByTestId('session-user')).toHaveTextContent('Dauren O.');
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('shows a wrong current password at its field', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/account',
      session: COORDINATOR,
      mocks: [
        meMock,
        {
          request: {
            query: ChangeMyPasswordMutation,
            variables: { input: { currentPassword: 'not-my-password', newPassword: 'Nura-River-Autumn-7' } },
          },
          result: {
            data: null,
            errors: [{ message: 'The current password is wrong.', extensions: { code: 'BAD_USER_INPUT', fields: { currentPassword: 'is wrong' } } }],
          },
        },
      ],
    });

    const section = await screen.findByRole('region', { name: 'Password' });
    await user.type(within(section).getByLabelText('Current password'), 'not-my-password');
    await user.type(within(section).getByLabelText('New password'), 'Nura-River-Autumn-7');
    await user.type(within(section).getByLabelText('New password again'), 'Nura-River-Autumn-7');
    await user.click(within(section).getByRole('button', { name: 'Change the password' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent('Your password could not be changed.');
    expect(within(section).getByLabelText('Current password')).toHaveAccessibleDescription('The current password is wrong.');
    expect(within(section).getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
  });
});
