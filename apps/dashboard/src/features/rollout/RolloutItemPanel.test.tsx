import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../auth/session-store';
import { ADMIN, ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { renderApp } from '../../test/render';
import { advanceMock, asChanged, CENTRES, detailItem, itemMock, matrixItem, matrixMock, progressMock, TYPES, updateMock } from './rollout.fixtures';
import { networkToday } from './rollout-matrix';
import type { MatrixItem } from './rollout-matrix';

const ALL_GATES = ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD'] as const;

/** Temirtau's dombra (the coordinator's district) in the given state; Balkhash's for another district. */
function temirtau(overrides: Partial<MatrixItem> = {}) {
  return detailItem(matrixItem(CENTRES.temirtau, TYPES.dombra, overrides));
}

function balkhash(overrides: Partial<MatrixItem> = {}) {
  return detailItem(matrixItem(CENTRES.balkhash, TYPES.dombra, overrides));
}

function openPanel(item: ReturnType<typeof temirtau>, session: SessionUser, more: Parameters<typeof renderApp>[0] = {}) {
  return renderApp({
    path: `/rollout/${item.id}`,
    session,
    ...more,
    mocks: [matrixMock([item]), progressMock(undefined, { maxUsageCount: 3 }), itemMock(item), ...(more.mocks ?? [])],
  });
}

async function actionButtons(): Promise<string[]> {
  const actions = await screen.findByTestId('rollout-actions');
  return within(actions)
    .getAllByRole('button')
    .map((button) => `${button.textContent}${(button as HTMLButtonElement).disabled ? ' (disabled)' : ''}`);
}

describe("an item's panel", () => {
  it('opens from its cell with focus on its heading, and closes with Escape, focus back on the cell', async () => {
    const user = userEvent.setup();
    const item = temirtau({ status: 'PREPARING', gates: ['SPACE_READY'] });
    const { router } = renderApp({ path: '/rollout', session: COORDINATOR, mocks: [matrixMock([item]), progressMock(), itemMock(item)] });

    const link = await screen.findByRole('link', { name: 'Temirtau, Dombra: Preparing, 1 of 4 gates met' });
    await user.click(link);

    const heading = await screen.findByRole('heading', { name: 'Dombra in Temirtau' });
    expect(heading).toHaveFocus();
    expect(router.state.location.pathname).toBe(`/rollout/${item.id}`);
    expect(link).toHaveAttribute('aria-current', 'true');

    await user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByTestId('rollout-panel')).not.toBeInTheDocument());
    expect(router.state.location.pathname).toBe('/rollout');
    expect(screen.getByRole('link', { name: 'Temirtau, Dombra: Preparing, 1 of 4 gates met' })).toHaveFocus();
  });
});

describe("an item's panel: the steps offered", () => {
  it.each<[string, SessionUser, Partial<MatrixItem>, string[]]>([
    ['an administrator, a planned item', ADMIN, { status: 'PLANNED' }, ['Start preparing', 'Cancel for this district…']],
    ['an administrator, a ready item', ADMIN, { status: 'PREPARING', gates: [...ALL_GATES] }, ['Launch…', 'Pause…', 'Cancel for this district…']],
    ['an administrator, a cancelled item', ADMIN, { status: 'CANCELLED', editable: false }, ['Bring back to the plan…']],
    ['its coordinator, a ready item', COORDINATOR, { status: 'PREPARING', gates: [...ALL_GATES] }, ['Launch…', 'Pause…']],
    ['its coordinator, a launched item', COORDINATOR, { status: 'LAUNCHED', gates: [...ALL_GATES], launchedOn: '2026-11-02' }, ['Mark as meeting regularly', 'Pause…']],
    ['its coordinator, an item paused after launching', COORDINATOR, { status: 'PAUSED', gates: [...ALL_GATES], launchedOn: '2026-11-02' }, ['Resume']],
  ])('offers %s only the steps the rules allow', async (_who, session, state, expected) => {
    openPanel(temirtau(state), session);

    expect(await actionButtons()).toEqual(expected);
  });

  it('shows a launch still waiting on gates, disabled, with the gates still open', async () => {
    openPanel(temirtau({ status: 'PREPARING', gates: ['SPACE_READY', 'EQUIPMENT_IN_PLACE'] }), COORDINATOR);

    expect(await actionButtons()).toEqual(['Pause…', 'Launch (disabled)']);
    const launch = screen.getByRole('button', { name: 'Launch' });
    expect(launch).toHaveAccessibleDescription('“Launch” needs every gate met; still open: Leader assigned, First meeting held.');
  });

  it('holds back the resumption of a launched club until its gates are met again', async () => {
    openPanel(temirtau({ status: 'PAUSED', gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'FIRST_MEETING_HELD'], launchedOn: '2026-11-02' }), COORDINATOR);

    expect(await actionButtons()).toEqual(['Resume (disabled)']);
    expect(screen.getByRole('button', { name: 'Resume' })).toHaveAccessibleDescription('“Resume” needs every gate met; still open: Equipment in place.');
  });

  it("offers a coordinator nothing on another district's item, and says who changes it", async () => {
    openPanel(balkhash({ status: 'PREPARING', gates: ['SPACE_READY'], editable: false }), COORDINATOR);

    expect(await screen.findByTestId('rollout-details-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('rollout-actions')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('read-only-reason')).toHaveTextContent("Only Balkhash's coordinator and the regional centre change this item.");
    expect(screen.getByText('Space ready')).toBeInTheDocument();
  });

  it('offers an analyst nothing to change', async () => {
    openPanel(temirtau({ status: 'PREPARING', editable: false }), ANALYST);

    expect(await screen.findByTestId('rollout-details-read-only')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Pause|Launch|Cancel/ })).not.toBeInTheDocument();
  });

  it('gives the planned day to the region only', async () => {
    const { unmount } = openPanel(temirtau({ status: 'PREPARING' }), ADMIN);
    expect(await screen.findByLabelText('Planned day', { exact: false })).toHaveValue('2027-03-01');
    unmount();

    openPanel(temirtau({ status: 'PREPARING' }), COORDINATOR);
    expect(await screen.findByTestId('rollout-details')).toBeInTheDocument();
    expect(screen.queryByLabelText('Planned day', { exact: false })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Responsible person' })).toHaveValue('Дана Ахметова');
  });
});

