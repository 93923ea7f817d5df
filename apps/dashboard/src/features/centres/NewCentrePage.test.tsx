import type { MockLink } from '@apollo/client/testing';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { networkMock } from './centres.fixtures';
import { centrePageMock, TEMIRTAU, type CentrePageCentre } from './centre.fixtures';
import { CreateCentreMutation } from './centre-documents';
import { NETWORK, overviewCentre, overviewMock, REGIONAL } from './network.fixtures';

const localised = (kk: string | null, ru: string | null, en: string | null) => ({ __typename: 'LocalisedText' as const, kk, ru, en });

/** Karazhal as the API answers once it is added, under the regional centre. */
const KARAZHAL: CentrePageCentre = {
  ...TEMIRTAU,
  id: 'c-new',
  code: 'karazhal',
  kind: 'RURAL_DISTRICT',
  name: 'Karazhal',
  names: localised('Қаражал қаласы', 'г. Каражал', 'Karazhal'),
  town: 'Karazhal',
  towns: localised('Қаражал', null, null),
  latitude: 48.0036,
  longitude: 70.7861,
  openedOn: '2026-09-01',
  phone: null,
  email: 'karazhal@mrc-karaganda.kz',
  address: null,
  addresses: localised(null, null, null),
  parent: { __typename: 'Centre', id: 'c-0', name: 'Youth Resource Centre of Karaganda region' },
  children: [],
  spaces: [],
  equipment: [],
  clubs: [],
  programRuns: [],
};

/** What the form sends for the values typed in fillIn. */
const INPUT = {
  names: { kk: 'Қаражал қаласы', ru: 'г. Каражал', en: null },
  towns: { kk: 'Қаражал', ru: null, en: null },
  kind: 'RURAL_DISTRICT',
  code: 'karazhal',
  parentId: 'c-0',
  latitude: 48.0036,
  longitude: 70.7861,
  openedOn: '2026-09-01',
  phone: null,
  email: 'karazhal@mrc-karaganda.kz',
  address: { kk: null, ru: null, en: null },
};

function createMock(outcome: 'ok' | { code: string; fields?: Record<string, string> }, input: Record<string, unknown> = INPUT): MockLink.MockedResponse {
  const request = { query: CreateCentreMutation, variables: { input } };
  if (outcome === 'ok') {
    const { spaces: _s, equipment: _e, clubs: _c, programRuns: _r, ...detail } = KARAZHAL;
    // Answering after a second, as the edit and club pages' tests do: the form is seen sending even on a busy machine.
    return { request, delay: 1_000, result: { data: { createCentre: { __typename: 'CentrePayload', centre: detail } } } };
  }
  return { request, result: { data: null, errors: [{ message: 'x', extensions: { code: outcome.code, ...(outcome.fields ? { fields: outcome.fields } : {}) } }] } };
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  const names = await screen.findByRole('group', { name: /^Name/ });
  await user.type(within(names).getByLabelText('Name — Қазақша'), 'Қаражал қаласы');
  await user.type(within(names).getByLabelText('Name — Русский'), 'г. Каражал');
  await user.type(within(screen.getByRole('group', { name: /^Town/ })).getByLabelText('Town — Қазақша'), 'Қаражал');
  await user.selectOptions(screen.getByLabelText('Kind'), 'Rural district');
  await user.type(screen.getByLabelText('Code', { exact: false }), 'karazhal');
  await user.type(screen.getByLabelText('Latitude', { exact: false }), '48.0036');
  await user.type(screen.getByLabelText('Longitude', { exact: false }), '70,7861');
  await user.type(screen.getByLabelText('Opened on', { exact: false }), '2026-09-01');
  await user.type(screen.getByLabelText('Email', { exact: false }), 'karazhal@mrc-karaganda.kz');
}

