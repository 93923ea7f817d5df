import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UserDetailFieldsFragment } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { ADMIN } from '../auth/session.fixtures';
import { networkMock } from '../centres/centres.fixtures';
import { TEMIRTAU_CENTRE, userDetail } from './users.fixtures';
import { DeactivateUserMutation, ResetUserPasswordMutation, UpdateUserMutation, UserQuery } from './users-documents';

const DAUREN = userDetail({ id: 'u-1', displayName: 'Dauren Omarov', role: 'DISTRICT_COORDINATOR', centre: TEMIRTAU_CENTRE });

function userMock(user: UserDetailFieldsFragment | null): MockLink.MockedResponse {
  return { request: { query: UserQuery, variables: { id: user?.id ?? 'u-missing' } }, result: { data: { user } } };
}

describe('the user page', () => {
  it('deactivates an account only after a confirmation', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/users/u-1',
      mocks: [
        networkMock(),
        userMock(DAUREN),
        {
          request: { query: DeactivateUserMutation, variables: { input: { id: 'u-1' } } },
          result: { data: { deactivateUser: { __typename: 'UserPayload', user: { ...DAUREN, active: false } } } },
        },
      ],
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Dauren Omarov' })).toBeInTheDocument();
    const access = screen.getByRole('region', { name: 'Access' });
    await user.click(within(access).getByRole('button', { name: 'Deactivate the account' }));

    const question = within(access).getByRole('group');
    expect(question).toHaveTextContent('Deactivate the account of Dauren Omarov? They are signed out at once');
    // Focus moves to the answer, so the keyboard can confirm right away.
    expect(within(question).getByRole('button', { name: 'Yes, deactivate' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(within(access).queryByRole('group')).not.toBeInTheDocument();

    await user.click(within(access).getByRole('button', { name: 'Deactivate the account' }));
    await user.click(within(access).getByRole('button', { name: 'Yes, deactivate' }));

    expect(await within(access).findByText('This account is deactivated: it cannot sign in.')).toBeInTheDocument();
    expect(within(access).getByRole('button', { name: 'Activate the account' })).toBeInTheDocument();
    expect(screen.getAllByText('Deactivated').length).toBeGreaterThan(0);
  });

  it('does not offer to deactivate your own account', async () => {
    renderApp({ path: `/users/${ADMIN.id}`, mocks: [networkMock(), userMock(userDetail({ id: ADMIN.id, role: 'REGIONAL_ADMIN' }))] });

    const access = await screen.findByRole('region', { name: 'Access' });
    expect(within(access).queryByRole('button')).not.toBeInTheDocument();
    expect(access).toHaveTextContent('This is your own account');
  });

  it('saves the role, and shows a refusal at the centre field', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/users/u-1',
      mocks: [
        networkMock(),
        userMock(DAUREN),
        {
          request: {
            query: UpdateUserMutation,
            variables: { input: { id: 'u-1', displayName: 'Dauren Omarov', role: 'DISTRICT_COORDINATOR', centreId: 'c-4', preferredLanguage: 'RU' } },
          },
          result: { data: null, errors: [{ message: 'Check centreId.', extensions: { code: 'BAD_USER_INPUT', fields: { centreId: 'no centre has this id' } } }] },
        },
      ],
    });
    const details = await screen.findByRole('region', { name: 'Details' });
    await within(details).findByRole('option', { name: 'Balkhash' });
    await user.selectOptions(within(details).getByLabelText('Centre', { exact: false }), 'Balkhash');
    await user.click(within(details).getByRole('button', { name: 'Save' }));

    expect(await within(details).findByRole('alert')).toHaveTextContent('The changes could not be saved.');
    expect(within(details).getByLabelText('Centre', { exact: false })).toHaveAccessibleDescription(
      'No centre has this id. The centre this coordinator works for.',
    );
  });

  it('resets the password, checking the two entries agree', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/users/u-1',
      mocks: [
        networkMock(),
        userMock(DAUREN),
        {
          request: { query: ResetUserPasswordMutation, variables: { input: { id: 'u-1', newPassword: 'Steppe-Horizon-Nine' } } },
          result: { data: { resetUserPassword: { __typename: 'UserPayload', user: { __typename: 'User', id: 'u-1' } } } },
        },
      ],
    });
    const section = await screen.findByRole('region', { name: 'Password' });

    await user.type(within(section).getByLabelText('New password'), 'Steppe-Horizon-Nine');
    await user.type(within(section).getByLabelText('New password again'), 'Steppe-Horizon-Nin');
    await user.click(within(section).getByRole('button', { name: 'Set the new password' }));
    expect(within(section).getByLabelText('New password again')).toHaveAccessibleDescription('The two passwords are different.');

    await user.type(within(section).getByLabelText('New password again'), 'e');
    await user.click(within(section).getByRole('button', { name: 'Set the new password' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('The password of Dauren Omarov was changed.');
    expect(within(section).getByLabelText('New password')).toHaveValue('');
  });

  it('says so when there is no such account', async () => {
    renderApp({ path: '/users/u-missing', mocks: [networkMock(), userMock(null)] });
    expect(await screen.findByText('There is no such account')).toBeInTheDocument();
  });
});
