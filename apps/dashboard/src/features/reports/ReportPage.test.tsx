import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { COORDINATOR } from '../auth/session.fixtures';
import { completeReport, fakeReportApi, report, reportPageMock } from './reports.fixtures';

type User = ReturnType<typeof userEvent.setup>;

const PAGE = '/reports/c-3/2026-10';

function field(name: string, group?: string) {
  const scope = group ? within(screen.getByRole('group', { name: group })) : screen;
  return scope.getByRole('textbox', { name });
}

async function typeInto(user: User, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text !== '') await user.type(input, text);
}

/** Fills in the whole of completeReport(): 58 young people, every line and prevention figure. */
async function fillComplete(user: User) {
  await typeInto(user, field('Events held'), '7');
  await typeInto(user, field('Young people reached in total'), '58');
  const cells: Array<[string, string]> = [
    ['14–17, Female', '10'],
    ['14–17, Male', '12'],
    ['18–24, Female', '8'],
    ['18–24, Male', '9'],
    ['25–35, Female', '11'],
    ['25–35, Male', '8'],
  ];
  for (const [name, value] of cells) await typeInto(user, field(name), value);
  await typeInto(user, field('Meetings', 'Dombra'), '8');
  await typeInto(user, field('Attendance', 'Dombra'), '96');
  await typeInto(user, field('Meetings', 'Public speaking'), '4');
  await typeInto(user, field('Attendance', 'Public speaking'), '40');
  await typeInto(user, field('Sessions', 'Podcast recordings'), '3');
  await typeInto(user, field('Attendance', 'Podcast recordings'), '12');
  await typeInto(user, field('Sessions', 'Codependents anonymous'), '4');
  await typeInto(user, field('Attendance', 'Codependents anonymous'), '26');
  await typeInto(user, field('Raids'), '2');
  await typeInto(user, field('Prevention sessions'), '5');
  await typeInto(user, field('Screenings'), '40');
  await typeInto(user, field('Online shops found'), '3');
  await typeInto(user, field('Online shops blocked'), '2');
  await user.type(screen.getByRole('textbox', { name: 'Highlights of the period' }), 'A dombra evening for parents.');
}

describe('the report form', () => {
  it('lists the clubs and programs that met in the period, and sums the parts of the reach as they are typed', async () => {
    const user = userEvent.setup();
    const api = fakeReportApi();
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(null), ...api.mocks] });

    expect(await screen.findByRole('heading', { level: 1, name: 'Temirtau: report for October 2026' })).toBeInTheDocument();
    // Togyz kumalak closed in July: no line for it.
    expect(screen.getAllByTestId('report-line').map((line) => line.querySelector('legend')?.textContent)).toEqual([
      'Dombra',
      'Public speaking',
      'Podcast recordings',
      'Codependents anonymous',
    ]);
    expect(screen.getByRole('group', { name: 'Codependents anonymous' })).toHaveAccessibleDescription('A support group: counts only, never names.');

    await typeInto(user, field('Young people reached in total'), '60');
    expect(screen.getByTestId('reach-sum')).toHaveTextContent('Sum of the parts: 0 of 60');
    await typeInto(user, field('14–17, Female'), '10');
    await typeInto(user, field('14–17, Male'), '12');
    expect(screen.getByTestId('reach-row-AGE_14_17')).toHaveTextContent('22');
    await typeInto(user, field('18–24, Female'), '8');
    await typeInto(user, field('18–24, Male'), '9');
    await typeInto(user, field('25–35, Female'), '11');
    // Five of six parts: no verdict on the total yet.
    expect(field('Young people reached in total')).not.toHaveAttribute('aria-invalid');
    await typeInto(user, field('25–35, Male'), '8');

    expect(screen.getByTestId('reach-sum')).toHaveTextContent('Sum of the parts: 58 of 60');
    const total = field('Young people reached in total');
    expect(total).toHaveAttribute('aria-invalid', 'true');
    expect(total).toHaveAccessibleDescription(/^Must equal the sum by age band and sex \(58\), not 60\./);

    await typeInto(user, total, '58');
    expect(screen.getByTestId('reach-sum')).toHaveTextContent('Sum of the parts: 58 of 58 ✓ adds up');
    expect(total).not.toHaveAttribute('aria-invalid');
  });

  it('marks each problem at its field as it is typed, and submits only once every figure is in', async () => {
    const user = userEvent.setup();
    const api = fakeReportApi();
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(null), ...api.mocks] });
    await screen.findByRole('textbox', { name: 'Events held' });

    await typeInto(user, field('Events held'), '-3');
    expect(field('Events held')).toHaveAccessibleDescription(/^Enter a whole number, 0 or more\./);
    await typeInto(user, field('Events held'), '12o');
    expect(field('Events held')).toHaveAttribute('aria-invalid', 'true');
    await typeInto(user, field('Meetings', 'Dombra'), '0');
    await typeInto(user, field('Attendance', 'Dombra'), '15');
    expect(field('Attendance', 'Dombra')).toHaveAccessibleDescription('Must be 0 when no meeting was held.');
    await typeInto(user, field('Online shops found'), '2');
    await typeInto(user, field('Online shops blocked'), '3');
    expect(field('Online shops blocked')).toHaveAccessibleDescription('Cannot be more than the shops found (2).');

    // Empty fields are not marked while the coordinator works; submitting needs them.
    expect(field('Raids')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Submit the report' })).toBeDisabled();
    expect(screen.getByText(/fields still need a figure/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show what is missing' }));
    expect(field('Raids')).toHaveAccessibleDescription('Needed to submit: enter 0 if there were none.');

    await fillComplete(user);
    expect(screen.getByText('Every figure is in and adds up: the report can be submitted.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit the report' })).toBeEnabled();
    expect(screen.queryAllByRole('textbox').filter((box) => box.getAttribute('aria-invalid') === 'true')).toEqual([]);
    // It types some forty figures key by key: 5 s alone, over 30 s once beside the API suite on two busy cores.
  }, 90_000);

  it('says the problems in the language of the page', async () => {
    const user = userEvent.setup();
    renderApp({ path: PAGE, language: 'kk', session: COORDINATOR, mocks: [reportPageMock(null), ...fakeReportApi().mocks] });

    const events = await screen.findByRole('textbox', { name: 'Өткізілген іс-шаралар' });
    await user.type(events, '-1');
    expect(events).toHaveAccessibleDescription(/^0-ден кем емес бүтін сан енгізіңіз\./);
    await user.type(screen.getByRole('textbox', { name: 'Барлығы қамтылған жастар' }), '5');
    await waitFor(() => expect(screen.getByTestId('reach-sum')).toHaveTextContent('Бөліктердің қосындысы: 5 ішінен 0'));
  });
});