describe('adding a centre', () => {
  it('is offered to an administrator on the network page, under the regional centre; once added, its page opens and the network asks again', async () => {
    const user = userEvent.setup();
    const karazhal = overviewCentre({ id: 'c-new', name: 'Karazhal', kind: 'RURAL_DISTRICT', parent: { __typename: 'Centre', id: REGIONAL.id } });
    const { router } = renderApp({
      path: '/centres',
      mocks: [overviewMock(), networkMock(), createMock('ok'), centrePageMock(KARAZHAL), overviewMock([...NETWORK, karazhal])],
    });
    expect(await screen.findAllByTestId('centre-row')).toHaveLength(14);

    await user.click(screen.getByRole('link', { name: 'Add a centre' }));

    expect(router.state.location.pathname).toBe('/centres/new');
    expect(await screen.findByRole('heading', { level: 1, name: 'Add a centre' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Add a centre · MRC Network'));
    const parent = await screen.findByLabelText('Part of', { exact: false });
    expect(parent).toHaveValue('c-0');
    expect(within(parent).getByRole('option', { selected: true })).toHaveTextContent('Youth Resource Centre of Karaganda region');
    expect(screen.queryByRole('button', { name: 'Close the centre' })).not.toBeInTheDocument();

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Add the centre' }));
    // Checked in one go: between finding the button and reading it, the answer may already have come.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled());

    expect(await screen.findByRole('heading', { level: 1, name: 'Karazhal' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/centres/c-new');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('The centre “Karazhal” was added.');

    await user.click(screen.getByRole('link', { name: '← Network of centres' }));
    expect(await screen.findAllByTestId('centre-row')).toHaveLength(15);
    expect(screen.getByRole('link', { name: 'Karazhal' })).toHaveAttribute('href', '/centres/c-new');
  });

  it("asks for a name, a code and a parent before sending anything", async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres/new', mocks: [networkMock([])] });

    await user.click(await screen.findByRole('button', { name: 'Add the centre' }));

    expect(screen.getByRole('group', { name: /^Name/ })).toHaveAccessibleDescription(/^Fill in the name in at least one language\./);
    expect(screen.getByLabelText('Code', { exact: false })).toHaveAccessibleDescription(/^Fill this in\./);
    expect(screen.getByLabelText('Part of', { exact: false })).toHaveAccessibleDescription(/^Fill this in\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the API's problems at their fields, the names language by language", async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/centres/new',
      mocks: [
        networkMock(),
        createMock({ code: 'BAD_USER_INPUT', fields: { 'input.names.ru': 'must be shorter than or equal to 200 characters', email: 'must be an email' } }),
      ],
    });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Add the centre' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The centre could not be added.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
    const names = screen.getByRole('group', { name: /^Name/ });
    expect(within(names).getByLabelText('Name — Русский')).toHaveAccessibleDescription('Must be shorter than or equal to 200 characters.');
    expect(within(names).getByLabelText('Name — Қазақша')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Email', { exact: false })).toHaveAccessibleDescription('Must be an email.');
    // The form keeps what was typed.
    expect(screen.getByLabelText('Code', { exact: false })).toHaveValue('karazhal');
  });

  it('says a taken code at the code field, in the chosen language', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/centres/new',
      mocks: [networkMock(), createMock({ code: 'CONFLICT', fields: { code: 'is already used by another centre' } })],
    });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Add the centre' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The centre could not be added.');
    expect(screen.getByLabelText('Code', { exact: false })).toHaveAccessibleDescription(/^Another centre already has this code\. Choose another\./);
  });

  it('is not for a coordinator, who sees no button to it either', async () => {
    const { unmount } = renderApp({ path: '/centres', session: COORDINATOR, mocks: [overviewMock()] });
    expect(await screen.findAllByTestId('centre-row')).toHaveLength(14);
    expect(screen.queryByRole('link', { name: 'Add a centre' })).not.toBeInTheDocument();
    unmount();

    renderApp({ path: '/centres/new', session: COORDINATOR, mocks: [networkMock()] });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add the centre' })).not.toBeInTheDocument();
  });

  it('is not for an analyst', async () => {
    renderApp({ path: '/centres/new', session: ANALYST, mocks: [networkMock()] });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
