import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReportFieldsFragment } from '../../gql/graphql';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { completeReport, queued, reportPageMock, reviewQueueMock } from './reports.fixtures';
import { ApproveReportMutation, ReopenReportMutation, ReturnReportMutation } from './reports-documents';

const SUBMITTED = completeReport({
  state: 'SUBMITTED',
  version: 5,
  allowedActions: ['APPROVE', 'RETURN'],
  firstSubmittedAt: '2026-11-07T06:00:00.000Z',
  submittedAt: '2026-11-07T06:00:00.000Z',
  onTime: false,
  warnings: [
    { __typename: 'ReportWarning', field: 'eventsHeld', value: 7, usual: 0.5 },
    { __typename: 'ReportWarning', field: 'clubs.club-dombra.attendance', value: 96, usual: 9 },
  ],
});

function reviewMock(
  mutation: typeof ApproveReportMutation | typeof ReturnReportMutation | typeof ReopenReportMutation,
  field: 'approveReport' | 'returnReport' | 'reopenReport',
  input: Record<string, unknown>,
  answer: ReportFieldsFragment | { code: string },
): MockLink.MockedResponse {
  const result =
    'code' in answer
      ? { data: null, errors: [{ message: 'Not for people', extensions: { code: answer.code, currentVersion: 6 } }] }
      : { data: { [field]: { __typename: 'ReportPayload', report: answer } } };
  return { request: { query: mutation, variables: { input } }, result };
}

