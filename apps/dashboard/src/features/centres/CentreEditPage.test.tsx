import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { networkMock } from './centres.fixtures';
import { BALKHASH_CENTRE, centreEditMock, centreNameMock, TEMIRTAU } from './centre.fixtures';
import { CloseCentreMutation, UpdateCentreMutation } from './centre-documents';

const { spaces: _s, equipment: _e, clubs: _c, programRuns: _r, ...TEMIRTAU_DETAIL } = TEMIRTAU;

function updateMock(input: Record<string, unknown>, outcome: 'ok' | { code: string; fields?: Record<string, string> }, delay = 0): MockLink.MockedResponse {
  const request = { query: UpdateCentreMutation, variables: { input } };
  if (outcome === 'ok') return { request, delay, result: { data: { updateCentre: { __typename: 'CentrePayload', centre: { ...TEMIRTAU_DETAIL, phone: input['phone'] } } } } };
  return { request, delay, result: { data: null, errors: [{ message: 'x', extensions: { code: outcome.code, ...(outcome.fields ? { fields: outcome.fields } : {}) } }] } };
}

const CONTACTS = {
  id: 'c-3',
  phone: '+7 7213 00 00 00',
  email: 'temirtau@mrc-karaganda.kz',
  address: { kk: 'Металлургтер даңғылы, 12', ru: 'просп. Металлургов, 12', en: '12 Metallurgov Avenue' },
};

describe('editing a centre', () => {
  it("gives the centre's coordinator its contacts only, and saves them", async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres/c-3/edit', session: COORDINATOR, mocks: [centreEditMock(), centreNameMock(), updateMock(CONTACTS, 'ok', 1_000)] });

    const phone = await screen.findByLabelText('Phone', { exact: false });
    expect(screen.getByRole('heading', { level: 1, name: 'Edit: Temirtau' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /Name/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Code', { exact: false })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close the centre' })).not.toBeInTheDocument();

    await user.clear(phone);
    await user.type(phone, CONTACTS.phone);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // Checked in one go: between finding the button and reading it, the answer may already have come.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled());

    expect(await screen.findByText('Saved.')).toHaveAttribute('role', 'status');
  });

  it('shows what the API refused at each field, the names language by language', async () => {
    const user = userEvent.setup();
    const input = {
      ...CONTACTS,
      phone: TEMIRTAU.phone,
      names: { kk: null, ru: 'г. Темиртау', en: 'Temirtau' },
      towns: { kk: 'Теміртау', ru: 'Темиртау', en: 'Temirtau' },
      kind: 'CITY',
      code: 'temirtau',
      parentId: 'c-0',
      latitude: 50.0549,
      longitude: 72.9646,
      openedOn: '2019-11-15',
    };
    renderApp({
      path: '/centres/c-3/edit',
      mocks: [
        centreEditMock(),
        centreNameMock(),
        networkMock(),
        updateMock(input, { code: 'BAD_USER_INPUT', fields: { 'names.en': 'must be shorter than or equal to 200 characters', code: 'is already used by another centre' } }),
      ],
    });

    const names = await screen.findByRole('group', { name: /^Name/ });
    await user.clear(within(names).getByLabelText('Name — Қазақша'));
    await screen.findByRole('option', { name: 'Temirtau' });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The changes could not be saved.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
    expect(within(names).getByLabelText('Name — English')).toHaveAccessibleDescription('Must be shorter than or equal to 200 characters.');
    expect(within(names).getByLabelText('Name — Русский')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Code', { exact: false })).toHaveAccessibleDescription(/^Is already used by another centre\./);
  });

  it('asks for a name in some language, and for both coordinates, before sending anything', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres/c-3/edit', mocks: [centreEditMock(), centreNameMock(), networkMock()] });

    const names = await screen.findByRole('group', { name: /^Name/ });
    for (const language of ['Қазақша', 'Русский', 'English']) await user.clear(within(names).getByLabelText(`Name — ${language}`));
    await user.clear(screen.getByLabelText('Longitude', { exact: false }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(names).toHaveAccessibleDescription(/^Fill in the name in at least one language\./);
    expect(screen.getByLabelText('Longitude', { exact: false })).toHaveAccessibleDescription(/^Give the latitude and the longitude together, or neither\./);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets an administrator close a centre, and explains a refusal in plain words', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/centres/c-3/edit',
      mocks: [
        centreEditMock(),
        centreNameMock(),
        networkMock(),
        {
          request: { query: CloseCentreMutation, variables: { input: { id: 'c-3', closedOn: '2026-12-31' } } },
          result: { data: null, errors: [{ message: "Close the centre's clubs first.", extensions: { code: 'CONFLICT', open: ['clubs'] } }] },
        },
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Close the centre' }));
    const day = screen.getByLabelText('Closing day', { exact: false });
    await user.clear(day);
    await user.type(day, '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Yes, close it' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('It could not be closed.');
    expect(alert).toHaveTextContent('The data changed while you were working.');
  });

  it("is not for another centre's coordinator", async () => {
    renderApp({ path: '/centres/c-4/edit', session: COORDINATOR, mocks: [centreEditMock(BALKHASH_CENTRE)] });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });

  it('is not for an analyst', async () => {
    renderApp({ path: '/centres/c-3/edit', session: ANALYST, mocks: [centreEditMock()] });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