describe('the draft', () => {
  it('is created once typing pauses, then saved on top of the version the API returned', async () => {
    const user = userEvent.setup();
    const api = fakeReportApi();
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(null), ...api.mocks] });

    await user.type(await screen.findByRole('textbox', { name: 'Events held' }), '7');
    expect(screen.getByTestId('autosave')).toHaveTextContent('Saving…');
    expect(await screen.findByText(/^Saved at \d\d:\d\d\.$/)).toHaveAttribute('role', 'status');
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ operation: 'create', input: { centreId: 'c-3', period: '2026-10', eventsHeld: 7, reachedTotal: null } });
    expect(api.calls[0]?.input['clubs']).toEqual([
      { clubId: 'club-dombra', meetings: null, attendance: null },
      { clubId: 'club-oratory', meetings: null, attendance: null },
    ]);

    await user.type(field('Raids'), '2');
    await waitFor(() => expect(api.calls).toHaveLength(2));
    expect(api.calls[1]).toMatchObject({ operation: 'update', input: { id: 'r-temirtau-2026-10', version: 1, eventsHeld: 7, prevention: { raids: 2 } } });
    await waitFor(() => expect(screen.getByTestId('autosave')).toHaveTextContent(/^Saved at/));

    await user.type(field('Screenings'), '9');
    await waitFor(() => expect(api.calls).toHaveLength(3));
    expect(api.calls[2]).toMatchObject({ operation: 'update', input: { version: 2 } });
  });

  it('keeps a figure with a problem out of the save, and says so', async () => {
    const user = userEvent.setup();
    const api = fakeReportApi({ start: report() });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(report()), ...api.mocks] });

    await user.type(await screen.findByRole('textbox', { name: 'Events held' }), '4');
    await user.type(field('Raids'), '-2');

    expect(await screen.findByText(/^Saved at \d\d:\d\d, except 1 marked field: it is saved once corrected\.$/)).toBeInTheDocument();
    // Typing paced by a loaded machine may pause past the autosave's delay between the two fields, and
    // save twice: whatever the pace, no save carries the bad figure, and the last has the good one.
    expect(api.calls.length).toBeGreaterThan(0);
    expect(api.calls.map((call) => (call.input['prevention'] as { raids?: unknown } | undefined)?.raids)).toEqual(api.calls.map(() => null));
    expect(api.calls.at(-1)?.input).toMatchObject({ id: 'r-temirtau-2026-10', eventsHeld: 4, prevention: { raids: null } });
  });

  it('says when it could not be saved, and tries again', async () => {
    const user = userEvent.setup();
    const api = fakeReportApi({ start: report(), refuse: (_operation, _input, call) => (call === 1 ? 'network' : null) });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(report()), ...api.mocks] });

    await user.type(await screen.findByRole('textbox', { name: 'Events held' }), '4');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The draft could not be saved. The server could not be reached.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText(/^Saved at/)).toBeInTheDocument();
    expect(api.calls.map((call) => call.input['eventsHeld'])).toEqual([4, 4]);
  });

  it('is loaded again when it changed elsewhere (CONFLICT), and the coordinator is told', async () => {
    const user = userEvent.setup();
    const api = fakeReportApi({ start: report(), refuse: () => ({ code: 'CONFLICT' }) });
    const newer = report({ version: 4, eventsHeld: 11 });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(report()), ...api.mocks, reportPageMock(newer)] });

    await user.type(await screen.findByRole('textbox', { name: 'Events held' }), '4');

    expect(await screen.findByText(/This report was changed elsewhere/)).toHaveAttribute('role', 'status');
    await waitFor(() => expect(field('Events held')).toHaveValue('11'));
    expect(api.calls).toHaveLength(1);
  });
});