describe('the review queue', () => {
  it('lists the submitted reports, the longest waiting first, with timeliness and warnings', async () => {
    renderApp({
      path: '/reports/review',
      mocks: [
        reviewQueueMock([
          queued({ onTime: false, submittedAt: '2026-11-07T06:00:00.000Z', warnings: [{ __typename: 'ReportWarning', field: 'eventsHeld' }, { __typename: 'ReportWarning', field: 'reachedTotal' }] }),
          queued({ id: 'r-saran', centre: { __typename: 'Centre', id: 'c-5', name: 'Saran' }, submittedAt: '2026-11-08T04:00:00.000Z' }),
        ]),
      ],
    });

    const rows = await screen.findAllByTestId('queue-row');
    expect(screen.getByRole('table', { name: '2 reports waiting' })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('Temirtau');
    expect(within(rows[0]!).getByText('late')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('2 warnings');
    expect(rows[1]).toHaveTextContent('On time');
    expect(rows[1]).toHaveTextContent('None');
    expect(within(rows[0]!).getByRole('link', { name: 'Review the report of Temirtau for October 2026' })).toHaveAttribute('href', '/reports/c-3/2026-10');
    expect(screen.getByRole('navigation', { name: 'Report pages' })).toBeInTheDocument();
  });

  it('says when nothing waits', async () => {
    renderApp({ path: '/reports/review', mocks: [reviewQueueMock([])] });

    expect(await screen.findByText('Nothing waits for review')).toBeInTheDocument();
  });

  it('is the administrators’ only', async () => {
    renderApp({ path: '/reports/review', session: ANALYST, mocks: [] });

    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });
});

describe('reviewing a report', () => {
  it('shows it read-only with its warnings, and approves the version read', async () => {
    const user = userEvent.setup();
    const approved = { ...SUBMITTED, state: 'APPROVED' as const, version: 6, allowedActions: ['REOPEN' as const] };
    renderApp({
      path: '/reports/c-3/2026-10',
      mocks: [reportPageMock(SUBMITTED), reviewMock(ApproveReportMutation, 'approveReport', { id: SUBMITTED.id, version: 5 }, approved)],
    });

    expect(await screen.findByTestId('report-view')).toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    const warnings = screen.getByTestId('report-warnings');
    expect(within(warnings).getByRole('heading')).toHaveTextContent("2 figures far above the centre's usual");
    expect(within(warnings).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Events held: 7, usually 0.5', 'Dombra: Attendance: 96, usually 9']);
    expect(screen.getByTestId('view-eventsHeld')).toHaveTextContent('7 ⚠ far above the usual 0.5');
    expect(screen.getByText('late')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('The report was approved.')).toHaveAttribute('role', 'status');
    expect(screen.getByText('Approved')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reopen…' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('returns it only with a comment saying what to fix', async () => {
    const user = userEvent.setup();
    const comment = 'Reach by age does not match the club attendance.';
    const returned = { ...SUBMITTED, state: 'RETURNED' as const, version: 6, allowedActions: ['EDIT' as const, 'SUBMIT' as const], reviewComment: comment };
    renderApp({
      path: '/reports/c-3/2026-10',
      mocks: [reportPageMock(SUBMITTED), reviewMock(ReturnReportMutation, 'returnReport', { id: SUBMITTED.id, version: 5, comment }, returned)],
    });

    await user.click(await screen.findByRole('button', { name: 'Return to the centre…' }));
    expect(screen.getByText(/^Return this report to the centre\?/)).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: 'Comment for the centre' });
    expect(box).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Return the report' }));
    expect(box).toHaveAccessibleDescription(/^Write what the centre should fix\./);

    await user.type(box, comment);
    await user.click(screen.getByRole('button', { name: 'Return the report' }));

    expect(await screen.findByText('The report was returned to the centre with your comment.')).toBeInTheDocument();
    expect(screen.getByTestId('review-comment')).toHaveTextContent(comment);
    expect(screen.getByText('Returned')).toBeInTheDocument();
  });

  it('reopens an approved report with a comment', async () => {
    const user = userEvent.setup();
    const approved = { ...SUBMITTED, state: 'APPROVED' as const, version: 6, allowedActions: ['REOPEN' as const], warnings: [] };
    const comment = 'The screenings were counted twice.';
    const reopened = { ...approved, state: 'RETURNED' as const, version: 7, allowedActions: ['EDIT' as const, 'SUBMIT' as const], reviewComment: comment };
    renderApp({
      path: '/reports/c-3/2026-10',
      mocks: [reportPageMock(approved), reviewMock(ReopenReportMutation, 'reopenReport', { id: SUBMITTED.id, version: 6, comment }, reopened)],
    });

    await user.click(await screen.findByRole('button', { name: 'Reopen…' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment for the centre' }), comment);
    await user.click(screen.getByRole('button', { name: 'Reopen the report' }));

    expect(await screen.findByText('The report was reopened and returned to the centre with your comment.')).toBeInTheDocument();
    expect(screen.getByTestId('review-comment')).toHaveTextContent(comment);
  });

  it('loads the report again when it changed since it was read (CONFLICT)', async () => {
    const user = userEvent.setup();
    const resubmitted = { ...SUBMITTED, version: 6, eventsHeld: 9 };
    renderApp({
      path: '/reports/c-3/2026-10',
      mocks: [reportPageMock(SUBMITTED), reviewMock(ApproveReportMutation, 'approveReport', { id: SUBMITTED.id, version: 5 }, { code: 'CONFLICT' }), reportPageMock(resubmitted)],
    });

    await user.click(await screen.findByRole('button', { name: 'Approve' }));

    expect(await screen.findByText(/This report was changed elsewhere/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('view-eventsHeld')).toHaveTextContent(/^9 /));
    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
  });

  it('offers an administrator to fill in a report the centre has not started, without starting it by a slip', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/reports/c-3/2026-10', mocks: [reportPageMock(null)] });

    expect(await screen.findByText('Not started yet')).toBeInTheDocument();
    expect(screen.getByText('5 November 2026')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fill it in for the centre' }));
    expect(screen.getByRole('textbox', { name: 'Events held' })).toBeInTheDocument();
  });

  it('shows the coordinator no review and no warnings', async () => {
    renderApp({ path: '/reports/c-3/2026-10', session: COORDINATOR, mocks: [reportPageMock({ ...SUBMITTED, allowedActions: [] })] });

    expect(await screen.findByTestId('report-view')).toBeInTheDocument();
    expect(screen.queryByTestId('review-panel')).not.toBeInTheDocument();
    expect(screen.queryByText(/far above/)).not.toBeInTheDocument();
  });
});
