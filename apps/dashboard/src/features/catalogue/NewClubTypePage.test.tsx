import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CreateClubTypeInput } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { clubTypeMock, DOMBRA, refusal, text } from './catalogue.fixtures';
import { CreateClubTypeMutation } from './club-types-documents';

const INPUT: CreateClubTypeInput = {
  code: 'togyzkumalak',
  names: { kk: 'Тоғызқұмалақ', ru: null, en: 'Togyzkumalak' },
  descriptions: null,
};

const CREATED = {
  ...DOMBRA,
  id: 'ct-new',
  code: INPUT.code,
  name: 'Togyzkumalak',
  description: null,
  names: { ...text('Togyzkumalak', '', 'Тоғызқұмалақ'), ru: null },
  descriptions: { __typename: 'LocalisedText' as const, kk: null, ru: null, en: null },
  clubs: [],
};

async function fillIn(user: ReturnType<typeof userEvent.setup>, code = INPUT.code) {
  await user.type(await screen.findByRole('textbox', { name: 'Name — Қазақша' }), 'Тоғызқұмалақ');
  await user.type(screen.getByRole('textbox', { name: 'Name — English' }), 'Togyzkumalak');
  await user.type(screen.getByRole('textbox', { name: 'Code' }), code);
}

describe('the new club type form', () => {
  it('checks the code before sending anything', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/catalogue/club-types/new' });

    await fillIn(user, 'Togyz Kumalak');
    await user.click(screen.getByRole('button', { name: 'Add to the catalogue' }));

    expect(screen.getByRole('textbox', { name: 'Code' })).toHaveAccessibleDescription(/^Use 2–63 lower-case Latin letters/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts a taken code at the code field, in the UI language', async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/catalogue/club-types/new',
      mocks: [{ request: { query: CreateClubTypeMutation, variables: { input: INPUT } }, result: refusal('CONFLICT', { fields: { code: 'is already used by another club type' } }) }],
    });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Add to the catalogue' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The club type could not be added.Check the fields marked below.');
    expect(screen.getByRole('textbox', { name: 'Code' })).toHaveAccessibleDescription(
      'This code is already in use. Choose another. A short stable key, such as dombra. Reports and imports refer to the type by it.',
    );
  });

  it('adds the type and opens its page', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({
      path: '/catalogue/club-types/new',
      mocks: [
        { request: { query: CreateClubTypeMutation, variables: { input: INPUT } }, result: { data: { createClubType: { __typename: 'ClubTypePayload', clubType: CREATED } } } },
        clubTypeMock(CREATED),
      ],
    });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Add to the catalogue' }));

    expect(await screen.findByText('The club type “Togyzkumalak” was added to the catalogue.')).toHaveAttribute('role', 'status');
    expect(router.state.location.pathname).toBe('/catalogue/club-types/ct-new');
    expect(screen.getByRole('heading', { level: 1, name: 'Togyzkumalak' })).toBeInTheDocument();
  });
});
