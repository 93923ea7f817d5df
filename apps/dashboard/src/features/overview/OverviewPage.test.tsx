import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { overviewErrorMock, overviewMock } from './overview.fixtures';

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the overview page', () => {
  it('shows each KPI as a figure with a label, formatted for the UI language', async () => {
    renderApp({ path: '/', language: 'en', mocks: [overviewMock()] });

    expect(await screen.findByTestId('open-centres')).toHaveTextContent('14');
    expect(screen.getByTestId('centre-count')).toHaveTextContent('of 15 centres in the network');
    expect(within(card('Clubs meeting')).getByTestId('active-clubs')).toHaveTextContent('1,234');
    expect(screen.getByTestId('clubs-started')).toHaveTextContent('3 started this month');
    expect(within(card('Programs running now')).getByTestId('running-programs')).toHaveTextContent('21');
    expect(within(screen.getByTestId('kpi-cards')).getAllByRole('listitem')).toHaveLength(3);
  });

  it('links each figure to the list behind it', async () => {
    renderApp({ path: '/', language: 'en', mocks: [overviewMock()] });
    await screen.findByTestId('open-centres');

    expect(within(card('Centres open')).getByRole('link', { name: 'See all centres' })).toHaveAttribute('href', '/centres');
    expect(within(card('Clubs meeting')).getByRole('link', { name: 'Clubs by centre' })).toHaveAttribute('href', '/centres');
    expect(within(card('Programs running now')).getByRole('link', { name: 'All programs' })).toHaveAttribute(
      'href',
      '/catalogue/programs',
    );
  });

  it('states how many centres the network has, with the right plural, and links to them', async () => {
    renderApp({ path: '/', language: 'ru', mocks: [overviewMock()] });

    expect(await screen.findByTestId('centre-count')).toHaveTextContent('15 центров в сети');
    expect(screen.getByRole('link', { name: 'Все центры сети' })).toHaveAttribute('href', '/centres');
  });

  it('uses the singular and few forms where Russian needs them, and spaces thousands', async () => {
    const { unmount } = renderApp({ path: '/', language: 'ru', mocks: [overviewMock({ allCentres: 1, clubsStartedThisMonth: 1 })] });
    expect(await screen.findByTestId('centre-count')).toHaveTextContent('из 1 центра в сети');
    expect(screen.getByTestId('clubs-started')).toHaveTextContent('1 открыт в этом месяце');
    expect(screen.getByTestId('active-clubs').textContent).toMatch(/^1\s234$/);
    unmount();

    renderApp({ path: '/', language: 'ru', mocks: [overviewMock({ allCentres: 3, clubsStartedThisMonth: 5 })] });
    expect(await screen.findByTestId('centre-count')).toHaveTextContent('из 3 центров в сети');
    expect(screen.getByTestId('clubs-started')).toHaveTextContent('5 открыто в этом месяце');
  });

  it('speaks Kazakh', async () => {
    renderApp({ path: '/', language: 'kk', mocks: [overviewMock({ clubsStartedThisMonth: 1 })] });

    expect(await screen.findByTestId('clubs-started')).toHaveTextContent('Осы айда 1 клуб ашылды');
    expect(card('Қазір өтіп жатқан бағдарламалар')).toBeInTheDocument();
  });

  it('shows skeletons while the figures load', () => {
    renderApp({ path: '/', mocks: [overviewMock()] });
    // The page itself is lazy; once it shows, the figures are still on their way.
    return screen.findByRole('status').then((status) => {
      expect(status).toHaveTextContent('Counting…');
    });
  });

  it('shows one error in plain words when the figures cannot be fetched, and retries', async () => {
    const user = userEvent.setup();
    renderApp({ path: '/', mocks: [overviewErrorMock('RATE_LIMITED'), overviewMock()] });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The figures could not be counted.');
    expect(alert).toHaveTextContent('Too many requests in a short time.');
    expect(screen.getAllByRole('alert')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('open-centres')).toHaveTextContent('14');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
