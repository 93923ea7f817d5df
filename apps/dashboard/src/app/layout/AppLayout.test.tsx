import type { MockLink } from '@apollo/client/testing';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LogoutMutation } from '../../features/auth/auth-documents';
import { ADMIN, ANALYST, COORDINATOR } from '../../features/auth/session.fixtures';
import type { SessionUser } from '../../features/auth/session-store';
import { overviewMock, overviewReportsMock } from '../../features/overview/overview.fixtures';
import { renderApp } from '../../test/render';

function navLinks(): string[] {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

function logoutMock(outcome: 'ok' | 'NETWORK'): MockLink.MockedResponse {
  const request = { query: LogoutMutation };
  return outcome === 'ok'
    ? { request, result: { data: { logout: { __typename: 'LogoutPayload', ok: true } } } }
    : { request, error: new TypeError('Failed to fetch') };
}

describe('the navigation', () => {
  it.each<[string, SessionUser, string[]]>([
    ['an administrator', ADMIN, ['Overview', 'Network', 'Rollout', 'Catalogue', 'Reports', 'Analytics', 'Workbench', 'Users', 'Audit trail']],
    ['a district coordinator', COORDINATOR, ['Overview', 'Network', 'Rollout', 'Catalogue', 'Reports']],
    ['an analyst', ANALYST, ['Overview', 'Network', 'Rollout', 'Catalogue', 'Reports', 'Analytics', 'Workbench']],
  ])('shows %s only what their role may open', async (_who, session, expected) => {
    renderApp({ path: '/', session, mocks: [overviewMock(), overviewReportsMock({ withReviewQueue: session.role === 'REGIONAL_ADMIN' })] });

    expect(await screen.findByTestId('centre-count')).toBeInTheDocument();
    expect(navLinks()).toEqual(expected);
  });

  it.each<[string, SessionUser, string]>([
    ['/users', COORDINATOR, 'District coordinator'],
    ['/users/new', ANALYST, 'Analyst'],
    ['/users/u-admin', COORDINATOR, 'District coordinator'],
    ['/audit?entityType=User', ANALYST, 'Analyst'],
    ['/analytics', COORDINATOR, 'District coordinator'],
    ['/workbench?example=reach-by-district-and-quarter', COORDINATOR, 'District coordinator'],
  ])('answers a direct visit to %s by a %s with "not allowed"', async (path, session, roleName) => {
    renderApp({ path, session });

    const notAllowed = await screen.findByTestId('not-allowed');
    expect(within(notAllowed).getByRole('heading', { level: 1 })).toHaveTextContent('Not allowed');
    expect(notAllowed).toHaveTextContent(`Your role (${roleName}) does not give access to this page.`);
    expect(within(notAllowed).getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(document.title).toBe('Not allowed · MRC Network'));
  });
});

describe('the header', () => {
  it("shows who is signed in, in the UI's language", async () => {
    renderApp({ path: '/', session: COORDINATOR, language: 'kk', mocks: [overviewMock()] });

    const who = await screen.findByTestId('session-user');
    expect(who).toHaveTextContent(COORDINATOR.displayName);
    expect(who).toHaveTextContent('Аудандық үйлестіруші');
    expect(screen.getByRole('link', { name: 'Менің профилім' })).toHaveAttribute('href', '/account');
  });

  it('signs out: ends the session on the server, forgets it here and shows the sign-in page', async () => {
    const user = userEvent.setup();
    const { store, router } = renderApp({ path: '/', session: ANALYST, mocks: [overviewMock(), overviewReportsMock({ withReviewQueue: false }), logoutMock('ok')] });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('sign-in-notice')).toHaveTextContent('You have signed out.');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    expect(store.accessToken).toBeNull();
  });

  it('stays signed in, and says so, when the server could not be told', async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ path: '/', session: ANALYST, mocks: [overviewMock(), overviewReportsMock({ withReviewQueue: false }), logoutMock('NETWORK')] });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You are still signed in.');
    expect(alert).toHaveTextContent('The server could not be reached.');
    expect(store.getState().status).toBe('signed-in');
  });
});