describe("an item's panel: taking steps", () => {
  it('takes a step with the version read, and the matrix cell follows', async () => {
    const user = userEvent.setup();
    const planned = temirtau({ status: 'PLANNED' });
    const preparing = temirtau({ status: 'PREPARING', version: 2 });
    openPanel(planned, COORDINATOR, { mocks: [advanceMock({ id: planned.id, version: 1, action: 'PREPARE' }, asChanged(preparing))] });

    await user.click(await screen.findByRole('button', { name: 'Start preparing' }));

    expect(await screen.findByText('Preparation has started.')).toHaveAttribute('role', 'status');
    const cell = screen.getAllByTestId('matrix-cell')[0]!;
    await waitFor(() => expect(cell).toHaveAttribute('data-status', 'PREPARING'));
    expect(screen.getByTestId('rollout-item')).toHaveAttribute('data-version', '2');
  });

  it('asks why before a pause, at the reason field, and sends the reason given', async () => {
    const user = userEvent.setup();
    const preparing = temirtau({ status: 'PREPARING', gates: ['SPACE_READY'] });
    const paused = temirtau({ status: 'PAUSED', gates: ['SPACE_READY'], statusReason: 'The hall is being repaired.', version: 2 });
    openPanel(preparing, COORDINATOR, {
      mocks: [advanceMock({ id: preparing.id, version: 1, action: 'PAUSE', reason: 'The hall is being repaired.' }, asChanged(paused))],
    });

    await user.click(await screen.findByRole('button', { name: 'Pause…' }));
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    expect(reason).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Pause the club' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/^Say why\./);

    await user.type(reason, '  The hall is being repaired. ');
    await user.click(screen.getByRole('button', { name: 'Pause the club' }));

    expect(await screen.findByText('The club is paused.')).toBeInTheDocument();
    expect(screen.getByTestId('status-reason')).toHaveTextContent('The hall is being repaired.');
  });

  it("shows the API's refusal of a launch at the step, naming the open gates in the UI's words", async () => {
    const user = userEvent.setup();
    const ready = temirtau({ status: 'PREPARING', gates: [...ALL_GATES] });
    const today = networkToday();
    openPanel(ready, COORDINATOR, {
      mocks: [
        advanceMock(
          { id: ready.id, version: 1, action: 'LAUNCH', launchedOn: today },
          { code: 'BAD_USER_INPUT', extensions: { fields: { action: 'a club cannot run while these gates are open: FIRST_MEETING_HELD' }, problems: { action: { code: 'gatesOpen', params: { gates: 'FIRST_MEETING_HELD' } } } } },
        ),
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Launch…' }));
    expect(screen.getByLabelText('Launch day', { exact: false })).toHaveValue(today);
    await user.click(screen.getByRole('button', { name: 'Launch the club' }));

    expect(await screen.findByTestId('action-error')).toHaveTextContent('The club cannot run while these gates are open: First meeting held.');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The step “Launch” could not be taken.');
    expect(alert).toHaveTextContent('Check the fields marked below.');
  });

  it('shows a problem with the reason at the reason field, in the words the API gave', async () => {
    const user = userEvent.setup();
    const cancelled = temirtau({ status: 'CANCELLED', editable: false, statusReason: 'No leader.' });
    openPanel(cancelled, ADMIN, {
      mocks: [
        advanceMock(
          { id: cancelled.id, version: 1, action: 'REVIVE', reason: 'A leader was found.' },
          { code: 'BAD_USER_INPUT', extensions: { fields: { reason: 'must be shorter than or equal to 2000 characters' }, problems: { reason: { code: 'tooLong', params: { max: 2000 } } } } },
        ),
      ],
    });

    await user.click(await screen.findByRole('button', { name: 'Bring back to the plan…' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'A leader was found.');
    await user.click(screen.getByRole('button', { name: 'Bring it back' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(/^Must be shorter than or equal to 2000 characters\./));
  });

  it('explains a refusal of a step only the region takes', async () => {
    const user = userEvent.setup();
    const planned = temirtau({ status: 'PLANNED' });
    openPanel(planned, ADMIN, {
      mocks: [advanceMock({ id: planned.id, version: 1, action: 'CANCEL', reason: 'Merged with Saran.' }, { code: 'FORBIDDEN' })],
    });

    await user.click(await screen.findByRole('button', { name: 'Cancel for this district…' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Merged with Saran.');
    await user.click(screen.getByRole('button', { name: 'Cancel the club' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The step “Cancel for this district” could not be taken.');
    expect(alert).toHaveTextContent('Only the regional centre cancels a club in a district or brings it back.');
  });

  it('loads the item again when it changed since it was read (CONFLICT), and says so', async () => {
    const user = userEvent.setup();
    const planned = temirtau({ status: 'PLANNED' });
    const movedOn = temirtau({ status: 'PREPARING', gates: ['SPACE_READY'], version: 3 });
    openPanel(planned, COORDINATOR, {
      mocks: [advanceMock({ id: planned.id, version: 1, action: 'PREPARE' }, { code: 'CONFLICT', extensions: { currentVersion: 3 } }), itemMock(movedOn)],
    });

    await user.click(await screen.findByRole('button', { name: 'Start preparing' }));

    expect(await screen.findByTestId('conflict-notice')).toHaveTextContent('This item was changed elsewhere');
    await waitFor(() => expect(screen.getByTestId('rollout-item')).toHaveAttribute('data-version', '3'));
    expect(await actionButtons()).toEqual(['Pause…', 'Launch (disabled)']);
  });
});

describe("an item's panel: the district's details", () => {
  it('saves only what was changed, with the version the change started from', async () => {
    const user = userEvent.setup();
    const preparing = temirtau({ status: 'PREPARING', gates: ['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE'] });
    const ready = temirtau({ status: 'PREPARING', gates: [...ALL_GATES], version: 2 });
    openPanel(preparing, COORDINATOR, { mocks: [updateMock({ id: preparing.id, version: 1, gates: [...ALL_GATES] }, asChanged(ready))] });

    const save = await screen.findByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'First meeting held' }));
    await user.click(save);

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    // Every gate met: the launch is offered now.
    expect(await actionButtons()).toEqual(['Launch…', 'Pause…']);
  });

  it('keeps the gates of a launched club, and says why', async () => {
    openPanel(temirtau({ status: 'ACTIVE', gates: [...ALL_GATES], launchedOn: '2026-11-02' }), COORDINATOR);

    const gates = await screen.findByRole('group', { name: 'Readiness gates' });
    for (const box of within(gates).getAllByRole('checkbox')) expect(box).toBeDisabled();
    expect(gates).toHaveAccessibleDescription('A launched club keeps all four gates; pause it instead.');
  });
});

describe("an item's panel: the history", () => {
  it('lists every change, the latest first: when, who, what, from and to, and why', async () => {
    const paused = temirtau({ status: 'PAUSED', gates: ['SPACE_READY'], statusReason: 'The hall is being repaired.' });
    paused.history = [
      { __typename: 'RolloutChange', action: 'PLAN', actorName: null, at: '2026-05-01T05:00:00.000Z', field: 'plannedOn', from: null, to: '2027-03-01', reason: null },
      { __typename: 'RolloutChange', action: 'UPDATE', actorName: 'Dauren Omarov', at: '2026-11-10T06:00:00.000Z', field: 'gates', from: null, to: 'SPACE_READY', reason: null },
      { __typename: 'RolloutChange', action: 'PAUSE', actorName: 'Dauren Omarov', at: '2026-11-20T06:30:00.000Z', field: 'status', from: 'PREPARING', to: 'PAUSED', reason: 'The hall is being repaired.' },
    ];
    openPanel(paused, ADMIN);

    const history = await screen.findByTestId('rollout-history');
    const rows = within(history).getAllByTestId('history-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Dauren OmarovPaused: statusPreparing → changed to PausedReason: The hall is being repaired.');
    expect(rows[1]).toHaveTextContent('Edited: gates metno gates → changed to Space ready');
    expect(rows[2]).toHaveTextContent('Not recordedPlanned: planned daynone → changed to 1 March 2027');
  });
});
