import type { MockLink } from '@apollo/client/testing';
import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { clubTypeMock, DOMBRA, refusal, text } from './catalogue.fixtures';
import { ClubTypeQuery, CloseClubTypeMutation, ReopenClubTypeMutation, UpdateClubTypeMutation } from './club-types-documents';

const { clubs: _clubs, ...DOMBRA_FIELDS } = DOMBRA;

function payload(field: 'updateClubType' | 'closeClubType' | 'reopenClubType', changes: Partial<typeof DOMBRA_FIELDS>) {
  return { data: { [field]: { __typename: 'ClubTypePayload', clubType: { ...DOMBRA_FIELDS, ...changes } } } };
}

const closeRequest = { query: CloseClubTypeMutation, variables: { input: { id: DOMBRA.id } } };

describe('the club type page', () => {
  it('describes the type and where it runs, each centre with its status in words', async () => {
    renderApp({ path: '/catalogue/club-types/ct-dombra', session: ANALYST, mocks: [clubTypeMock(DOMBRA)] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Dombra' })).toBeInTheDocument();
    expect(screen.getByText(/Learn to play the dombra/)).toBeInTheDocument();
    const where = screen.getByRole('region', { name: 'Where it runs' });
    expect(within(where).getByRole('table', { name: 'Open at 2 centres' })).toBeInTheDocument();
    const [regional, temirtau, balkhash] = within(where).getAllByTestId('club-row');
    expect(within(temirtau!).getByRole('link', { name: 'Temirtau' })).toHaveAttribute('href', '/centres/c-3');
    expect(regional).toHaveTextContent('Active');
    expect(regional).toHaveTextContent('Yerzhan Abenov');
    expect(regional).toHaveTextContent('2 February 2026');
    expect(temirtau).toHaveTextContent('Planned');
    expect(temirtau).toHaveTextContent('Not started yet');
    expect(balkhash).toHaveTextContent('Closed');
    expect(balkhash).toHaveTextContent('Closed on 1 March 2026');
    await waitFor(() => expect(document.title).toBe('Dombra · MRC Network'));
  });

  it.each([
    ['an analyst', ANALYST],
    ['a coordinator', COORDINATOR],
  ])('gives %s no way to change the catalogue', async (_who, session) => {
    renderApp({ path: '/catalogue/club-types/ct-dombra', session, mocks: [clubTypeMock(DOMBRA)] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Dombra' })).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).queryByRole('button')).not.toBeInTheDocument();
    expect(within(main).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('saves the names, and shows each refusal at its field', async () => {
    const user = userEvent.setup();
    const input = {
      id: DOMBRA.id,
      code: 'dombra',
      names: { kk: 'Домбыра', ru: 'Домбра', en: 'Dombra club' },
      descriptions: { kk: DOMBRA.descriptions.kk, ru: DOMBRA.descriptions.ru, en: DOMBRA.descriptions.en },
    };
    const mocks: MockLink.MockedResponse[] = [
      clubTypeMock(DOMBRA),
      {
        request: { query: UpdateClubTypeMutation, variables: { input } },
        result: refusal('BAD_USER_INPUT', { fields: { 'input.names.en': 'must be shorter than or equal to 200 characters' } }),
      },
      { request: { query: UpdateClubTypeMutation, variables: { input } }, result: payload('updateClubType', { name: 'Dombra club', names: text('Dombra club', 'Домбра', 'Домбыра') }) },
    ];
    renderApp({ path: '/catalogue/club-types/ct-dombra', mocks });
    const form = await screen.findByRole('region', { name: 'Names and description' });
    const english = within(form).getByRole('textbox', { name: 'Name — English' });
    expect(within(form).getByRole('textbox', { name: 'Name — Қазақша' })).toHaveValue('Домбыра');

    await user.type(english, ' club');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('The changes could not be saved.Check the fields marked below.');
    expect(english).toHaveAttribute('aria-invalid', 'true');
    expect(english).toHaveAccessibleDescription('Must be shorter than or equal to 200 characters.');
    expect(within(form).getByRole('textbox', { name: 'Name — Русский' })).not.toHaveAttribute('aria-invalid');

    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByRole('status')).toHaveTextContent('Saved.');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dombra club' })).toBeInTheDocument();
  });

  it('asks for a name before sending anything', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/catalogue/club-types/ct-dombra', mocks: [clubTypeMock(DOMBRA)] });
    const form = await screen.findByRole('region', { name: 'Names and description' });

    for (const language of ['Қазақша', 'Русский', 'English']) await user.clear(within(form).getByRole('textbox', { name: `Name — ${language}` }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(within(form).getByRole('group', { name: 'Name' })).toHaveAccessibleDescription(/^Fill in the name in at least one language\./);
    expect(within(form).getByRole('textbox', { name: 'Name — English' })).toHaveAccessibleDescription('Fill in the name in at least one language.');
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says plainly why a type cannot be retired while its clubs still run', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/catalogue/club-types/ct-dombra',
      mocks: [clubTypeMock(DOMBRA), { request: closeRequest, result: refusal('CONFLICT', { openClubs: 2 }) }],
    });
    const place = await screen.findByRole('region', { name: 'Place in the catalogue' });

    await user.click(within(place).getByRole('button', { name: 'Retire the club type' }));
    const question = within(place).getByRole('group');
    expect(question).toHaveTextContent('Retire “Dombra”? No new clubs of it can start');
    expect(within(question).getByRole('button', { name: 'Yes, retire' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Yes, retire' }));

    const alert = await within(place).findByRole('alert');
    expect(alert).toHaveTextContent('The club type could not be retired.');
    expect(alert).toHaveTextContent('Clubs of this type are still open at 2 centres. Close those clubs first: they are listed under “Where it runs”.');
    expect(within(place).getByRole('button', { name: 'Retire the club type' })).toBeInTheDocument();
  });

  it('retires a type and restores it', async () => {
    const user = userEvent.setup();
    const retired = { ...DOMBRA, closedOn: '2026-03-10', clubs: [] };
    renderApp({
      path: '/catalogue/club-types/ct-dombra',
      mocks: [
        clubTypeMock(retired),
        { request: { query: ReopenClubTypeMutation, variables: { input: { id: DOMBRA.id } } }, result: payload('reopenClubType', { closedOn: null }) },
        { request: closeRequest, result: payload('closeClubType', { closedOn: '2026-03-11' }) },
      ],
    });
    const place = await screen.findByRole('region', { name: 'Place in the catalogue' });
    expect(place).toHaveTextContent('This type was retired on 10 March 2026: no new clubs of it can start.');
    expect(screen.getByText('Retired on 10 March 2026')).toBeInTheDocument();
    expect(screen.getByText('No centre runs this club yet')).toBeInTheDocument();

    await user.click(within(place).getByRole('button', { name: 'Restore the club type' }));
    await user.click(within(place).getByRole('button', { name: 'Yes, restore' }));

    expect(await within(place).findByText('This type is in the catalogue: centres can start clubs of it.')).toBeInTheDocument();
    expect(screen.queryByText('Retired on 10 March 2026')).not.toBeInTheDocument();

    await user.click(within(place).getByRole('button', { name: 'Retire the club type' }));
    await user.click(within(place).getByRole('button', { name: 'Yes, retire' }));
    expect(await within(place).findByText('This type was retired on 11 March 2026: no new clubs of it can start.')).toBeInTheDocument();
  });

  it('says so when there is no such type', async () => {
    renderApp({
      path: '/catalogue/club-types/ct-gone',
      mocks: [{ request: { query: ClubTypeQuery, variables: { id: 'ct-gone' } }, result: refusal('NOT_FOUND') }],
    });

    expect(await screen.findByText('There is no such club type')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find it in the catalogue' })).toHaveAttribute('href', '/catalogue');
  });
});
