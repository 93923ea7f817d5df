import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ANALYST, COORDINATOR } from '../auth/session.fixtures';
import { overviewErrorMock, overviewMock, overviewReportsMock } from './overview.fixtures';

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the overview page', () => {
  it('shows each KPI as a figure with a label, formatted for the UI language', async () => {
    renderApp({ path: '/', language: 'en', mocks: [overviewMock(), overviewReportsMock()] });

    expect(await screen.findByTestId('open-centres')).toHaveTextContent('14');
    expect(screen.getByTestId('centre-count')).toHaveTextContent('of 15 centres in the network');
    expect(within(card('Clubs meeting')).getByTestId('active-clubs')).toHaveTextContent('1,234');
    expect(screen.getByTestId('clubs-started')).toHaveTextContent('3 started this month');
    expect(within(card('Programs running now')).getByTestId('running-programs')).toHaveTextContent('21');
    expect(within(screen.getByTestId('kpi-cards')).getAllByRole('listitem')).toHaveLength(5);
  });

  it('links each figure to the list behind it', async () => {
    renderApp({ path: '/', language: 'en', mocks: [overviewMock(), overviewReportsMock()] });
    await screen.findByTestId('open-centres');

    expect(within(card('Centres open')).getByRole('link', { name: 'See all centres' })).toHaveAttribute('href', '/centres');
    expect(within(card('Clubs meeting')).getByRole('link', { name: 'Clubs by centre' })).toHaveAttribute('href', '/centres');
    expect(within(card('Programs running now')).getByRole('link', { name: 'All programs' })).toHaveAttribute(
      'href',
      '/catalogue/programs',
    );
  });

  it('states how many centres the network has, with the right plural, and links to them', async () => {
    renderApp({ path: '/', language: 'ru', mocks: [overviewMock(), overviewReportsMock()] });

    expect(await screen.findByTestId('centre-count')).toHaveTextContent('15 центров в сети');
    expect(screen.getByRole('link', { name: 'Все центры сети' })).toHaveAttribute('href', '/centres');
  });

  it('uses the singular and few forms where Russian needs them, and spaces thousands', async () => {
    const { unmount } = renderApp({ path: '/', language: 'ru', mocks: [overviewReportsMock(), overviewMock({ allCentres: 1, clubsStartedThisMonth: 1 })] });
    expect(await screen.findByTestId('centre-count')).toHaveTextContent('из 1 центра в сети');
    expect(screen.getByTestId('clubs-started')).toHaveTextContent('1 открыт в этом месяце');
    expect(screen.getByTestId('active-clubs').textContent).toMatch(/^1\s234$/);
    unmount();

    renderApp({ path: '/', language: 'ru', mocks: [overviewReportsMock(), overviewMock({ allCentres: 3, clubsStartedThisMonth: 5 })] });
    expect(await screen.findByTestId('centre-count')).toHaveTextContent('из 3 центров в сети');
    expect(screen.getByTestId('clubs-started')).toHaveTextContent('5 открыто в этом месяце');
  });

  it('speaks Kazakh', async () => {
    renderApp({ path: '/', language: 'kk', mocks: [overviewReportsMock(), overviewMock({ clubsStartedThisMonth: 1 })] });

    expect(await screen.findByTestId('clubs-started')).toHaveTextContent('Осы айда 1 клуб ашылды');
    expect(card('Қазір өтіп жатқан бағдарламалар')).toBeInTheDocument();
  });

  it('shows how far the rollout is and how many reports came on time, linked to the lists behind them', async () => {
    renderApp({ path: '/', language: 'en', mocks: [overviewMock(), overviewReportsMock()] });

    const rollout = card('Clubs launched in the districts');
    expect(await within(rollout).findByTestId('rollout-done')).toHaveTextContent('15%');
    expect(within(rollout).getByTestId('rollout-detail')).toHaveTextContent('15 of 97 planned');
    expect(within(rollout).getByRole('link', { name: 'The rollout matrix' })).toHaveAttribute('href', '/rollout');

    const reports = card('Reports on time');
    expect(await within(reports).findByTestId('reports-on-time')).toHaveTextContent('64%');
    expect(within(reports).getByTestId('reports-on-time-detail')).toHaveTextContent('9 of 14 for October 2026');
    expect(within(reports).getByTestId('reports-late')).toHaveTextContent('5 late or missing');
    expect(within(reports).getByRole('link', { name: 'Completeness by centre' })).toHaveAttribute('href', '/reports/completeness');
  });

  it('lists what needs attention: the review queue, late rollout items and who has not reported', async () => {
    renderApp({ path: '/', language: 'en', mocks: [overviewMock(), overviewReportsMock({ reviewQueue: 4 })] });

    const attention = screen.getByRole('region', { name: 'Needs attention' });
    expect(await within(attention).findByRole('link', { name: '4 reports wait for review' })).toHaveAttribute('href', '/reports/review');
    expect(within(attention).getByRole('link', { name: '17 clubs are late to launch in the districts' })).toHaveAttribute('href', '/rollout');
    const notReported = within(attention).getByTestId('attention-not-reported');
    expect(notReported).toHaveTextContent('Not reported for October 2026: Saran, Shet district');
    expect(within(notReported).getByRole('link', { name: 'Saran' })).toHaveAttribute('href', '/reports/c-5/2026-10');
    // Temirtau sent its report (it waits for review); the regional centre owes none.
    expect(within(notReported).queryByRole('link', { name: 'Temirtau' })).not.toBeInTheDocument();
  });

  it('says so when nothing needs attention', async () => {
    renderApp({ path: '/', session: COORDINATOR, mocks: [overviewMock({ rolloutLate: 0 })] });

    const attention = screen.getByRole('region', { name: 'Needs attention' });
    expect(await within(attention).findByText('Nothing needs attention right now.')).toBeInTheDocument();
  });

  it("shows a coordinator the rollout but not the network's reports, which are the region's", async () => {
    renderApp({ path: '/', session: COORDINATOR, mocks: [overviewMock({ rolloutLate: 1 })] });

    expect(await screen.findByTestId('rollout-done')).toHaveTextContent('15%');
    expect(screen.queryByRole('region', { name: 'Reports on time' })).not.toBeInTheDocument();
    expect(within(screen.getByTestId('kpi-cards')).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('link', { name: '1 club is late to launch in a district' })).toHaveAttribute('href', '/rollout');
  });

  it("gives an analyst the reports' figures without the review queue", async () => {
    renderApp({ path: '/', session: ANALYST, mocks: [overviewMock(), overviewReportsMock({ withReviewQueue: false })] });

    expect(await screen.findByTestId('reports-on-time')).toHaveTextContent('64%');
    expect(screen.getByTestId('attention-not-reported')).toBeInTheDocument();
    expect(screen.queryByTestId('attention-review')).not.toBeInTheDocument();
  });

  it('speaks Russian in the new cards, with its plural forms', async () => {
    renderApp({ path: '/', language: 'ru', mocks: [overviewMock({ rolloutLate: 3 }), overviewReportsMock({ reviewQueue: 5 })] });

    expect(await screen.findByRole('link', { name: '5 отчётов ждут проверки' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '3 клуба запаздывают с запуском в районах' })).toBeInTheDocument();
    expect(screen.getByTestId('reports-on-time-detail')).toHaveTextContent('9 из 14 за октябрь 2026');
  });

  it('shows skeletons while the figures load', () => {
    renderApp({ path: '/', mocks: [overviewMock(), overviewReportsMock()] });
    // The page itself is lazy; once it shows, the figures are still on their way.
    return screen.findByRole('status').then((status) => {
      expect(status).toHaveTextContent('Counting…');
    });
  });

  it('shows one error in plain words when the figures cannot be fetched, and retries', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/', mocks: [overviewErrorMock('RATE_LIMITED'), overviewMock(), overviewReportsMock()] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The figures could not be counted.');
    expect(alert).toHaveTextContent('Too many requests in a short time.');
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('open-centres')).toHaveTextContent('14');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
