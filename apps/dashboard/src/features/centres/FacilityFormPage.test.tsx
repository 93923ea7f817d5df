import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { COORDINATOR } from '../auth/session.fixtures';
import { centreNameMock, centrePageMock, equipmentItem, space, TEMIRTAU } from './centre.fixtures';
import { CreateEquipmentItemMutation, CreateSpaceMutation, EquipmentItemQuery, SpaceQuery, UpdateSpaceMutation } from './centre-documents';

const NEW_SPACE = { centreId: 'c-3', kind: 'PODCAST_STUDIO', names: { kk: 'Подкаст студиясы', ru: null, en: 'Podcast room' }, capacity: 4 };

function createSpaceMock(outcome: 'ok' | Record<string, string>): MockLink.MockedResponse {
  const request = { query: CreateSpaceMutation, variables: { input: NEW_SPACE } };
  return outcome === 'ok'
    ? { request, result: { data: { createSpace: { __typename: 'SpacePayload', space: space({ id: 's-new', kind: 'PODCAST_STUDIO', name: 'Podcast room', capacity: 4 }) } } } }
    : { request, result: { data: null, errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: outcome } }] } };
}

async function fillInSpace(user: ReturnType<typeof userEvent.setup>, capacity = '4') {
  await user.selectOptions(await screen.findByLabelText('Kind'), 'Podcast studio');
  const names = screen.getByRole('group', { name: /^Name/ });
  await user.type(within(names).getByLabelText('Name — Қазақша'), 'Подкаст студиясы');
  await user.type(within(names).getByLabelText('Name — English'), 'Podcast room');
  await user.type(screen.getByLabelText('Capacity', { exact: false }), capacity);
}

describe('a new space', () => {
  it('checks the name and the capacity before sending anything', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/centres/c-3/spaces/new', mocks: [centreNameMock()] });

    await user.type(await screen.findByLabelText('Capacity', { exact: false }), '4.5');
    await user.click(screen.getByRole('button', { name: 'Add the space' }));

    expect(screen.getByRole('group', { name: /^Name/ })).toHaveAccessibleDescription(/^Fill in the name in at least one language\./);
    expect(screen.getByLabelText('Capacity', { exact: false })).toHaveAccessibleDescription(/^Enter a whole number from 1 to 10000\./);
  });

  it("shows the API's refusal at its fields", async () => {
    const user = userEvent.setup();
    renderApp({
      path: '/centres/c-3/spaces/new',
      mocks: [centreNameMock(), createSpaceMock({ centreId: 'the centre closed on 2026-11-01; reopen it first', 'names.kk': 'must not contain NUL characters' })],
    });
    await fillInSpace(user);

    await user.click(screen.getByRole('button', { name: 'Add the space' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The space could not be added.');
    // The form has no centre field: what was wrong with the centre is said in the summary.
    expect(within(alert).getByRole('listitem')).toHaveTextContent('The centre closed on 2026-11-01; reopen it first.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
    expect(within(screen.getByRole('group', { name: /^Name/ })).getByLabelText('Name — Қазақша')).toHaveAccessibleDescription('Must not contain NUL characters.');
  });

  it("adds the space and goes back to the centre's page, which lists it", async () => {
    const user = userEvent.setup();
    const withRoom = { ...TEMIRTAU, spaces: [...TEMIRTAU.spaces, space({ id: 's-new', kind: 'PODCAST_STUDIO', name: 'Podcast room', capacity: 4 })] };
    const { router } = renderApp({ path: '/centres/c-3/spaces/new', session: COORDINATOR, mocks: [centreNameMock(), createSpaceMock('ok'), centrePageMock(withRoom)] });
    await fillInSpace(user);

    await user.click(screen.getByRole('button', { name: 'Add the space' }));

    expect(await screen.findByText('The space “Podcast room” was added.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/centres/c-3');
    expect(await screen.findAllByTestId('space-row')).toHaveLength(3);
  });

  it("is not for another centre's coordinator", async () => {
    renderApp({ path: '/centres/c-4/spaces/new', session: COORDINATOR });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});

describe('an existing space', () => {
  const ROOM = space({ id: 's-1', name: 'Coworking zone', names: { __typename: 'LocalisedText', kk: 'Коворкинг аймағы', ru: 'Коворкинг-зона', en: 'Coworking zone' }, capacity: 30 });

  it('saves a new capacity', async () => {
    const user = userEvent.setup();
    const input = { id: 's-1', kind: 'COWORKING', names: { kk: 'Коворкинг аймағы', ru: 'Коворкинг-зона', en: 'Coworking zone' }, capacity: 36 };
    renderApp({
      path: '/centres/c-3/spaces/s-1',
      mocks: [
        { request: { query: SpaceQuery, variables: { id: 's-1' } }, result: { data: { space: ROOM } } },
        centreNameMock(),
        { request: { query: UpdateSpaceMutation, variables: { input } }, result: { data: { updateSpace: { __typename: 'SpacePayload', space: { ...ROOM, capacity: 36 } } } } },
      ],
    });

    const capacity = await screen.findByLabelText('Capacity', { exact: false });
    expect(capacity).toHaveValue('30');
    await user.clear(capacity);
    await user.type(capacity, '36');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close the space' })).toBeInTheDocument();
  });

  it('says plainly when there is no such space', async () => {
    renderApp({
      path: '/centres/c-3/spaces/nope',
      mocks: [
        { request: { query: SpaceQuery, variables: { id: 'nope' } }, result: { data: null, errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] } },
        centreNameMock(),
      ],
    });

    expect(await screen.findByText('There is no such space')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '← Temirtau' })).toHaveAttribute('href', '/centres/c-3');
  });
});

describe('equipment', () => {
  it('is added with its quantity', async () => {
    const user = userEvent.setup();
    const input = { centreId: 'c-3', kind: 'SOUND', names: { kk: null, ru: 'Микрофон', en: null }, quantity: 6 };
    const { router } = renderApp({
      path: '/centres/c-3/equipment/new',
      mocks: [
        centreNameMock(),
        {
          request: { query: CreateEquipmentItemMutation, variables: { input } },
          result: { data: { createEquipmentItem: { __typename: 'EquipmentItemPayload', equipmentItem: equipmentItem({ id: 'e-new', kind: 'SOUND', name: 'Микрофон', quantity: 6 }) } } },
        },
        centrePageMock(),
      ],
    });

    await user.selectOptions(await screen.findByLabelText('Kind'), 'Sound');
    await user.type(within(screen.getByRole('group', { name: /^Name/ })).getByLabelText('Name — Русский'), 'Микрофон');
    await user.type(screen.getByLabelText('Quantity', { exact: false }), '6');
    await user.click(screen.getByRole('button', { name: 'Add the equipment' }));

    expect(await screen.findByText('The equipment “Микрофон” was added.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/centres/c-3');
  });

  it('is written off and put back in use', async () => {
    renderApp({
      path: '/centres/c-3/equipment/e-1',
      mocks: [
        { request: { query: EquipmentItemQuery, variables: { id: 'e-1' } }, result: { data: { equipmentItem: equipmentItem({ id: 'e-1', closedOn: '2026-10-01' }) } } },
        centreNameMock(),
      ],
    });

    expect(await screen.findByText('This equipment was written off on 1 October 2026.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Put it back in use' })).toBeInTheDocument();
  });
});
