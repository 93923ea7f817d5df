import type { MockLink } from '@apollo/client/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CHOSEN_KEY } from '../../app/i18n/language-preference';
import { renderApp } from '../../test/render';
import { networkMock } from '../centres/centres.fixtures';
import { LoginMutation } from './auth-documents';
import { ADMIN, COORDINATOR } from './session.fixtures';
import type { SessionUser } from './session-store';

const EMAIL = 'admin@mrc.demo';
const PASSWORD = 'Karaganda-Admin-2026';

function loginMock(password: string, outcome: { user: SessionUser } | { code: string; retryAfter?: number }): MockLink.MockedResponse {
  const request = { query: LoginMutation, variables: { input: { email: EMAIL, password } } };
  if ('user' in outcome) {
    return {
      request,
      result: {
        data: {
          login: {
            __typename: 'SessionPayload',
            accessToken: 'token-1',
            accessTokenExpiresAt: '2026-03-01T08:15:00.000Z',
            user: outcome.user,
          },
        },
      },
    };
  }
  const extensions = { code: outcome.code, ...(outcome.retryAfter === undefined ? {} : { retryAfter: outcome.retryAfter }) };
  return { request, result: { data: null, errors: [{ message: 'A message the UI must not depend on', extensions }] } };
}

async function signIn(password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), EMAIL);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in page', () => {
  it('is where a visitor who is not signed in lands, remembering the page asked for', async () => {
    const { router } = renderApp({ path: '/users?role=ANALYST', session: null });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fusers%3Frole%3DANALYST');
    // No navigation to pages the visitor cannot open yet.
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('signs in, switches to the account language and goes on to the page asked for', async () => {
    const { store, router } = renderApp({
      path: '/sign-in?next=%2Fcentres',
      session: null,
      mocks: [loginMock(PASSWORD, { user: ADMIN }), networkMock()],
    });

    await signIn(PASSWORD);

    // The administrator reads Russian; nobody chose a language on this browser.
    expect(await screen.findByRole('heading', { name: 'Сеть центров' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/centres');
    expect(store.accessToken).toBe('token-1');
    expect(screen.getByTestId('session-user')).toHaveTextContent(`${ADMIN.displayName}Региональный администратор`);
    expect(document.documentElement.lang).toBe('ru');
  });

  it('keeps a language the person chose on this browser', async () => {
    localStorage.setItem(LANGUAGE_CHOSEN_KEY, 'true');
    renderApp({ path: '/sign-in', session: null, mocks: [loginMock(PASSWORD, { user: COORDINATOR }), networkMock()] });

    await signIn(PASSWORD);

    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();
    expect(screen.getByTestId('session-user')).toHaveTextContent('District coordinator');
  });

  it('says the email or password is wrong, without saying which, and stays signed out', async () => {
    const { store } = renderApp({ path: '/sign-in', session: null, mocks: [loginMock('wrong-password', { code: 'UNAUTHENTICATED' })] });

    await signIn('wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You could not be signed in.');
    expect(alert).toHaveTextContent('The email or password is wrong.');
    expect(alert).toHaveAttribute('data-error-code', 'UNAUTHENTICATED');
    expect(alert).not.toHaveTextContent('A message the UI must not depend on');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Email')).toHaveValue(EMAIL);
    expect(store.getState()).toEqual({ status: 'signed-out', reason: 'anonymous' });
  });

  it('says when to try again after too many attempts', async () => {
    renderApp({
      path: '/sign-in',
      session: null,
      mocks: [loginMock(PASSWORD, { code: 'RATE_LIMITED', retryAfter: 540 }), loginMock(PASSWORD, { code: 'RATE_LIMITED', retryAfter: 1 })],
    });

    await signIn(PASSWORD);
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 9 minutes.');

    await userEvent.setup().type(screen.getByLabelText('Password'), PASSWORD);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Try again in 1 second.'));
  });

  it('asks for both fields before asking the server', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/sign-in', session: null, language: 'kk' });

    await user.click(await screen.findByRole('button', { name: 'Кіру' }));

    expect(screen.getByLabelText('Электрондық пошта')).toHaveAccessibleDescription('Электрондық поштаңызды енгізіңіз.');
    expect(screen.getByLabelText('Құпиясөз')).toHaveAttribute('aria-invalid', 'true');
  });

  it('explains that the session ended when it was the reason for coming here', async () => {
    const { store } = renderApp({ path: '/sign-in', session: ADMIN, mocks: [networkMock()] });
    // Signed in, the page goes on to the overview.
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeInTheDocument();

    act(() => store.signOut('expired'));

    const notice = await screen.findByTestId('sign-in-notice');
    expect(notice).toHaveTextContent('Your session has ended.');
    expect(within(notice).queryByRole('button')).not.toBeInTheDocument();
  });
});