describe('submitting', () => {
  it('sends the figures on top of the draft with a fresh key, then shows the report read-only', async () => {
    const user = userEvent.setup();
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('5f0d3c3e-0000-4000-8000-000000000001');
    const api = fakeReportApi({ start: report() });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(report()), ...api.mocks] });
    await screen.findByRole('textbox', { name: 'Events held' });

    await fillComplete(user);
    await user.click(screen.getByRole('button', { name: 'Submit the report' }));

    expect(await screen.findByText('The report was submitted. The regional centre will review it.')).toHaveAttribute('role', 'status');
    const submission = api.calls.find((call) => call.operation === 'submit');
    const saves = api.calls.filter((call) => call.operation === 'update').length;
    expect(submission?.input).toMatchObject({
      idempotencyKey: '5f0d3c3e-0000-4000-8000-000000000001',
      centreId: 'c-3',
      period: '2026-10',
      version: 1 + saves,
      eventsHeld: 7,
      reachedTotal: 58,
      prevention: { raids: 2, sessions: 5, screenings: 40, onlineShopsFound: 3, onlineShopsBlocked: 2 },
      highlights: 'A dombra evening for parents.',
    });
    expect(screen.getByTestId('report-view')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Events held' })).not.toBeInTheDocument();
    expect(screen.getByTestId('view-reachedTotal')).toHaveTextContent('58');
    expect(screen.getByText('Submitted')).toBeInTheDocument();
    vi.restoreAllMocks();
  });

  it('retries with the same key, and shows what the API refused at its field', async () => {
    const user = userEvent.setup();
    const keys = ['key-first-submission-0001', 'key-second-submission-002'];
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => keys.shift() as `${string}-${string}-${string}-${string}-${string}`);
    const refusals: Array<'network' | { code: string; fields: Record<string, string> } | null> = [
      'network',
      { code: 'BAD_USER_INPUT', fields: { 'reach.AGE_14_17.FEMALE': 'must be a whole number, 0 or more', period: 'is not over yet: submit it from 2026-10-31' } },
    ];
    const api = fakeReportApi({ start: completeReport(), refuse: (operation) => (operation === 'submit' ? (refusals.shift() ?? null) : null) });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(completeReport()), ...api.mocks] });

    const submit = await screen.findByRole('button', { name: 'Submit the report' });
    await user.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('The report could not be submitted.The server could not be reached.');

    await user.click(screen.getByRole('button', { name: 'Submit the report' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Check the fields marked below.'));
    expect(alert).toHaveTextContent('Is not over yet: submit it from 2026-10-31.');
    expect(field('14–17, Female')).toHaveAccessibleDescription('Must be a whole number, 0 or more.');

    const submissions = api.calls.filter((call) => call.operation === 'submit');
    expect(submissions.map((call) => call.input['idempotencyKey'])).toEqual(['key-first-submission-0001', 'key-first-submission-0001']);
    expect(submissions[0]?.input['version']).toBe(1);
    vi.restoreAllMocks();
  });
});

describe('a report that is not for editing', () => {
  it('reads as it was submitted, for the coordinator', async () => {
    const submitted = completeReport({ state: 'SUBMITTED', allowedActions: [], firstSubmittedAt: '2026-11-03T06:00:00.000Z', submittedAt: '2026-11-03T06:00:00.000Z', onTime: true });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(submitted)] });

    expect(await screen.findByTestId('report-view')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.getByText('Submitted')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Dombra 8 96' })).toBeInTheDocument();
    // Warnings are for the reviewer.
    expect(screen.queryByTestId('report-warnings')).not.toBeInTheDocument();
    expect(screen.queryByTestId('review-panel')).not.toBeInTheDocument();
  });

  it("shows a returned report's comment above the form", async () => {
    const returned = completeReport({ state: 'RETURNED', reviewComment: 'Reach by age does not add up.', allowedActions: ['EDIT', 'SUBMIT'] });
    renderApp({ path: PAGE, session: COORDINATOR, mocks: [reportPageMock(returned), ...fakeReportApi({ start: returned }).mocks] });

    expect(await screen.findByTestId('review-comment')).toHaveTextContent('What the regional centre asked to fix');
    expect(screen.getByTestId('review-comment')).toHaveTextContent('Reach by age does not add up.');
    expect(screen.getByRole('textbox', { name: 'Events held' })).toHaveValue('7');
  });

  it("is not another centre's coordinator's", async () => {
    renderApp({ path: '/reports/c-4/2026-10', session: COORDINATOR, mocks: [] });

    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});
